"""The demo's seed plan is stored with its tasks, assignments, indicators and reporting periods, once."""

from __future__ import annotations

from datetime import date

import pytest

from toandan.plans.models import Assignment, Plan, Task
from toandan.plans.services import load_seed_plan

pytestmark = pytest.mark.django_db


def test_seed_plan_with_tasks_and_assignments(units: None) -> None:
    plan, created = load_seed_plan()
    assert created and plan.number == "249/KH-BCĐ138" and plan.issued_on == date(2022, 5, 25)
    assert plan.issuer.code == "bcd138" and plan.signer == "Đại tá Phan Công Bình"
    assert plan.issuer_line_list() == ["UBND TỈNH QUẢNG NGÃI", "BAN CHỈ ĐẠO 138"]
    assert plan.recipient_list()[-1] == "Lưu: VT, PV01(CS), PV05"
    tasks = list(plan.tasks.all())
    assert [t.ref for t in tasks] == [f"II.{i}" for i in range(1, 8)]
    assert (tasks[3].start, tasks[3].end, tasks[3].recurring) == (date(2022, 9, 1), date(2022, 9, 30), False)
    assert tasks[0].recurring and tasks[0].end == date(2022, 12, 31) and not any(t.flagged for t in tasks)
    roles = {(a.unit.code, a.role) for a in tasks[2].assignments.all()}
    assert roles == {("so-tttt", "lead"), ("ca-tinh", "support")}
    assert {a.unit.code for a in tasks[1].assignments.all()} == {"ca-tinh"}
    assert tasks[0].assignments.filter(unit__kind="district").count() == 23
    assert plan.indicators.count() == 3 and plan.periods.exists()
    again, created_again = load_seed_plan()
    assert again == plan and not created_again
    assert Plan.objects.count() == 1 and Task.objects.count() == 7


def test_header_only_seed_from_an_earlier_version_is_completed(units: None) -> None:
    Plan.objects.create(number="249/KH-BCĐ138", issued_on=date(2022, 5, 25), title="Thực hiện Chỉ thị số 03")
    plan, created = load_seed_plan()
    assert not created and plan.tasks.count() == 7 and Assignment.objects.filter(task__plan=plan).exists()
