"""The consolidated report as a Word document in the Decree 30/2020 layout."""

from __future__ import annotations

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Cm

from toandan.plans.output import decree30 as d30
from toandan.plans.output.consolidated import Consolidated, ReportLine, TaskSection
from toandan.plans.output.sections import ExtraSection

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def _header(doc: Document, c: Consolidated) -> None:  # type: ignore[valid-type]
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    left, right = table.rows[0].cells
    left.width, right.width = Cm(6.5), Cm(10.0)
    lines = c.issuer_lines or [""]
    first = True
    for index, line in enumerate(lines):
        p = d30.centred(left.paragraphs[0] if first else left.add_paragraph())
        first = False
        d30.run(p, line.upper(), d30.TITLE_PT, bold=index == len(lines) - 1)
    d30.run(d30.centred(left.add_paragraph()), c.number_text, d30.TITLE_PT)
    d30.run(d30.centred(right.paragraphs[0]), d30.NATIONAL_TITLE, d30.TITLE_PT, bold=True)
    d30.run(d30.centred(right.add_paragraph()), d30.MOTTO, d30.BODY_PT, bold=True)
    right.add_paragraph()
    d30.run(d30.centred(right.add_paragraph()), d30.date_line(c.place, c.day), d30.BODY_PT, italic=True)


def _title(doc: Document, c: Consolidated) -> None:  # type: ignore[valid-type]
    doc.add_paragraph()
    d30.run(d30.centred(doc.add_paragraph()), _("BÁO CÁO"), d30.BODY_PT, bold=True)
    d30.run(d30.centred(doc.add_paragraph()), c.summary, d30.BODY_PT, bold=True)
    doc.add_paragraph()


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _task(doc: Document, c: Consolidated, number: int, s: TaskSection) -> None:  # type: ignore[valid-type]
    d30.paragraph(doc, f"{number}. {s.title} ({s.ref})", bold=True)
    done = sum(1 for line in s.lines if line.status == "done")
    overdue = sum(1 for line in s.lines if line.status == "overdue")
    d30.paragraph(
        doc,
        _(
            "Thời gian thực hiện: %(time)s. Có %(done)s/%(total)s đơn vị đã hoàn thành, %(overdue)s đơn vị "
            "quá hạn."
        )
        % {"time": s.time_text or "–", "done": done, "total": len(s.lines), "overdue": overdue},
    )
    for line in s.lines:
        if line.narrative:
            d30.paragraph(doc, f"- {line.unit}: {line.narrative}")
    head = [_("STT"), _("Đơn vị"), _("Vai trò"), _("Tình trạng"), *c.indicators]
    rows = [
        [str(i), line.unit, line.role, line.status_label, *map(_number, line.values)]
        for i, line in enumerate(s.lines, start=1)
    ]
    rows.append(["", _("Tổng cộng"), "", "", *map(_number, s.totals)])
    d30.table(doc, head, rows)


def _tasks(doc: Document, c: Consolidated) -> None:  # type: ignore[valid-type]
    for number, s in enumerate(c.tasks, start=1):
        _task(doc, c, number, s)


def _report_row(i: int, r: ReportLine) -> list[str]:
    sent = timezone.localtime(r.submitted_at).strftime("%d/%m/%Y") if r.submitted_at else "–"
    return [
        str(i),
        r.unit,
        r.status_label,
        sent,
        _("Muộn") if r.late else _("Đúng hạn"),
        *map(_number, r.values),
    ]


def _reports(doc: Document, c: Consolidated) -> None:  # type: ignore[valid-type]
    sent = sum(1 for r in c.reports if r.submitted_at)
    d30.paragraph(
        doc,
        _(
            "Có %(sent)s/%(total)s đơn vị đã gửi báo cáo %(period)s (hạn gửi ngày %(due)s); "
            "%(late)s đơn vị gửi muộn hoặc chưa gửi."
        )
        % {
            "sent": sent,
            "total": len(c.reports),
            "period": c.span.label,
            "due": c.span.due_on.strftime("%d/%m/%Y") if c.span.due_on else "–",
            "late": c.late_count,
        },
    )
    head = [_("STT"), _("Đơn vị"), _("Tình trạng"), _("Ngày gửi"), _("Thời hạn"), *c.indicators]
    rows = [_report_row(i, r) for i, r in enumerate(c.reports, start=1)]
    rows.append(["", _("Tổng cộng"), "", "", "", *map(_number, c.report_totals)])
    d30.table(doc, head, rows)


def _summary(doc: Document, c: Consolidated) -> None:  # type: ignore[valid-type]
    total = sum(c.counts.values())
    d30.paragraph(
        doc,
        _(
            "Trong %(total)s lượt phân công nhiệm vụ: %(done)s đã hoàn thành, %(progress)s đang thực hiện, "
            "%(idle)s chưa bắt đầu, %(overdue)s quá hạn."
        )
        % {
            "total": total,
            "done": c.counts["done"],
            "progress": c.counts["in_progress"],
            "idle": c.counts["not_started"],
            "overdue": c.counts["overdue"],
        },
    )
    for name, value in zip(c.indicators, c.totals, strict=True):
        d30.paragraph(doc, f"- {name}: {_number(value)}.")


def _extra_writer(extra: ExtraSection):  # type: ignore[no-untyped-def]
    def write(doc: Document, c: Consolidated) -> None:  # type: ignore[valid-type]
        for text in extra.paragraphs:
            d30.paragraph(doc, text)
        if extra.head:
            d30.table(doc, extra.head, [[_cell(v) for v in row] for row in extra.rows])

    return write


def _lines_writer(name: str):  # type: ignore[no-untyped-def]
    def write(doc: Document, c: Consolidated) -> None:  # type: ignore[valid-type]
        for line in getattr(c, name):
            text = line.strip()
            d30.paragraph(doc, text if text.startswith(("-", "–", "+")) else f"- {text}")

    return write


def _cell(value: object) -> str:
    return _number(value) if isinstance(value, int) and not isinstance(value, bool) else str(value)


def _recipients(c: Consolidated) -> list[str]:
    lines = [line.strip().lstrip("-– ").rstrip(";.") for line in c.recipients if line.strip()]
    if not any(line.startswith("Lưu") for line in lines):
        lines.append("Lưu: VT")
    lines.sort(key=lambda line: line.startswith("Lưu"))
    return [f"- {line}{'.' if i == len(lines) - 1 else ';'}" for i, line in enumerate(lines)]


def _signature(doc: Document, c: Consolidated) -> None:  # type: ignore[valid-type]
    table = doc.add_table(rows=1, cols=2)
    table.autofit = False
    left, right = table.rows[0].cells
    left.width, right.width = Cm(8.0), Cm(8.5)
    head = left.paragraphs[0]
    d30.run(head, _("Nơi nhận:"), d30.RECIPIENTS_HEAD_PT, bold=True, italic=True)
    for line in _recipients(c):
        d30.run(left.add_paragraph(), line, d30.RECIPIENTS_PT)
    sig = c.signature
    first = right.paragraphs[0]
    for index, line in enumerate(x for x in (sig.capacity, sig.position) if x):
        d30.run(d30.centred(first if index == 0 else right.add_paragraph()), line.upper(), bold=True)
    for _blank in range(4):
        right.add_paragraph()
    d30.run(d30.centred(right.add_paragraph()), sig.name, bold=True)


def render_docx(c: Consolidated) -> bytes:
    doc = Document()
    section = doc.sections[0]
    d30.setup_page(section)
    d30.setup_styles(doc)
    d30.page_numbers_from_second_page(section)
    _header(doc, c)
    _title(doc, c)
    issuer = c.plan.issuer_name or (c.issuer_lines[-1] if c.issuer_lines else "")
    d30.paragraph(
        doc,
        _(
            "Thực hiện Kế hoạch số %(number)s, %(issuer)s báo cáo kết quả thực hiện %(period)s "
            "(số liệu tính từ ngày %(start)s đến ngày %(end)s) như sau:"
        )
        % {
            "number": c.plan.number,
            "issuer": issuer,
            "period": c.span.in_sentence,
            "start": c.span.starts_on.strftime("%d/%m/%Y"),
            "end": c.span.ends_on.strftime("%d/%m/%Y"),
        },
    )
    parts = [(_("KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ"), _tasks)]
    if c.span.period is not None:
        parts.append((_("BÁO CÁO ĐỊNH KỲ CỦA CÁC ĐƠN VỊ"), _reports))
    parts.append((_("ĐÁNH GIÁ CHUNG"), _summary))
    for extra in c.extra:
        parts.append((extra.title, _extra_writer(extra)))
    parts.append((_("PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"), _lines_writer("directions")))
    parts.append((_("KIẾN NGHỊ, ĐỀ XUẤT"), _lines_writer("proposals")))
    for numeral, (heading, write) in zip(ROMAN, parts, strict=False):
        d30.paragraph(doc, f"{numeral}. {heading}", bold=True)
        write(doc, c)
    _signature(doc, c)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
