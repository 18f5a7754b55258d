"""A unit's list from XLSX: every row checked first; one bad row stores nobody and names each bad row."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from toandan.events.models import Event, Participant, ParticipantStatus
from toandan.orgs.models import Unit
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db
HEAD = ["Họ và tên", "Số điện thoại", "Thư điện tử", "Xã, phường", "Đối tượng"]


def xlsx(rows: list[list[Any]], title_rows: int = 1) -> SimpleUploadedFile:
    book = Workbook()
    sheet = book.active
    for _n in range(title_rows):
        sheet.append(["DANH SÁCH CÁN BỘ THAM GIA TẬP HUẤN"])
    sheet.append(HEAD)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile("danh-sach.xlsx", out.getvalue())


def post(client: Any, event: Event, upload: Any) -> Any:
    unit = Unit.objects.get(code="ca-phuong-cam-thanh-21025")
    return client.post(f"/can-bo/su-kien/{event.pk}/danh-sach/", {"unit": unit.pk, "file": upload})


def test_good_list_registers_everyone_with_waiting_list(event: Event, commune_a_officer: Any) -> None:
    rows = [
        ["Nguyễn Văn An", 912000001, "", "Phường Cẩm Thành", "Cán bộ, công chức"],  # Excel dropped the 0
        ["Trần Thị Bích", "0912 000 002", "bich@example.vn", "", ""],
        ["Lê Văn Cường", "", "", "", ""],
    ]
    response = post(staff_client(commune_a_officer), event, xlsx(rows))
    assert response.status_code == 302
    people = list(Participant.objects.order_by("id"))
    assert [p.name for p in people] == ["Nguyễn Văn An", "Trần Thị Bích", "Lê Văn Cường"]
    assert [p.status for p in people] == ["registered", "registered", "waitlisted"]  # two seats
    assert people[0].audience == "staff" and people[1].audience == event.audience
    assert all(p.unit.code == "ca-phuong-cam-thanh-21025" and p.source == "bulk" for p in people)
    from toandan.events import contacts

    assert contacts.unseal(people[0].phone) == "0912000001"


def test_bad_rows_store_nothing_and_are_named(event: Event, commune_a_officer: Any) -> None:
    rows = [
        ["Nguyễn Văn An", "0912000001", "", "", ""],
        ["", "0912000002", "", "", ""],
        ["Trần Bình", "12345", "khong-phai-email", "", ""],
        ["Lê Cường", "0912000001", "", "Xã Không Có", "Người ngoài hành tinh"],
    ]
    response = post(staff_client(commune_a_officer), event, xlsx(rows, title_rows=2))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Dòng 5: Nhập họ và tên." in page
    assert "Dòng 6: Số điện thoại “12345” không hợp lệ." in page
    assert "Địa chỉ thư điện tử “khong-phai-email” không hợp lệ." in page
    assert "Dòng 7: không có xã, phường “Xã Không Có”." in page
    assert "đối tượng “Người ngoài hành tinh” không có trong danh mục." in page
    assert "trùng liên hệ với dòng 4." in page
    assert not Participant.objects.exists()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("a.xlsx", b"not a spreadsheet"), "không phải bảng tính Excel"),
        (SimpleUploadedFile("a.xlsx", b"PK\x03\x04broken"), "Không đọc được bảng tính"),
    ],
)
def test_unreadable_files(event: Event, commune_a_officer: Any, upload: Any, message: str) -> None:
    response = post(staff_client(commune_a_officer), event, upload)
    assert response.status_code == 400 and message in response.content.decode()
    assert not Participant.objects.exists()


def test_missing_heading_and_empty_list(event: Event, commune_a_officer: Any) -> None:
    book = Workbook()
    book.active.append(["Tên", "SĐT"])
    out = io.BytesIO()
    book.save(out)
    client = staff_client(commune_a_officer)
    response = post(client, event, SimpleUploadedFile("a.xlsx", out.getvalue()))
    assert "Không tìm thấy dòng tiêu đề có cột “Họ và tên”." in response.content.decode()
    response = post(client, event, xlsx([]))
    assert "Danh sách không có ai." in response.content.decode()


def test_template_download_and_only_organisers(
    event: Event, commune_a_officer: Any, commune_b_officer: Any
) -> None:
    response = staff_client(commune_a_officer).get(f"/can-bo/su-kien/{event.pk}/mau-danh-sach.xlsx")
    assert response.status_code == 200
    assert post(staff_client(commune_b_officer), event, xlsx([["A", "", "", "", ""]])).status_code == 404
    assert not Participant.objects.filter(status=ParticipantStatus.REGISTERED).exists()
