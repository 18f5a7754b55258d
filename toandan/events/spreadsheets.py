"""Spreadsheets offices exchange: a unit's list of participants in (XLSX, every row checked before anything is
stored) and the attendance list out, in the layout of an office sign-in sheet."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils.exceptions import InvalidFileException

from toandan.events.models import Audience, Event, Participant, ParticipantStatus
from toandan.events.registration import Person, clean_person
from toandan.identifiers.text import strip_diacritics
from toandan.orgs.models import Unit, UnitKind

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 1000
# Column headings accepted (folded, lower case) → field.
HEADINGS = {
    "ho va ten": "name",
    "ho ten": "name",
    "so dien thoai": "phone",
    "dien thoai": "phone",
    "email": "email",
    "thu dien tu": "email",
    "xa, phuong": "commune",
    "xa phuong": "commune",
    "doi tuong": "audience",
}


def _fold(value: object) -> str:
    return " ".join(strip_diacritics(str(value or "")).lower().split())


@dataclass
class RowError:
    row: int
    messages: list[str]

    def __str__(self) -> str:
        return _("Dòng %(row)s: %(messages)s") % {"row": self.row, "messages": " ".join(self.messages)}


def read_people(data: bytes, event: Event) -> list[Person]:
    """Read a unit's list; ValidationError with one message per bad row (and nothing read) when any is bad."""
    if len(data) > MAX_BYTES:
        raise ValidationError(_("Tệp danh sách lớn hơn 2 MB."))
    if not data.startswith(b"PK"):
        raise ValidationError(_("Tệp không phải bảng tính Excel (.xlsx)."))
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ValidationError(_("Không đọc được bảng tính; hãy lưu lại dưới dạng .xlsx.")) from exc
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    header_index = next(
        (i for i, row in enumerate(rows[:10]) if any(_fold(c) in ("ho va ten", "ho ten") for c in row)), None
    )
    if header_index is None:
        raise ValidationError(_("Không tìm thấy dòng tiêu đề có cột “Họ và tên”."))
    columns = {i: HEADINGS[_fold(c)] for i, c in enumerate(rows[header_index]) if _fold(c) in HEADINGS}
    body = [(header_index + 2 + n, row) for n, row in enumerate(rows[header_index + 1 :]) if any(row)]
    if not body:
        raise ValidationError(_("Danh sách không có ai."))
    if len(body) > MAX_ROWS:
        raise ValidationError(_("Danh sách có hơn %(count)s người; hãy chia nhỏ.") % {"count": MAX_ROWS})
    communes = {_fold(u.name): u.pk for u in Unit.objects.filter(kind=UnitKind.COMMUNE, is_active=True)}
    audiences = {_fold(label): value for value, label in Audience.choices}
    people: list[Person] = []
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    for number, row in body:
        values = {field: row[i] for i, field in columns.items() if i < len(row)}
        problems: list[str] = []
        commune_id = None
        if values.get("commune"):
            commune_id = communes.get(_fold(values["commune"]))
            if commune_id is None:
                problems.append(_("không có xã, phường “%(name)s”.") % {"name": str(values["commune"])[:60]})
        audience = ""
        if values.get("audience"):
            audience = audiences.get(_fold(values["audience"]), "")
            if not audience:
                problems.append(
                    _("đối tượng “%(name)s” không có trong danh mục.")
                    % {"name": str(values["audience"])[:60]}
                )
        phone = values.get("phone")
        person = Person(
            name=str(values.get("name") or ""),
            phone=str(int(phone)) if isinstance(phone, int | float) else str(phone or ""),
            email=str(values.get("email") or ""),
            commune_id=commune_id,
            audience=audience,
        )
        if isinstance(phone, int | float):  # Excel drops a phone number's leading zero
            person.phone = "0" + person.phone if not person.phone.startswith("0") else person.phone
        try:
            person = clean_person(person, event, contact_required=False)
        except ValidationError as exc:
            problems.extend(exc.messages)
        else:
            key = person.phone or person.email
            if key and key in seen:
                problems.append(_("trùng liên hệ với dòng %(row)s.") % {"row": seen[key]})
            elif key:
                seen[key] = number
        if problems:
            errors.append(RowError(number, problems))
        else:
            people.append(person)
    if errors:
        raise ValidationError([str(e) for e in errors])
    return people


def template_xlsx() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Danh sách")
    sheet.append([_("Họ và tên"), _("Số điện thoại"), _("Thư điện tử"), _("Xã, phường"), _("Đối tượng")])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TNR = "Times New Roman"


def attendance_xlsx(event: Event) -> bytes:
    """The attendance list: the organiser's name and the national motto on top, a numbered table with a column
    for signatures, and the count at the bottom."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Điểm danh")
    sheet.merge_cells("A1:C1")
    sheet["A1"] = event.organiser.name.upper()
    sheet.merge_cells("D1:G1")
    sheet["D1"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    sheet.merge_cells("D2:G2")
    sheet["D2"] = "Độc lập - Tự do - Hạnh phúc"
    for ref in ("A1", "D1", "D2"):
        sheet[ref].font = Font(name=TNR, bold=True, size=12)
        sheet[ref].alignment = Alignment(horizontal="center")
    sheet.merge_cells("A4:G4")
    sheet["A4"] = _("DANH SÁCH NGƯỜI THAM DỰ")
    sheet["A4"].font = Font(name=TNR, bold=True, size=14)
    sheet["A4"].alignment = Alignment(horizontal="center")
    sheet.merge_cells("A5:G5")
    start = timezone.localtime(event.starts_at)
    sheet["A5"] = f"{event.get_kind_display()}: {event.title} – {start:%H:%M %d/%m/%Y}"
    sheet["A5"].font = Font(name=TNR, italic=True, size=12)
    sheet["A5"].alignment = Alignment(horizontal="center", wrap_text=True)
    head = [
        _("STT"),
        _("Họ và tên"),
        _("Đơn vị"),
        _("Xã, phường"),
        _("Đối tượng"),
        _("Giờ điểm danh"),
        _("Ký tên"),
    ]
    sheet.append([])
    sheet.append(head)
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(name=TNR, bold=True)
        cell.border = BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    people = (
        Participant.objects.filter(event=event, status=ParticipantStatus.ATTENDED)
        .select_related("unit", "commune")
        .order_by("name", "id")
    )
    for number, p in enumerate(people, start=1):
        at = timezone.localtime(p.checked_in_at).strftime("%H:%M") if p.checked_in_at else ""
        sheet.append(
            [
                number,
                p.name,
                p.unit.name if p.unit else "",
                p.commune.name if p.commune else "",
                p.get_audience_display(),
                at,
                "",
            ]
        )
        for cell in sheet[sheet.max_row]:
            cell.font = Font(name=TNR)
            cell.border = BOX
    sheet.append([])
    sheet.append(["", _("Tổng số người tham dự: %(count)s") % {"count": people.count()}])
    sheet[sheet.max_row][1].font = Font(name=TNR, bold=True)
    for column, width in zip("ABCDEFG", (6, 28, 30, 22, 22, 12, 16), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
