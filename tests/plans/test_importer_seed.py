"""The seed plan 249/KH-BCĐ138 imports with every field right."""

import json
from datetime import date
from pathlib import Path

import pytest

from toandan.plans.importer import PlanDraft, import_document, parse_plan, read_document

REPO = Path(__file__).resolve().parents[2]
SEED = REPO.parent / "shared" / "seed" / "ke-hoach-249-KH-BCD138.txt"
pytestmark = pytest.mark.shared_data  # the seed as published, read from ../shared/seed

EXPECTED_TASKS = [
    (
        "II.1",
        "Nâng cao nhận thức, phát huy vai trò, trách nhiệm của toàn hệ thống chính trị",
        ["Thủ trưởng các sở, ban, ngành, hội, đoàn thể tỉnh", "Chủ tịch UBND huyện, thị xã, thành phố"],
        [],
        "2022-05-25",
        "2022-12-31",
        True,
    ),
    (
        "II.2",
        "Xây dựng nội dung, hình thức hướng dẫn, phổ biến, tuyên truyền, giáo dục pháp luật",
        ["Công an tỉnh"],
        [],
        "2022-05-25",
        "2022-12-31",
        True,
    ),
    (
        "II.3",
        "Nghiên cứu ứng dụng tiện ích của công nghệ thông tin phục vụ tuyên truyền",
        ["Sở Thông tin và Truyền thông"],
        ["Công an tỉnh"],
        "2022-05-25",
        "2022-12-31",
        True,
    ),
    (
        "II.4",
        "Xây dựng và nhân rộng các mô hình, điển hình điểm",
        ["Công an tỉnh"],
        ["các đơn vị, địa phương có liên quan"],
        "2022-09-01",
        "2022-09-30",
        False,
    ),
    (
        "II.5",
        "Đảm bảo nguồn lực đáp ứng yêu cầu, nhiệm vụ",
        ["Công an tỉnh"],
        ["các đơn vị liên quan"],
        "2022-10-01",
        "2022-10-31",
        False,
    ),
    (
        "II.6",
        "Tổ chức Hội thảo chuyên đề về phòng ngừa, tố giác hành vi vi phạm pháp luật",
        ["Công an tỉnh"],
        ["các đơn vị có liên quan"],
        "2022-07-01",
        "2022-07-31",
        False,
    ),
    (
        "II.7",
        "Tổ chức kiểm tra, đánh giá kết quả thực hiện Chỉ thị này",
        ["Công an tỉnh"],
        ["các đơn vị, địa phương có liên quan"],
        "2022-11-01",
        "2022-11-30",
        False,
    ),
]

EXPECTED_RECIPIENTS = [
    "V01, V05 - Bộ Công an",
    "Thường trực Tỉnh ủy",
    "Thường trực HĐND tỉnh",
    "CT, các PCT UBND tỉnh",
    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
    "Viện Kiểm sát nhân dân tỉnh",
    "Tòa án nhân dân tỉnh",
    "Các sở, ban, ngành, hội, đoàn thể tỉnh",
    "Đài Phát thanh và Truyền hình tỉnh",
    "Báo Quảng Ngãi",
    "UBND huyện, thị xã, thành phố",
    "VPUB: CVP, PVP, CBTH",
    "Lưu: VT, PV01(CS), PV05",
]


@pytest.fixture(scope="module")
def seed_bytes() -> bytes:
    return SEED.read_bytes()


@pytest.fixture(scope="module")
def draft(seed_bytes: bytes) -> PlanDraft:
    return import_document(seed_bytes, "ke-hoach-249-KH-BCD138.txt")


def test_header_fields(draft: PlanDraft) -> None:
    assert draft.number == "249/KH-BCĐ138"
    assert draft.issuer == "Ban Chỉ đạo 138 tỉnh Quảng Ngãi"
    assert draft.issuer_lines == ["UBND TỈNH QUẢNG NGÃI", "BAN CHỈ ĐẠO 138"]
    assert draft.place == "Quảng Ngãi"
    assert draft.date == date(2022, 5, 25)
    assert draft.title == (
        "Thực hiện Chỉ thị số 03/CT-UBND ngày 28/4/2022 của Chủ tịch UBND tỉnh về việc xây dựng phong trào "
        "toàn dân bảo vệ an ninh Tổ quốc trên không gian mạng trên địa bàn tỉnh Quảng Ngãi năm 2022"
    )
    assert draft.directive == "Chỉ thị số 03/CT-UBND ngày 28/4/2022"


def test_incoming_stamp_is_not_the_plan_date(draft: PlanDraft) -> None:
    assert draft.date != date(2022, 5, 27)
    assert "VĂN BẢN ĐẾN" not in draft.intro and "Chuyển:" not in draft.intro


def test_seven_tasks_with_units_and_time_frames(draft: PlanDraft) -> None:
    assert [t.ref for t in draft.tasks] == [row[0] for row in EXPECTED_TASKS]
    for task, (ref, title, lead, support, start, end, recurring) in zip(
        draft.tasks, EXPECTED_TASKS, strict=True
    ):
        data = task.to_json()
        assert data["title"].startswith(title), ref
        assert data["lead"] == lead, ref
        assert data["support"] == support, ref
        assert (data["start"], data["end"], data["recurring"]) == (start, end, recurring), ref
        assert not task.timeframe.flagged, ref
        assert task.clause and task.clause not in data["title"], ref


def test_task_bodies_keep_the_text_and_join_page_breaks(draft: PlanDraft) -> None:
    task3 = draft.tasks[2]
    assert "ý thức về chính trị, cảnh giác trước những nguy cơ" in task3.body
    assert task3.timeframe.raw == "thường xuyên từ nay đến hết năm 2022"
    assert "Sở Giáo dục và Đào tạo và Đài Phát thanh và Truyền hình tỉnh" in draft.tasks[5].body


def test_sections_budget_and_organisation(draft: PlanDraft) -> None:
    assert [(s.ref, s.kind) for s in draft.sections] == [
        ("I", "purpose"),
        ("II", "tasks"),
        ("III", "budget"),
        ("IV", "organisation"),
    ]
    assert draft.budget.startswith("Công an tỉnh có dự toán riêng")
    assert [c.ref for c in draft.organisation] == ["IV.1", "IV.2", "IV.3"]
    assert "Kế hoạch số 1905/KH-BCĐ138" in draft.organisation[1].text


def test_recipients_and_signer(draft: PlanDraft) -> None:
    assert draft.recipients == EXPECTED_RECIPIENTS
    assert draft.signer.position == "GIÁM ĐỐC CÔNG AN TỈNH"
    assert (draft.signer.rank, draft.signer.name) == ("Đại tá", "Phan Công Bình")
    assert draft.to_json()["signer"] == "Đại tá Phan Công Bình"


def test_json_shape_for_the_cli(draft: PlanDraft) -> None:
    data = json.loads(json.dumps(draft.to_json(), ensure_ascii=False))
    assert list(data) == ["number", "issuer", "place", "date", "title", "tasks", "recipients", "signer"]
    assert data["date"] == "2022-05-25"
    assert set(data["tasks"][0]) == {"ref", "title", "lead", "support", "start", "end", "recurring"}
    rich = json.loads(json.dumps(draft.to_dict(), ensure_ascii=False))
    assert rich["warnings"] == []
    assert rich["tasks"][0]["timeframe"]["raw"] == "thường xuyên từ nay đến hết năm 2022"


def test_same_result_from_text_and_in_other_encodings(seed_bytes: bytes, draft: PlanDraft) -> None:
    text = seed_bytes.decode("utf-8")
    assert parse_plan(text).to_json() == draft.to_json()
    for data in (
        b"\xef\xbb\xbf" + seed_bytes,
        text.encode("utf-16"),
        text.replace("\n", "\r\n").encode("utf-8"),
    ):
        assert parse_plan(read_document(data)).to_json() == draft.to_json()
