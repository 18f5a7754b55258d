"""Model practices and budget through their pages, and both (with indicators and inspections) in the Decree 30
consolidated period report, .docx and .xlsx."""

from __future__ import annotations

import io

import pytest
from docx import Document
from evaluation_world import COMMUNE_A, World
from openpyxl import load_workbook

from toandan.accounts.models import User
from toandan.evaluation.models import BudgetLine, Practice, Spending
from toandan.evaluation.services.budget import budget_summary, record_spending, set_estimate
from toandan.evaluation.services.metrics import define_metric, set_target
from toandan.orgs.models import Unit
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db


def test_practice_register(seed_plan, provincial_officer: User) -> None:  # type: ignore[no-untyped-def]
    client = staff_client(provincial_officer)
    commune = Unit.objects.get(code=COMMUNE_A)
    police = Unit.objects.get(code=f"ca-{COMMUNE_A}")
    response = client.post(
        f"/can-bo/danh-gia/ke-hoach/{seed_plan.pk}/mo-hinh/",
        {
            "name": "Tổ công nghệ cộng đồng",
            "unit": police.pk,
            "commune": commune.pk,
            "description": "Mỗi tổ dân phố một người hướng dẫn bà con nhận biết lừa đảo.",
            "evidence": "https://example.invalid/bao-cao",
            "results": "Giảm 30% tố giác lừa đảo",
        },
    )
    assert response.status_code == 302
    practice = Practice.objects.get()
    url = f"/can-bo/danh-gia/mo-hinh/{practice.pk}/"
    other = Unit.objects.get(code="phuong-nghia-lo-21028")
    assert (
        client.post(url, {"replication": "1", "r-unit": other.pk, "r-started_on": "2022-10-01"}).status_code
        == 302
    )
    # The same unit twice: refused, nothing added
    assert (
        client.post(url, {"replication": "1", "r-unit": other.pk, "r-started_on": "2022-11-01"}).status_code
        == 400
    )
    assert practice.replications.count() == 1
    assert (
        client.post(
            url, {"commendation": "1", "k-nominee": "Công an phường Cẩm Thành", "k-form": "Bằng khen"}
        ).status_code
        == 302
    )
    commendation = practice.commendations.get()
    assert client.post(url, {"decide": "approved", "commendation_id": commendation.pk}).status_code == 302
    assert client.post(url, {"recognise": "1"}).status_code == 302
    practice.refresh_from_db()
    commendation.refresh_from_db()
    assert (practice.status, commendation.status) == ("recognised", "approved")
    page = client.get(f"/can-bo/danh-gia/ke-hoach/{seed_plan.pk}/mo-hinh/").content.decode()
    assert "Tổ công nghệ cộng đồng" in page


def test_budget_pages_and_totals(world: World, provincial_officer: User) -> None:
    client = staff_client(provincial_officer)
    plan = world.plan
    task = plan.tasks.first()
    unit = Unit.objects.get(code="so-gddt")
    url = f"/can-bo/danh-gia/ke-hoach/{plan.pk}/kinh-phi/?ky={world.q2.pk}"
    response = client.post(
        url,
        {"estimate": "1", "b-task": task.pk, "b-unit": unit.pk, "b-source": "province", "b-estimate": "-5"},
    )
    assert response.status_code == 400 and not BudgetLine.objects.exists()
    response = client.post(
        url,
        {
            "estimate": "1",
            "b-task": task.pk,
            "b-unit": unit.pk,
            "b-source": "province",
            "b-estimate": "50000000",
        },
    )
    assert response.status_code == 302
    line = BudgetLine.objects.get()
    for day, amount in ((world.q2.starts_on, 10_000_000), (world.q3.starts_on, 5_000_000)):
        response = client.post(
            url,
            {
                "spend": "1",
                "s-line": line.pk,
                "s-spent_on": day.isoformat(),
                "s-amount": str(amount),
                "s-note": "In tờ rơi",
            },
        )
        assert response.status_code == 302
    # A correction larger than what was spent is refused
    with pytest.raises(Exception, match="vượt quá"):
        record_spending(line, spent_on=world.q3.starts_on, amount=-16_000_000, note="Điều chỉnh")
    assert Spending.objects.count() == 2
    whole = budget_summary(plan)
    q2 = budget_summary(plan, world.q2.starts_on, world.q2.ends_on)
    assert (whole.estimate, whole.spent, q2.spent) == (50_000_000, 15_000_000, 10_000_000)
    page = client.get(url).content.decode()
    assert "50.000.000" in page and "10.000.000" in page


def test_consolidated_report_includes_evaluation(world: World, provincial_officer: User) -> None:
    plan = world.plan
    metric = define_metric(plan, name="Tố giác tiếp nhận", source="computed", computed_key="reports_received")
    set_target(metric, world.q2, 12)
    line = set_estimate(plan.tasks.first(), Unit.objects.get(code="so-gddt"), "province", 50_000_000)
    record_spending(line, spent_on=world.q2.starts_on, amount=7_000_000, note="In tờ rơi")
    client = staff_client(provincial_officer)
    base = f"/can-bo/ke-hoach/{plan.pk}/tong-hop"
    response = client.get(f"{base}.docx?period={world.q2.pk}&day=2022-06-20")
    assert response.status_code == 200, response.content[:500]
    doc = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "KẾT QUẢ CÁC CHỈ TIÊU ĐÁNH GIÁ" in text and "KINH PHÍ THỰC HIỆN" in text
    assert "đã chi trong kỳ 7.000.000 đồng" in text
    tables = ["\n".join(c.text for row in t.rows for c in row.cells) for t in doc.tables]
    assert any("Tố giác tiếp nhận" in t and "12" in t and "9" in t for t in tables)
    book = load_workbook(io.BytesIO(client.get(f"{base}.xlsx?period={world.q2.pk}&day=2022-06-20").content))
    sheet = book["KẾT QUẢ CÁC CHỈ TIÊU ĐÁNH GIÁ"[:31]]
    assert list(sheet.iter_rows(values_only=True))[1][1:] == ("Tố giác tiếp nhận", "tố giác", 12, 9)


def test_consolidated_report_lists_money_lost_and_recovered(world: World, provincial_officer: User) -> None:
    plan = world.plan
    for key, name in (("money_lost", "Tiền bị mất"), ("money_recovered", "Tiền thu hồi")):
        define_metric(plan, name=name, source="computed", computed_key=key, unit_label="đồng")
    client = staff_client(provincial_officer)
    base = f"/can-bo/ke-hoach/{plan.pk}/tong-hop"
    book = load_workbook(io.BytesIO(client.get(f"{base}.xlsx?period={world.q2.pk}&day=2022-06-20").content))
    rows = list(book["KẾT QUẢ CÁC CHỈ TIÊU ĐÁNH GIÁ"[:31]].iter_rows(values_only=True))[1:]
    # Q2: 5 × 1,000,000 + 2,500,000 + 700,000 lost; 400,000 recovered (the last total recorded on one report)
    assert {r[1]: r[4] for r in rows} == {"Tiền bị mất": 8_200_000, "Tiền thu hồi": 400_000}
    doc = Document(io.BytesIO(client.get(f"{base}.docx?period={world.q2.pk}&day=2022-06-20").content))
    tables = ["\n".join(c.text for row in t.rows for c in row.cells) for t in doc.tables]
    assert any("Tiền thu hồi" in t and "400.000" in t for t in tables)
