"""Issue #15: the demo's plan is alive — the seed's tasks assigned to today's units (the former districts
carried over to the communes that replaced them), with progress updates and period reports, all marked as
demo data — not "0/49 done, 49 overdue"."""

from __future__ import annotations

import csv

import pytest

from toandan.accounts.models import User
from toandan.orgs.former_districts import DATA, successor_codes
from toandan.orgs.models import Unit, UnitKind
from toandan.plans.dashboard import plan_dashboard
from toandan.plans.models import Assignment, PeriodReport, ProgressUpdate
from toandan.plans.services import load_seed_plan
from toandan.web.demo_plan import DEMO, bring_to_life

pytestmark = pytest.mark.django_db


def test_every_former_district_has_its_communes_and_every_commune_a_former_district(units: None) -> None:
    table = successor_codes()
    districts = set(Unit.objects.filter(kind=UnitKind.DISTRICT).values_list("code", flat=True))
    communes = set(Unit.objects.filter(kind=UnitKind.COMMUNE).values_list("gso_code", flat=True))
    assert set(table) == districts and len(districts) == 23
    assert {code for codes in table.values() for code in codes} == communes and len(communes) == 96
    rows = {(r["district_code"], r["commune"]) for r in csv.DictReader(DATA.open(encoding="utf-8"))}
    assert ("huyen-tp-quang-ngai", "Phường Cẩm Thành") in rows and ("huyen-ly-son", "Đặc khu Lý Sơn") in rows


def test_demo_plan_lives_on_todays_units(units: None, steering_member: User) -> None:
    plan, _created = load_seed_plan()
    before = plan_dashboard(plan, steering_member).overall
    assert before.done == 0 and before.overdue == before.total  # what the issue saw
    added = bring_to_life(plan)
    assert added["assignments"] > 0 and added["updates"] > 0 and added["reports"] > 0
    assert not Assignment.objects.filter(task__plan=plan, unit__kind=UnitKind.DISTRICT).exists()
    assert not plan.expected_implementers.filter(kind=UnitKind.DISTRICT).exists()
    communes = Assignment.objects.filter(task__plan=plan, unit__kind=UnitKind.COMMUNE)
    assert communes.values("unit").distinct().count() == 96
    board = plan_dashboard(plan, steering_member).overall
    assert board.done >= board.total // 2 and 0 < board.overdue < board.total // 2
    assert all(u.narrative.startswith(DEMO) for u in ProgressUpdate.objects.all())
    reports = PeriodReport.objects.filter(period__plan=plan)
    assert reports.count() == added["reports"] and all(r.narrative.startswith(DEMO) for r in reports)
    late = [r for r in reports if r.is_late()]
    assert 0 < len(late) < reports.count() // 2
    # Dated within the plan's own years, not the day the demo was loaded.
    assert {u.at.year for u in ProgressUpdate.objects.all()} <= {2022, 2023}
    # Run again: nothing added twice.
    assert bring_to_life(plan) == {"assignments": 0, "updates": 0, "reports": 0}
    assert ProgressUpdate.objects.count() == added["updates"]
