"""The evaluation dashboard: targets vs actuals, entered figures from period reports, drill-down, the commune
ranking, hot spots and tile grid, XLSX export, who may see what, and a number of queries that does not grow
with the data."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from evaluation_world import COMMUNE_A, COMMUNE_B, World, make_report, resolve
from openpyxl import load_workbook

from toandan.accounts.models import User
from toandan.awareness.models import QuizAttempt, QuizBank, ReachDay
from toandan.evaluation import registry
from toandan.evaluation.dashboard import populations
from toandan.evaluation.demo import load_demo_population
from toandan.evaluation.models import Population
from toandan.evaluation.services.metrics import define_metric, set_target
from toandan.orgs.models import Role, Unit
from toandan.plans.models import Indicator
from toandan.plans.reporting import save_period_report
from toandan.web.testing import make_staff, staff_client

pytestmark = pytest.mark.django_db


def _metrics(world: World) -> dict[str, Any]:
    made = {}
    for spec in registry.all_metrics():
        made[spec.key] = define_metric(
            world.plan, name=str(spec.label), source="computed", computed_key=spec.key
        )
    set_target(made["reports_received"], world.q2, 12)
    people = Indicator.objects.create(plan=world.plan, name="Người được tuyên truyền", unit_label="người")
    made["entered"] = define_metric(
        world.plan, name="Người được tuyên truyền", source="entered", plan_indicator=people
    )
    set_target(made["entered"], world.q2, 1000)
    unit = world.plan.tasks.first().assignments.first().unit
    officer = make_staff("canbo.donvi", unit.code, Role.UNIT_OFFICER)
    save_period_report(
        world.q2, unit, actor=officer, narrative="Đã tuyên truyền.", values={people.pk: 640}, submit=True
    )
    return made


def _url(world: World, **params: Any) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"/can-bo/danh-gia/ke-hoach/{world.plan.pk}/?{query}"


def test_dashboard_figures_and_drill_down(world: World) -> None:
    metrics = _metrics(world)
    client = staff_client(world.steering)
    page = client.get(_url(world, ky=world.q2.pk)).content.decode()
    drill = f"/can-bo/danh-gia/chi-tieu/{metrics['reports_received'].pk}/?ky={world.q2.pk}"
    assert f'<a href="{drill}">9</a>' in page  # 9 reports received in Q2, target 12 → 75%
    assert "75%" in page and "64%" in page  # entered: 640 of 1000
    assert "<svg" in page and 'id="communes"' in page and page.count("<rect") >= 96
    listing = client.get(drill).content.decode()
    assert listing.count("<tr>") - 1 == 9  # heading row + one per report
    # A commune: the figures and drill-down follow it
    a = Unit.objects.get(code=COMMUNE_A)
    listing = client.get(f"{drill}&xa={a.pk}").content.decode()
    assert listing.count("<tr>") - 1 == 6
    # Hot spots: B rose from Q2 to Q3 (2 → 4), and the category "gia-mao"
    page = client.get(_url(world, ky=world.q3.pk)).content.decode()
    hot = page[page.index('id="hot-communes"') : page.index('id="hot-categories"')]
    assert "Phường Nghĩa Lộ" in hot and "+2" in hot
    entered = client.get(
        f"/can-bo/danh-gia/chi-tieu/{metrics['entered'].pk}/?ky={world.q2.pk}"
    ).content.decode()
    assert "640" in entered


def test_ranking_and_xlsx(world: World) -> None:
    _metrics(world)
    response = staff_client(world.steering).get(
        f"/can-bo/danh-gia/ke-hoach/{world.plan.pk}/bang-dieu-khien.xlsx?ky={world.q2.pk}"
    )
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    lines = {row[2]: row for row in book["Chỉ tiêu"].iter_rows(min_row=2, values_only=True)}
    assert lines["Tố giác tiếp nhận"][4:6] == (12, 9)
    ranking = list(book["Xếp hạng xã, phường"].iter_rows(min_row=2, values_only=True))
    assert len(ranking) == 96
    # No population entered: no rate, ranked by the number of reports
    assert ranking[0][1:4] == ("Phường Cẩm Thành", "chưa có số dân", None) and ranking[0][5] == 6
    assert ranking[1][1] == "Phường Nghĩa Lộ" and ranking[1][5] == 2


def test_ranking_per_10000_residents(world: World) -> None:
    _metrics(world)
    a, b = Unit.objects.get(code=COMMUNE_A), Unit.objects.get(code=COMMUNE_B)
    quiet = Unit.objects.filter(kind="commune").exclude(pk__in=[a.pk, b.pk]).order_by("name").first()
    assert quiet is not None
    source = "Niên giám thống kê (thử nghiệm)"
    # Q2 2022: the 2021 figure counts (latest not after 2022); 2024 is later
    Population.objects.create(commune=a, year=2021, residents=30_000, source=source)
    Population.objects.create(commune=a, year=2024, residents=60_000, source=source)
    Population.objects.create(commune=quiet, year=2024, residents=12_000, source=source, is_demo=True)
    assert {c: p.year for c, p in populations(2022).items()} == {a.pk: 2021, quiet.pk: 2024}
    client = staff_client(world.steering)
    page = client.get(_url(world, ky=world.q2.pk)).content.decode()
    table = page[page.index('id="ranking"') : page.index("</table>", page.index('id="ranking"'))]
    rows = table.split("<tr>")[2:]
    assert "Phường Cẩm Thành" in rows[0] and "<td>2</td>" in rows[0] and "30.000" in rows[0]
    assert "2021; Niên giám thống kê (thử nghiệm)" in rows[0]
    assert quiet.name in rows[1] and "<td>0</td>" in rows[1] and "số liệu minh họa" in rows[1]
    assert "Phường Nghĩa Lộ" in rows[2] and "chưa có số dân" in rows[2]
    book = load_workbook(
        io.BytesIO(
            client.get(
                f"/can-bo/danh-gia/ke-hoach/{world.plan.pk}/bang-dieu-khien.xlsx?ky={world.q2.pk}"
            ).content
        )
    )
    ranking = list(book["Xếp hạng xã, phường"].iter_rows(min_row=2, values_only=True))
    assert ranking[0][1:5] == ("Phường Cẩm Thành", 2, 30_000, "2021; Niên giám thống kê (thử nghiệm)")
    assert ranking[2][1:3] == ("Phường Nghĩa Lộ", "chưa có số dân")


def test_population_is_checked_and_demo_figures_are_marked(world: World) -> None:
    province = Unit.objects.get(code="ca-tinh")
    with pytest.raises(ValidationError):
        Population(commune=province, year=2024, residents=10, source="x").full_clean()
    a = Unit.objects.get(code=COMMUNE_A)
    for bad in ({"residents": 0, "source": "x"}, {"residents": 10, "source": " "}):
        with pytest.raises(ValidationError):
            Population(commune=a, year=2024, **bad).full_clean()
    communes = Unit.objects.filter(kind="commune", is_active=True).count()
    assert load_demo_population() == communes and load_demo_population() == 0
    assert Population.objects.filter(is_demo=True, source__contains="minh họa").count() == communes


def test_who_sees_what(world: World, commune_a_officer: User) -> None:
    leader = make_staff("lanhdao", "ca-tinh", Role.UNIT_LEADER)
    _metrics(world)
    page = staff_client(leader).get(_url(world, ky=world.q2.pk, xa=Unit.objects.get(code=COMMUNE_A).pk))
    assert page.status_code == 200
    assert "Đơn vị: Công an tỉnh" in page.content.decode()  # the query's commune is ignored
    assert staff_client(commune_a_officer).get(_url(world, ky=world.q2.pk)).status_code in (403, 404)


def _count(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_queries_do_not_grow_with_data(
    world: World, provincial_officer: User, django_assert_max_num_queries: Any
) -> None:
    _metrics(world)
    client = staff_client(world.steering)
    url = _url(world, ky=world.q2.pk)
    small = _count(client, url)
    communes = list(Unit.objects.filter(kind="commune").values_list("code", flat=True)[:20])
    for i, code in enumerate(communes * 2):
        report = make_report(code, world.q2.starts_on + timedelta(days=i % 80), money=1000 * (i + 1))
        if i % 3 == 0:
            resolve(report, provincial_officer, world.q2.starts_on + timedelta(days=i % 80 + 2))
    # More of the awareness records and population figures the dashboard reads as well
    bank = QuizBank.objects.create(
        slug="bo-cau-hoi", title="Bộ câu hỏi", unit=Unit.objects.get(code="ca-tinh")
    )
    for i, code in enumerate(communes):
        unit = Unit.objects.get(code=code)
        QuizAttempt.objects.create(
            bank=bank, month=world.q2.ends_on.replace(day=1), commune=unit, score=i % 5, total=5
        )
        Population.objects.create(commune=unit, year=2022, residents=10_000 + i, source="thử nghiệm")
        ReachDay.objects.create(day=world.q2.starts_on + timedelta(days=i), channel="page", count=i + 1)
    large = _count(client, url)
    assert large == small
    with django_assert_max_num_queries(small):
        client.get(url)
    with django_assert_max_num_queries(small):
        client.get(f"/can-bo/danh-gia/ke-hoach/{world.plan.pk}/bang-dieu-khien.xlsx?ky={world.q2.pk}")
