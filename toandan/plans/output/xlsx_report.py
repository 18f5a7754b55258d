"""The consolidated report as spreadsheet tables: task × unit, the units' period reports, and totals."""

from __future__ import annotations

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from toandan.plans.output.consolidated import Consolidated

BOLD = Font(name="Times New Roman", bold=True)


def _sheet(book: Workbook, title: str, head: list[str], rows: list[list[object]]) -> None:
    sheet = book.create_sheet(title)
    sheet.append(head)
    for cell in sheet[1]:
        cell.font = BOLD
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "A2"


def render_xlsx(c: Consolidated) -> bytes:
    book = Workbook()
    book.remove(book.active)
    task_rows: list[list[object]] = []
    for s in c.tasks:
        for line in s.lines:
            task_rows.append([s.ref, s.title, line.unit, line.role, line.status_label, *line.values])
    _sheet(
        book,
        _("Nhiệm vụ - đơn vị"),
        [_("Nhiệm vụ"), _("Tên nhiệm vụ"), _("Đơn vị"), _("Vai trò"), _("Tình trạng"), *c.indicators],
        task_rows,
    )
    report_rows: list[list[object]] = []
    for r in c.reports:
        sent = timezone.localtime(r.submitted_at).replace(tzinfo=None) if r.submitted_at else None
        report_rows.append([r.unit, r.status_label, sent, _("Muộn") if r.late else _("Đúng hạn"), *r.values])
    _sheet(
        book,
        _("Báo cáo định kỳ"),
        [_("Đơn vị"), _("Tình trạng"), _("Thời điểm gửi"), _("Thời hạn"), *c.indicators],
        report_rows,
    )
    summary: list[list[object]] = [
        [_("Kế hoạch"), c.plan.number],
        [_("Kỳ báo cáo"), c.span.label],
        [_("Chốt số liệu từ"), c.span.starts_on],
        [_("Chốt số liệu đến"), c.span.ends_on],
        [_("Hạn gửi báo cáo"), c.span.due_on],
    ]
    summary += [[name, total] for name, total in zip(c.indicators, c.totals, strict=True)]
    summary += [[_("Phương hướng, nhiệm vụ thời gian tới"), line] for line in c.directions]
    summary += [[_("Kiến nghị, đề xuất"), line] for line in c.proposals]
    _sheet(book, _("Tổng hợp"), [_("Mục"), _("Giá trị")], summary)
    for extra in c.extra:
        if extra.head:
            _sheet(book, extra.title[:31], extra.head, extra.rows)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
