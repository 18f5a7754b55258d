"""Importing a plan on the web: upload, review beside the text, correct, confirm; refusals leave nothing."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from docx import Document
from pdfmaker import text_pdf
from plan_factories import SEED

from toandan.accounts.models import User
from toandan.core.models import AuditAction, AuditEvent
from toandan.orgs.models import Unit
from toandan.plans.models import Assignment, Plan, Task, UnitAlias
from toandan.plans.views_import import SESSION_KEY
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db


def upload(client: Client, data: bytes, name: str = "ke-hoach.txt") -> Any:
    return client.post(reverse("plans:import"), {"document": SimpleUploadedFile(name, data)})


def review_data(page: Any) -> dict[str, Any]:
    """The review form as the browser would submit it untouched."""
    form = page.context["form"]
    data: dict[str, Any] = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, list):
            data[name] = [str(v) for v in value]
        elif value is not None:
            data[name] = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return data


def test_upload_review_correct_confirm(units: None, provincial_officer: User) -> None:
    client = staff_client(provincial_officer)
    response = upload(client, SEED.read_bytes())
    assert response.status_code == 302
    token = response["Location"].rstrip("/").rsplit("/", 1)[-1]
    assert Plan.objects.count() == 0 and token in client.session[SESSION_KEY]
    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200 and "Văn bản đã đọc" in html and "VĂN BẢN ĐẾN" in html
    assert "249/KH-BCĐ138" in html and html.count('class="task"') == 7
    assert "chưa khớp" in html  # "các đơn vị, địa phương có liên quan" has no unit
    assert 'id="unknown-units"' in html and "các đơn vị, địa phương có liên quan" in html
    assert "<select" not in html.split('id="review-form"')[1].split("implements")[0]  # no unit selects
    data = review_data(page)
    assert data["t2_lead0_name"] == "Sở Thông tin và Truyền thông"
    assert data["t2_lead0_unit"] == Unit.objects.get(code="so-tttt").name
    assert data["t0_lead0_unit"].startswith("Nhóm ")
    # The department merged into Science and Technology on 1 March 2025: the officer corrects the match.
    data["t2_lead0_unit"] = Unit.objects.get(code="so-khcn").name
    data["t6_end"] = "2022-11-25"
    data["t1_title"] = "Xây dựng nội dung tuyên truyền (đã sửa)"
    done = client.post(response["Location"], data)
    assert done.status_code == 302, done.context["form"].errors if done.context else done
    plan = Plan.objects.get()
    assert done["Location"] == reverse("plans:detail", args=[plan.pk])
    assert (plan.number, plan.issued_on.isoformat(), plan.issuer.code) == (
        "249/KH-BCĐ138",
        "2022-05-25",
        "bcd138",
    )
    assert plan.tasks.count() == 7 and plan.created_by == provincial_officer
    task3 = plan.tasks.get(ref="II.3")
    assert {(a.unit.code, a.role) for a in task3.assignments.all()} == {
        ("so-khcn", "lead"),
        ("ca-tinh", "support"),
    }
    assert plan.tasks.get(ref="II.7").end.isoformat() == "2022-11-25"
    assert plan.tasks.get(ref="II.2").title == "Xây dựng nội dung tuyên truyền (đã sửa)"
    assert plan.tasks.get(ref="II.1").assignments.count() == 19 + 23  # departments, mass orgs, districts
    assert plan.tasks.get(ref="II.4").support_text == "các đơn vị, địa phương có liên quan"
    assert plan.indicators.count() == 3 and plan.periods.filter(frequency="quarterly").count() == 4
    assert plan.expected_implementers.count() == 13 + 6 + 23
    assert token not in client.session[SESSION_KEY]
    assert AuditEvent.objects.filter(action=AuditAction.CREATED, object_id=str(plan.pk)).exists()
    # The correction is remembered: the next import resolves the name to the unit the officer chose.
    alias = UnitAlias.objects.get()
    assert alias.written == "Sở Thông tin và Truyền thông"
    assert [u.code for u in alias.units.all()] == ["so-khcn"]


def test_same_plan_twice_is_refused(units: None, provincial_officer: User) -> None:
    client = staff_client(provincial_officer)
    first = upload(client, SEED.read_bytes())
    second = upload(client, SEED.read_bytes())  # both previews exist before either is confirmed
    assert client.post(first["Location"], review_data(client.get(first["Location"]))).status_code == 302
    page = client.get(second["Location"])
    refused = client.post(second["Location"], review_data(page))
    assert refused.status_code == 400
    assert "đã được nhập trước đây" in refused.content.decode()
    again = upload(client, SEED.read_bytes())
    assert again.status_code == 400 and "đã được nhập trước đây" in again.content.decode()
    assert Plan.objects.count() == 1 and Task.objects.count() == 7


def _docx_bytes(lines: list[str], picture: bytes | None = None) -> bytes:
    doc = Document()
    for line in lines:
        doc.add_paragraph(line)
    if picture:
        doc.add_picture(io.BytesIO(picture))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "trong.txt", "Tài liệu trống"),
        (b"   \n", "trong.txt", "Tài liệu trống"),
        ("CÔNG VĂN\nVề việc họp giao ban\n1. Họp.".encode(), "cv.txt", "không phải là kế hoạch"),
        (b"K\xd5 HO\xb9CH\nPh\xdfng ch\xe8ng t\xa9i ph\xb9m\n", "tcvn3.txt", "bảng mã"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "scan.png", "không có lớp chữ"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "cu.doc", "Word 97-2003 (.doc)"),
        (b"%PDF-1.4\nrac\n", "hong.pdf", "Không đọc được tệp PDF"),
    ],
)
def test_bad_documents_get_a_clear_message_and_nothing_is_kept(
    units: None, provincial_officer: User, data: bytes, name: str, message: str
) -> None:
    client = staff_client(provincial_officer)
    response = upload(client, data, name)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Plan.objects.count() == 0 and not client.session.get(SESSION_KEY)


def test_scanned_pdf_and_docx_without_text(units: None, provincial_officer: User) -> None:
    from pypdf import PdfWriter

    out = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.write(out)
    client = staff_client(provincial_officer)
    for data, name in ((out.getvalue(), "scan.pdf"),):
        response = upload(client, data, name)
        assert response.status_code == 400 and "không có lớp chữ" in response.content.decode()
    assert Plan.objects.count() == 0


def test_pdf_and_docx_uploads_are_read(units: None, provincial_officer: User) -> None:
    client = staff_client(provincial_officer)
    text = SEED.read_text(encoding="utf-8")
    for data, name in ((text_pdf(text), "ke-hoach.pdf"), (_docx_bytes(text.splitlines()), "ke-hoach.docx")):
        response = upload(client, data, name)
        assert response.status_code == 302, response.content.decode()[:300]
        page = client.get(response["Location"])
        assert page.context["form"]["number"].value() == "249/KH-BCĐ138"
        assert len(page.context["rows"]) == 7
    assert Plan.objects.count() == 0


def test_review_errors_save_nothing(units: None, provincial_officer: User) -> None:
    client = staff_client(provincial_officer)
    location = upload(client, SEED.read_bytes())["Location"]
    base = review_data(client.get(location))
    cases = [
        ({"t0_end": "2022-01-01"}, "Hạn hoàn thành phải sau ngày bắt đầu"),
        ({"issued_on": "25/05/2022x"}, "Ngày không hợp lệ"),
        ({"due_working_days": "0"}, "ít nhất 1 ngày làm việc"),
        ({"number": ""}, "Trường này là bắt buộc"),
        ({f"t{i}_keep": None for i in range(7)}, "ít nhất một nhiệm vụ"),
        ({"indicators": "Số buổi | buổi\nsố buổi | lần"}, "Tên chỉ tiêu bị trùng"),
        ({"t0_lead0_name": "Công an tỉnh"}, "không còn là tên gọi chung"),  # the group label stays
        ({"t0_lead0_unit": "Sở Không Có Thật"}, "Không tìm thấy “Sở Không Có Thật” trong danh bạ"),
        ({"issuer": "Ban Không Có Thật"}, "Không tìm thấy “Ban Không Có Thật” trong danh bạ"),
    ]
    for change, message in cases:
        data = {**base, **change}
        data = {k: v for k, v in data.items() if v is not None}
        response = client.post(location, data)
        assert response.status_code == 400, change
        assert message in response.content.decode(), change
    assert Plan.objects.count() == 0 and Assignment.objects.count() == 0


def test_cancel_discards_the_preview(units: None, provincial_officer: User) -> None:
    client = staff_client(provincial_officer)
    location = upload(client, SEED.read_bytes())["Location"]
    assert client.post(location, {"cancel": "1"}).status_code == 302
    gone = client.get(location, follow=True)
    assert "Bản xem trước không còn" in gone.content.decode()
    assert Plan.objects.count() == 0


def test_only_standing_agency_and_admins_import(
    units: None, police_officer: User, steering_member: User, admin_user: User, citizen: User
) -> None:
    assert staff_client(police_officer).get(reverse("plans:import")).status_code == 403
    assert staff_client(steering_member).get(reverse("plans:import")).status_code == 403
    assert staff_client(admin_user).get(reverse("plans:import")).status_code == 200
    client = Client()
    client.force_login(citizen)
    assert client.get(reverse("plans:import")).status_code == 403
    assert Client().get(reverse("plans:import")).status_code == 302


def test_implementing_plan_links_to_its_parent(
    units: None, provincial_officer: User, seed_plan: Plan
) -> None:
    unit_plan = (
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 15/KH-SGDĐT\nQuảng Ngãi, ngày 10 tháng 6 năm 2022\nKẾ HOẠCH\n"
        "Thực hiện Kế hoạch số 249/KH-BCĐ138 ngày 25/5/2022 của Ban Chỉ đạo 138 tỉnh\n"
        "I. NHIỆM VỤ\n1. Tuyên truyền trong trường học về an ninh mạng\n"
        "(Phòng Chính trị tư tưởng chủ trì, thực hiện trong tháng 9/2022)\n"
    )
    client = staff_client(provincial_officer)
    location = upload(client, unit_plan.encode())["Location"]
    page = client.get(location)
    data = review_data(page)
    assert data["implements"] == str(seed_plan.pk)
    data["issuer"] = Unit.objects.get(code="so-gddt").name
    assert client.post(location, data).status_code == 302
    child = Plan.objects.get(number="15/KH-SGDĐT")
    assert child.implements == seed_plan and child.issuer.code == "so-gddt"


def test_doubts_are_shown_and_a_corrected_time_frame_is_no_longer_flagged(
    units: None, provincial_officer: User
) -> None:
    text = (
        "BAN CHỈ ĐẠO 138\nSố: 3/KH-BCĐ\nKẾ HOẠCH\nTuyên truyền trên loa\nI. NHIỆM VỤ\n"
        "1. Tuyên truyền trên loa phát thanh\n(Công an tỉnh chủ trì, thực hiện khi có điều kiện thuận lợi)\n"
        "2. Kiểm tra kết quả\n(thực hiện trong tháng 9/2023)\n"
    )
    client = staff_client(provincial_officer)
    location = upload(client, text.encode())["Location"]
    page = client.get(location)
    html = page.content.decode()
    assert "Không tìm thấy ngày ban hành." in html
    assert "không đọc được thời gian “khi có điều kiện thuận lợi”" in html
    assert "Nhiệm vụ I.2 không ghi đơn vị chủ trì." in html
    data = review_data(page)
    missing_date = client.post(location, data)
    assert missing_date.status_code == 400 and "Nhập ngày ban hành." in missing_date.content.decode()
    data.update({"issued_on": "2023-08-01", "t1_end": "2023-09-30"})
    assert client.post(location, data).status_code == 302
    flagged = dict(Plan.objects.get().tasks.values_list("ref", "flagged"))
    assert flagged == {"I.1": True, "I.2": False}
