"""An inspection's minutes (biên bản kiểm tra) as a Word document in the Decree 30/2020 layout, with the
page setup, fonts, number line and date line of the plans app's decree30 module."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Cm

from toandan.evaluation.models import Inspection
from toandan.plans.output import decree30 as d30


def _header(doc: Document, inspection: Inspection) -> None:  # type: ignore[valid-type]
    plan = inspection.template.plan
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    left, right = table.rows[0].cells
    left.width, right.width = Cm(6.5), Cm(10.0)
    lines = plan.issuer_line_list() or [plan.issuer_name.upper()]
    for index, line in enumerate(lines):
        p = d30.centred(left.paragraphs[0] if index == 0 else left.add_paragraph())
        d30.run(p, line.upper(), d30.TITLE_PT, bold=index == len(lines) - 1)
    number = d30.number_line(None, d30.report_symbol(plan.number, "BB"))
    d30.run(d30.centred(left.add_paragraph()), number, d30.TITLE_PT)
    d30.run(d30.centred(right.paragraphs[0]), d30.NATIONAL_TITLE, d30.TITLE_PT, bold=True)
    d30.run(d30.centred(right.add_paragraph()), d30.MOTTO, d30.BODY_PT, bold=True)
    right.add_paragraph()
    place = inspection.place or plan.place
    d30.run(d30.centred(right.add_paragraph()), d30.date_line(place, inspection.inspected_on), italic=True)


def _signatures(doc: Document, inspection: Inspection) -> None:  # type: ignore[valid-type]
    table = doc.add_table(rows=1, cols=2)
    table.autofit = False
    left, right = table.rows[0].cells
    left.width, right.width = Cm(8.0), Cm(8.5)
    d30.run(d30.centred(left.paragraphs[0]), _("ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA"), bold=True)
    d30.run(d30.centred(right.paragraphs[0]), _("TRƯỞNG ĐOÀN KIỂM TRA"), bold=True)
    for cell in (left, right):
        for _blank in range(4):
            cell.add_paragraph()
    team = inspection.team_list()
    if team:
        d30.run(d30.centred(right.add_paragraph()), team[0].split(",")[0].strip(), bold=True)


def render_minutes(inspection: Inspection) -> bytes:
    plan = inspection.template.plan
    doc = Document()
    section = doc.sections[0]
    d30.setup_page(section)
    d30.setup_styles(doc)
    d30.page_numbers_from_second_page(section)
    _header(doc, inspection)
    doc.add_paragraph()
    d30.run(d30.centred(doc.add_paragraph()), _("BIÊN BẢN"), bold=True)
    title = _("Kiểm tra việc thực hiện Kế hoạch số %(number)s tại %(unit)s") % {
        "number": plan.number,
        "unit": inspection.unit.name,
    }
    d30.run(d30.centred(doc.add_paragraph()), title, bold=True)
    doc.add_paragraph()
    day = inspection.inspected_on
    d30.paragraph(
        doc,
        _("Hôm nay, ngày %(day)s tháng %(month)s năm %(year)s, tại %(place)s, đoàn kiểm tra gồm:")
        % {
            "day": d30.two_digits(day.day),
            "month": d30.two_digits(day.month) if day.month < 3 else day.month,
            "year": day.year,
            "place": inspection.place or inspection.unit.name,
        },
    )
    for line in inspection.team_list():
        d30.paragraph(doc, f"- {line};")
    d30.paragraph(
        doc, _("đã tiến hành kiểm tra %(unit)s theo danh mục sau:") % {"unit": inspection.unit.name}
    )
    scores = {s.item_id: s for s in inspection.scores.all()}
    items = list(inspection.template.items.all())
    rows = []
    for i, item in enumerate(items, start=1):
        s = scores.get(item.pk)
        rows.append([str(i), item.text, str(item.max_score), str(s.score) if s else "", s.note if s else ""])
    total = sum(s.score for s in scores.values())
    rows.append(["", _("Tổng điểm"), str(sum(i.max_score for i in items)), str(total), ""])
    d30.table(doc, [_("STT"), _("Nội dung kiểm tra"), _("Điểm tối đa"), _("Điểm"), _("Nhận xét")], rows)
    d30.paragraph(doc, _("I. KẾT QUẢ KIỂM TRA, TỒN TẠI, HẠN CHẾ"), bold=True)
    for line in inspection.findings.splitlines() or ["–"]:
        if line.strip():
            d30.paragraph(doc, line.strip())
    d30.paragraph(doc, _("II. KẾT LUẬN, KIẾN NGHỊ"), bold=True)
    for line in inspection.conclusion.splitlines() or ["–"]:
        if line.strip():
            d30.paragraph(doc, line.strip())
    follow_ups = list(inspection.follow_ups.select_related("owner"))
    if follow_ups:
        d30.paragraph(doc, _("III. CÁC VIỆC PHẢI THỰC HIỆN SAU KIỂM TRA"), bold=True)
        d30.table(
            doc,
            [_("STT"), _("Việc phải làm"), _("Đơn vị thực hiện"), _("Hạn hoàn thành")],
            [
                [str(i), f.action, f.owner.name, f.due_on.strftime("%d/%m/%Y")]
                for i, f in enumerate(follow_ups, start=1)
            ],
        )
    d30.paragraph(
        doc,
        _(
            "Biên bản được lập thành 02 bản có giá trị như nhau, đã đọc lại cho các thành phần tham dự cùng "
            "nghe và thống nhất ký tên."
        ),
    )
    _signatures(doc, inspection)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
