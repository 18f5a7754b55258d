"""The consolidated report: .docx in the Decree 30/2020 layout (opened and inspected) and .xlsx tables."""

from __future__ import annotations

import io
from datetime import date, datetime, time
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from openpyxl import load_workbook
from plan_factories import make_plan

from toandan.accounts.models import User
from toandan.orgs.models import Unit
from toandan.plans.models import PeriodReport, PeriodReportValue, ProgressUpdate, ProgressValue
from toandan.plans.output import Signature, build_consolidated, render_docx, render_xlsx
from toandan.plans.output.decree30 import date_line, number_line, report_symbol
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db


def moment(day: date) -> datetime:
    return datetime.combine(day, time(9), tzinfo=timezone.get_current_timezone())


@pytest.fixture
def plan(units: None) -> Any:
    plan = make_plan(
        [
            ("II.1", date(2022, 6, 1), date(2022, 8, 31), ["ca-tinh"], ["so-gddt"]),
            ("II.2", date(2022, 6, 1), date(2022, 12, 31), ["so-yt"], []),
        ],
        number="249/KH-BCĐ138",
        issued_on=date(2022, 5, 25),
    )
    sessions, people, articles = plan.indicators.all()
    lead = plan.tasks.get(ref="II.1").assignments.get(unit__code="ca-tinh")
    support = plan.tasks.get(ref="II.1").assignments.get(unit__code="so-gddt")
    health = plan.tasks.get(ref="II.2").assignments.get()
    for assignment, day, state, values in (
        (lead, date(2022, 7, 1), "in_progress", {sessions: 2, people: 300}),
        (lead, date(2022, 8, 20), "done", {sessions: 1, people: 120, articles: 4}),
        (support, date(2022, 8, 1), "in_progress", {sessions: 5}),
        (support, date(2022, 9, 20), "in_progress", {sessions: 99}),  # after the Q3 cut-off (14 Sep)
        (health, date(2022, 6, 10), "in_progress", {articles: 7}),  # before the Q3 window (15 Jun)
    ):
        update = ProgressUpdate.objects.create(
            assignment=assignment, state=state, narrative=f"Kết quả {day:%d/%m}", at=moment(day)
        )
        for indicator, value in values.items():
            ProgressValue.objects.create(update=update, indicator=indicator, value=value)
    q3 = plan.periods.get(frequency="quarterly", year=2022, index=3)
    on_time = PeriodReport.objects.create(
        period=q3,
        unit=Unit.objects.get(code="ca-tinh"),
        status="submitted",
        narrative="Đã hoàn thành",
        submitted_at=moment(q3.due_on),
    )
    PeriodReportValue.objects.create(report=on_time, indicator=sessions, value=3)
    PeriodReport.objects.create(
        period=q3,
        unit=Unit.objects.get(code="so-gddt"),
        status="submitted",
        narrative="Muộn",
        submitted_at=moment(date(2022, 9, 30)),
    )
    return plan


def consolidated(plan: Any, number: int | None = 5) -> Any:
    return build_consolidated(
        plan,
        plan.periods.get(frequency="quarterly", year=2022, index=3),
        number=number,
        day=date(2022, 10, 5),
        signature=Signature("KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Đại tá Nguyễn Văn A"),
        recipients=["Thường trực Tỉnh ủy (b/c)", "Các thành viên Ban Chỉ đạo"],
    )


def test_decree30_number_and_date_conventions() -> None:
    assert report_symbol("249/KH-BCĐ138") == "BC-BCĐ138"
    assert number_line(5, "BC-BCĐ138") == "Số: 05/BC-BCĐ138"
    assert number_line(12, "BC-BCĐ138") == "Số: 12/BC-BCĐ138"
    assert number_line(None, "BC-BCĐ138").startswith("Số:") and "/BC-BCĐ138" in number_line(None, "BC-BCĐ138")
    assert date_line("Quảng Ngãi", date(2026, 2, 5)) == "Quảng Ngãi, ngày 05 tháng 02 năm 2026"
    assert date_line("Quảng Ngãi", date(2022, 10, 15)) == "Quảng Ngãi, ngày 15 tháng 10 năm 2022"


def test_figures_follow_the_cut_off_window(plan: Any) -> None:
    c = consolidated(plan)
    task1 = c.tasks[0]
    rows = {line.unit: line for line in task1.lines}
    assert rows["Công an tỉnh Quảng Ngãi"].values == [3, 420, 4]
    assert rows["Công an tỉnh Quảng Ngãi"].status == "done"
    assert rows["Sở Giáo dục và Đào tạo"].values == [5, 0, 0]
    assert rows["Sở Giáo dục và Đào tạo"].status == "overdue"  # task ended 31 Aug, not done by 14 Sep
    assert task1.totals == [8, 420, 4]
    assert c.tasks[1].lines[0].values == [0, 0, 0] and c.totals == [8, 420, 4]
    reports = {r.unit: r for r in c.reports}
    assert not reports["Công an tỉnh Quảng Ngãi"].late and reports["Sở Giáo dục và Đào tạo"].late
    assert reports["Sở Y tế"].submitted_at is None and reports["Sở Y tế"].late
    assert c.report_totals == [3, 0, 0]


def runs(paragraph: Any) -> list[Any]:
    return [r for r in paragraph.runs if r.text.strip()]


def test_docx_layout(plan: Any) -> None:
    doc = Document(io.BytesIO(render_docx(consolidated(plan))))
    section = doc.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.1) and abs(section.page_height - Mm(297)) < Mm(0.1)
    assert Mm(20) <= section.top_margin <= Mm(25) and Mm(20) <= section.bottom_margin <= Mm(25)
    assert Mm(30) <= section.left_margin <= Mm(35) and Mm(15) <= section.right_margin <= Mm(20)
    # Page numbers centred at the top from page 2: a different, empty first-page header.
    assert section.different_first_page_header_footer
    header_xml = section.header._element.xml
    assert "PAGE" in header_xml and section.header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert "PAGE" not in section.first_page_header._element.xml
    # Every run is Times New Roman, also for Vietnamese (east-Asian and complex-script slots).
    for paragraph in doc.paragraphs:
        for r in runs(paragraph):
            assert r.font.name == "Times New Roman"
            assert r._r.rPr.rFonts.get(qn("w:eastAsia")) == "Times New Roman"

    left, right = doc.tables[0].rows[0].cells
    issuer = [p for p in left.paragraphs if p.text.strip()]
    assert [p.text for p in issuer] == ["UBND TỈNH QUẢNG NGÃI", "BAN CHỈ ĐẠO 138", "Số: 05/BC-BCĐ138"]
    assert runs(issuer[1])[0].font.bold and not runs(issuer[0])[0].font.bold
    assert all(Pt(12) <= runs(p)[0].font.size <= Pt(13) for p in issuer[:2])
    national, motto, place = (p for p in right.paragraphs if p.text.strip())
    assert national.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and national.text.isupper()
    assert runs(national)[0].font.bold and Pt(12) <= runs(national)[0].font.size <= Pt(13)
    assert motto.text == "Độc lập - Tự do - Hạnh phúc" and runs(motto)[0].font.bold
    assert Pt(13) <= runs(motto)[0].font.size <= Pt(14)
    assert place.text == "Quảng Ngãi, ngày 05 tháng 10 năm 2022" and runs(place)[0].font.italic

    texts = [p.text for p in doc.paragraphs]
    kind = doc.paragraphs[texts.index("BÁO CÁO")]
    assert runs(kind)[0].font.bold and kind.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert Pt(13) <= runs(kind)[0].font.size <= Pt(14)
    summary = doc.paragraphs[texts.index("BÁO CÁO") + 1]
    assert (
        summary.text.startswith("Kết quả thực hiện Kế hoạch số 249/KH-BCĐ138")
        and "Quý III/2022" in summary.text
    )
    assert runs(summary)[0].font.bold
    body = next(p for p in doc.paragraphs if p.text.startswith("Thực hiện Kế hoạch số 249/KH-BCĐ138"))
    assert body.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert Cm(1) <= body.paragraph_format.first_line_indent <= Cm(1.27) + 1
    assert Pt(13) <= runs(body)[0].font.size <= Pt(14)
    assert "15/06/2022" in body.text and "14/09/2022" in body.text
    headings = [t for t in texts if t[:2] in ("1.", "2.")]
    assert headings == ["1. Nhiệm vụ II.1 (II.1)", "2. Nhiệm vụ II.2 (II.2)"]


def cells(table: Any) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def test_docx_tables_carry_the_numbers(plan: Any) -> None:
    doc = Document(io.BytesIO(render_docx(consolidated(plan))))
    task1, task2, reports, signature = doc.tables[1], doc.tables[2], doc.tables[3], doc.tables[4]
    rows = cells(task1)
    assert rows[0][:4] == ["STT", "Đơn vị", "Vai trò", "Tình trạng"] and rows[0][4].startswith("Số buổi")
    assert rows[1] == ["1", "Công an tỉnh Quảng Ngãi", "Chủ trì", "Đã hoàn thành", "3", "420", "4"]
    assert rows[2] == ["2", "Sở Giáo dục và Đào tạo", "Phối hợp", "Quá hạn", "5", "0", "0"]
    assert rows[3] == ["", "Tổng cộng", "", "", "8", "420", "4"]
    assert cells(task2)[1][1] == "Sở Y tế"
    report_rows = {row[1]: row for row in cells(reports)[1:]}
    assert report_rows["Công an tỉnh Quảng Ngãi"][4] == "Đúng hạn"
    assert report_rows["Sở Giáo dục và Đào tạo"][3:5] == ["30/09/2022", "Muộn"]
    assert report_rows["Sở Y tế"][2:5] == ["Chưa gửi", "–", "Muộn"]
    assert task1.style.name == "Table Grid"
    left, right = signature.rows[0].cells
    head = left.paragraphs[0]
    assert head.text == "Nơi nhận:" and runs(head)[0].font.bold and runs(head)[0].font.italic
    assert runs(head)[0].font.size == Pt(12)
    listed = [p for p in left.paragraphs[1:] if p.text.strip()]
    assert [p.text for p in listed] == [
        "- Thường trực Tỉnh ủy (b/c);",
        "- Các thành viên Ban Chỉ đạo;",
        "- Lưu: VT.",
    ]
    assert all(runs(p)[0].font.size == Pt(11) for p in listed)
    signer = [p.text for p in right.paragraphs if p.text.strip()]
    assert signer == ["KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Đại tá Nguyễn Văn A"]


def test_xlsx_tables(plan: Any) -> None:
    book = load_workbook(io.BytesIO(render_xlsx(consolidated(plan))))
    assert book.sheetnames == ["Nhiệm vụ - đơn vị", "Báo cáo định kỳ", "Tổng hợp"]
    rows = list(book["Nhiệm vụ - đơn vị"].iter_rows(values_only=True))
    assert rows[0][:5] == ("Nhiệm vụ", "Tên nhiệm vụ", "Đơn vị", "Vai trò", "Tình trạng")
    assert rows[1] == (
        "II.1",
        "Nhiệm vụ II.1",
        "Công an tỉnh Quảng Ngãi",
        "Chủ trì",
        "Đã hoàn thành",
        3,
        420,
        4,
    )
    reports = {r[0]: r for r in book["Báo cáo định kỳ"].iter_rows(min_row=2, values_only=True)}
    assert reports["Công an tỉnh Quảng Ngãi"][3:5] == ("Đúng hạn", 3)
    assert reports["Sở Giáo dục và Đào tạo"][2].strftime("%d/%m/%Y %H:%M") == "30/09/2022 09:00"
    summary = dict(book["Tổng hợp"].iter_rows(min_row=2, values_only=True))
    assert summary["Kỳ báo cáo"] == "Quý III/2022" and summary["Số buổi tuyên truyền (buổi)"] == 8


def test_export_views(plan: Any, provincial_officer: User, police_officer: User) -> None:
    q3 = plan.periods.get(frequency="quarterly", year=2022, index=3)
    client = staff_client(provincial_officer)
    page = client.get(reverse("plans:consolidated", args=[plan.pk]))
    assert page.status_code == 200 and "Quý III/2022" in page.content.decode()
    params = {"period": q3.pk, "number": "7", "day": "2022-10-05", "recipients": "Lưu: VT, PV05"}
    docx = client.get(reverse("plans:export", args=[plan.pk, "docx"]), params)
    assert docx.status_code == 200 and docx["Content-Type"].endswith("wordprocessingml.document")
    opened = Document(io.BytesIO(docx.content))
    assert "Số: 07/BC-BCĐ138" in opened.tables[0].rows[0].cells[0].text
    xlsx = client.get(reverse("plans:export", args=[plan.pk, "xlsx"]), params)
    assert (
        xlsx.status_code == 200
        and load_workbook(io.BytesIO(xlsx.content)).sheetnames[0] == "Nhiệm vụ - đơn vị"
    )
    bad = client.get(reverse("plans:export", args=[plan.pk, "docx"]), {**params, "period": 999999})
    assert bad.status_code == 400 and "Chọn kỳ báo cáo" in bad.content.decode()
    bad_number = client.get(reverse("plans:export", args=[plan.pk, "docx"]), {**params, "number": "-1"})
    assert bad_number.status_code == 400
    assert client.get(reverse("plans:export", args=[plan.pk, "pdf"]), params).status_code == 404
    assert (
        staff_client(police_officer).get(reverse("plans:export", args=[plan.pk, "docx"]), params).status_code
        == 403
    )


def test_cumulative_report_to_date(plan: Any) -> None:
    c = build_consolidated(plan, None, number=None)
    assert c.span.label.startswith("Lũy kế đến ngày") and c.span.starts_on == date(2022, 5, 25)
    assert c.totals == [2 + 1 + 5 + 99, 420, 4 + 7] and c.reports == []
    doc = Document(io.BytesIO(render_docx(c)))
    texts = [p.text for p in doc.paragraphs]
    assert "II. ĐÁNH GIÁ CHUNG" in texts and not any("BÁO CÁO ĐỊNH KỲ" in t for t in texts)
    assert len(doc.tables) == 1 + 2 + 1  # header, one table per task, signature
    assert doc.tables[0].rows[0].cells[0].paragraphs[-1].text.replace(" ", "") == "Số:/BC-BCĐ138"
