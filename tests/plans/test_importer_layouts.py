"""Plans in layouts other than the seed: task tables, labelled lines, sub-items, PDF text, decision covers.

Each fixture `tests/plans/fixtures/<name>.txt` (or a .docx built below) has `<name>.expected.json` in the CLI
shape. The score test counts task fields (ref, title, lead, support, start, end, recurring) that match.
"""

import io
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.table import _Cell

from toandan.plans.importer import PlanDraft, import_document, parse_plan

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TASK_FIELDS = ("ref", "title", "lead", "support", "start", "end", "recurring")
PLAN_FIELDS = ("number", "issuer", "place", "date", "title", "recipients", "signer")


def _cell(cell: _Cell, lines: list[str]) -> None:
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def build_table_plan() -> bytes:
    """A .docx with a header table, a task table with merged group rows and a signature table."""
    doc = Document()
    header = doc.add_table(rows=1, cols=2)
    _cell(header.rows[0].cells[0], ["UBND TỈNH ĐẮK LẮK", "SỞ TƯ PHÁP", "Số: 77/KH-STP"])
    _cell(
        header.rows[0].cells[1],
        [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Đắk Lắk, ngày 05 tháng 6 năm 2023",
        ],
    )
    for text in (
        "KẾ HOẠCH",
        "Tăng cường phổ biến pháp luật về phòng, chống lừa đảo trực tuyến năm 2023",
        "Thực hiện Kế hoạch số 112/KH-UBND ngày 15/3/2023 của UBND tỉnh, Sở Tư pháp ban hành Kế hoạch "
        "như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Nâng cao hiểu biết pháp luật của người dân về các thủ đoạn lừa đảo trực tuyến.",
        "II. NHIỆM VỤ CỤ THỂ",
    ):
        doc.add_paragraph(text)
    rows = [
        ["TT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"],
        ["I", "Công tác tuyên truyền"],
        [
            "1",
            "Biên soạn, phát hành tài liệu hỏi - đáp về phòng, chống lừa đảo trực tuyến",
            "Phòng Phổ biến, giáo dục pháp luật",
            "Công an tỉnh; Sở Thông tin và Truyền thông",
            "Quý III/2023",
        ],
        [
            "2",
            'Tổ chức tọa đàm "Nhận diện lừa đảo trực tuyến" tại 05 xã vùng sâu',
            "Sở Tư pháp",
            "UBND các huyện, thị xã, thành phố",
            "Tháng 10/2023",
        ],
        ["II", "Công tác kiểm tra, sơ kết"],
        [
            "1",
            "Kiểm tra việc thực hiện Kế hoạch tại một số địa phương",
            "Thanh tra Sở",
            "Văn phòng Sở",
            "Trước ngày 15/12/2023",
        ],
        ["2", "Sơ kết, đánh giá kết quả thực hiện", "Văn phòng Sở", "Các phòng chuyên môn", "Hằng năm"],
    ]
    table = doc.add_table(rows=len(rows), cols=5)
    for r, values in enumerate(rows):
        cells = table.rows[r].cells
        if len(values) == 2:
            cells[0].text = values[0]
            cells[1].merge(cells[4]).text = values[1]
        else:
            for c, value in enumerate(values):
                cells[c].text = value
    doc.add_paragraph("III. TỔ CHỨC THỰC HIỆN")
    doc.add_paragraph("Các phòng, đơn vị thuộc Sở triển khai thực hiện, báo cáo kết quả về Văn phòng Sở./.")
    sign = doc.add_table(rows=1, cols=2)
    _cell(
        sign.rows[0].cells[0],
        ["Nơi nhận:", "- UBND tỉnh (b/c);", "- Bộ Tư pháp (b/c);", "- Lưu: VT, PBGDPL."],
    )
    _cell(sign.rows[0].cells[1], ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "Hoàng Thị Mai"])
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def build_numbered_plan() -> bytes:
    """A .docx whose task numbers come from Word's automatic numbering ("List Number"), not the text."""
    doc = Document()
    for text in (
        "CÔNG AN TỈNH NINH THUẬN",
        "Số: 31/KH-CAT",
        "Ninh Thuận, ngày 10 tháng 02 năm 2023",
        "KẾ HOẠCH",
        "Tuyên truyền phòng, chống tội phạm trên không gian mạng năm 2023",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Giúp người dân nhận biết và tố giác kịp thời các hành vi lừa đảo.",
        "II. NỘI DUNG",
    ):
        doc.add_paragraph(text)
    doc.add_paragraph(
        "Phối hợp với Đài Phát thanh và Truyền hình tỉnh xây dựng phóng sự cảnh báo lừa đảo",
        style="List Number",
    )
    doc.add_paragraph("Mỗi tháng 01 phóng sự, phát sóng vào khung giờ thời sự tối.")
    doc.add_paragraph(
        "(Phòng Tham mưu chủ trì, phối hợp Đài Phát thanh và Truyền hình tỉnh thực hiện trong quý II/2023)"
    )
    doc.add_paragraph("Tổ chức tuyên truyền lưu động tại các chợ, bến xe", style="List Number")
    doc.add_paragraph("(Công an các huyện, thành phố thực hiện thường xuyên)")
    doc.add_paragraph("III. TỔ CHỨC THỰC HIỆN")
    doc.add_paragraph("Phòng Tham mưu theo dõi, tổng hợp kết quả, báo cáo Giám đốc Công an tỉnh./.")
    for text in ("Nơi nhận:", "- Giám đốc Công an tỉnh (b/c);", "- Lưu: VT, PV01."):
        doc.add_paragraph(text)
    signature = doc.add_paragraph()
    signature.add_run("KT. GIÁM ĐỐC").add_break()
    signature.add_run("PHÓ GIÁM ĐỐC")
    doc.add_paragraph("Thượng tá Trần Quang Vinh")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


BUILDERS: dict[str, Callable[[], bytes]] = {
    "docx-bang-nhiem-vu": build_table_plan,
    "docx-danh-so-tu-dong": build_numbered_plan,
}


def _source(name: str) -> bytes:
    if name in BUILDERS:
        return BUILDERS[name]()
    return (FIXTURES / f"{name}.txt").read_bytes()


def _cases() -> list[str]:
    return sorted(p.name.removesuffix(".expected.json") for p in FIXTURES.glob("*.expected.json"))


def _norm(value: object) -> object:
    return " ".join(value.split()) if isinstance(value, str) else value


def score(expected: dict, got: dict) -> tuple[int, int, list[str]]:
    """Task fields right out of task fields expected; tasks are compared in document order."""
    right, misses = 0, []
    for i, want in enumerate(expected["tasks"]):
        have = got["tasks"][i] if i < len(got["tasks"]) else {}
        for name in TASK_FIELDS:
            if _norm(have.get(name)) == _norm(want[name]):
                right += 1
            else:
                misses.append(f"{want['ref']}.{name}: {have.get(name)!r} != {want[name]!r}")
    extra = len(got["tasks"]) - len(expected["tasks"])
    if extra > 0:
        misses.append(f"{extra} unexpected task(s)")
    total = len(TASK_FIELDS) * max(len(expected["tasks"]), len(got["tasks"]))
    return right, total, misses


@pytest.mark.parametrize("name", _cases())
def test_fixture_matches_expected(name: str) -> None:
    expected = json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
    got = json.loads(json.dumps(import_document(_source(name), name).to_json(), ensure_ascii=False))
    for field in PLAN_FIELDS:
        assert _norm(got[field]) == _norm(expected[field]), field
    right, total, misses = score(expected, got)
    assert right == total, misses


def test_task_fields_score_at_least_90_percent() -> None:
    right = total = 0
    for name in _cases():
        expected = json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
        r, t, _ = score(expected, import_document(_source(name)).to_json())
        right, total = right + r, total + t
    assert len(_cases()) >= 8 and total > 0
    print(f"task fields right on non-seed fixtures: {right}/{total} = {100 * right / total:.1f}%")
    assert right / total >= 0.90


def _draft(name: str) -> PlanDraft:
    return import_document(_source(name), name)


def test_docx_table_rows_are_tasks_and_layout_tables_are_text() -> None:
    draft = _draft("docx-bang-nhiem-vu")
    assert {t.source for t in draft.tasks} == {"table"}
    assert draft.tasks[2].timeframe.raw == "Trước ngày 15/12/2023"
    assert draft.signer.capacity == "KT. GIÁM ĐỐC" and draft.signer.position == "PHÓ GIÁM ĐỐC"


def test_docx_automatic_numbering_gives_the_refs() -> None:
    draft = _draft("docx-danh-so-tu-dong")
    assert [t.ref for t in draft.tasks] == ["II.1", "II.2"]
    assert "Mỗi tháng 01 phóng sự" in draft.tasks[0].body


def test_labelled_lines_are_not_left_in_the_body() -> None:
    draft = _draft("kh-nhan-nhiem-vu")
    first = draft.tasks[0]
    assert (
        first.body == "Xây dựng chuyên mục cảnh báo định kỳ hằng tuần; đăng tải các vụ việc điển hình đã "
        "được cơ quan chức năng xác minh."
    )
    assert first.timeframe.raw == "Thường xuyên trong năm 2023"
    assert draft.budget.startswith("Kinh phí thực hiện Kế hoạch")


def test_sub_items_each_with_a_clause_are_the_tasks() -> None:
    draft = _draft("kh-muc-con")
    assert [t.ref for t in draft.tasks] == ["II.1.a", "II.1.b", "II.1.c", "II.2", "II.3.1", "II.3.2"]
    assert "Rà soát, phân loại cấp độ các hệ thống thông tin" in draft.tasks[3].body


def test_hard_wrapped_pdf_text_is_rejoined() -> None:
    draft = _draft("kh-pdf-xuong-dong")
    assert draft.tasks[1].body.startswith("Tập trung điều tra, làm rõ các vụ việc tồn đọng; phối hợp với")
    assert draft.tasks[2].timeframe.raw == "trong 6 tháng cuối năm 2024"
    assert draft.signer.position == "PHÓ GIÁM ĐỐC"


def test_plan_attached_to_a_decision() -> None:
    draft = _draft("qd-kem-ke-hoach")
    assert draft.decision_number == "215/QĐ-UBND"
    assert draft.decision_date == date(2023, 3, 28)
    assert draft.tasks[1].timeframe.flagged and "năm học" in draft.tasks[1].timeframe.raw
    assert {"code": "time_unclear", "ref": "II.2", "detail": draft.tasks[1].timeframe.raw} in draft.warnings
    assert [c.ref for c in draft.organisation] == ["III.1", "III.2"]


def test_per_unit_assignments_become_tasks_and_content_without_units_is_reported() -> None:
    draft = _draft("kh-theo-don-vi")
    assert {t.source for t in draft.tasks} == {"unit"}
    # Each bullet under "1. Công an tỉnh …:" is a task of its own; the item's time line applies to both.
    assert [t.ref for t in draft.tasks][:2] == ["III.1[-1]", "III.1[-2]"]
    assert all(t.timeframe.recurring for t in draft.tasks[:2])
    unplaced = [w for w in draft.warnings if w["code"] == "unplaced"]
    assert unplaced and unplaced[0]["detail"] == "II.1, II.2, II.3"


def test_appendix_table_with_two_header_rows() -> None:
    draft = _draft("kh-phu-luc-bang")
    assert [t.ref for t in draft.tasks] == ["1", "2", "3", "4"]
    assert draft.tasks[1].timeframe.flagged


def test_pipe_table_in_plain_text_in_a_section() -> None:
    text = (FIXTURES / "kh-phu-luc-bang.txt").read_text(encoding="utf-8")
    table = text[text.index("| STT") :]
    body = text[: text.index("III. TỔ CHỨC")].replace(
        "Các nhiệm vụ cụ thể, đơn vị thực hiện và thời gian thực hiện được phân công chi tiết tại Phụ lục "
        "kèm theo "
        "Kế hoạch này.",
        table,
    )
    draft = parse_plan(body + text[text.index("III. TỔ CHỨC") : text.index("PHỤ LỤC")])
    assert [t.ref for t in draft.tasks] == ["II.1", "II.2", "II.3", "II.4"]
    assert draft.tasks[2].support == ["Phòng Chính trị tư tưởng", "Trung tâm Công nghệ thông tin"]


def test_phan_headings_decimal_items_and_labelled_parentheticals() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nSố: 1234 /KH-UBND\n"
        "TP. Hồ Chí Minh, ngày 5 tháng 7 năm 2023\n\n"
        "KẾ HOẠCH\nTriển khai Đề án 06 năm 2023\n\nPHẦN THỨ NHẤT: MỤC ĐÍCH, YÊU CẦU\nBảo đảm tiến độ.\n"
        "PHẦN THỨ HAI: NHIỆM VỤ, GIẢI PHÁP\n1. Nhóm nhiệm vụ về thể chế\n"
        "1.1. Rà soát văn bản (Đơn vị thực hiện: Sở Tư pháp; thời gian: Quý III/2023).\n"
        "1.2. Ban hành quy chế phối hợp (Cơ quan chủ trì: Công an Thành phố; cơ quan phối hợp: Sở Nội vụ; "
        "thời hạn hoàn thành: trước ngày 30/9/2023).\n"
        "2. Nâng cấp Trung tâm dữ liệu\nNội dung gồm nhiều hạng mục.\n"
        "Sở Thông tin và Truyền thông chủ trì, phối hợp Công an Thành phố thực hiện năm 2023 "
        "và các năm tiếp theo.\n"
        "PHẦN THỨ BA: TỔ CHỨC THỰC HIỆN\nPhần lớn nhiệm vụ do các sở thực hiện./.\n"
    )
    draft = parse_plan(text)
    assert draft.number == "1234/KH-UBND" and draft.place == "TP. Hồ Chí Minh"
    assert draft.issuer == "Ủy ban nhân dân thành phố Hồ Chí Minh"
    assert [(t.ref, t.lead, t.support) for t in draft.tasks] == [
        ("II.1.1", ["Sở Tư pháp"], []),
        ("II.1.2", ["Công an Thành phố"], ["Sở Nội vụ"]),
        ("II.2", ["Sở Thông tin và Truyền thông"], ["Công an Thành phố"]),
    ]
    assert draft.tasks[2].timeframe.start == date(2023, 1, 1) and draft.tasks[2].timeframe.recurring
    assert [s.ref for s in draft.sections] == ["I", "II", "III"]
