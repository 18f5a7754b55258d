"""The plan dashboard: progress by task and unit, overdue, due this week, implementing plans, late reports."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from plan_factories import make_plan

from toandan.accounts.models import User
from toandan.orgs.models import Unit
from toandan.plans.dashboard import plan_dashboard
from toandan.plans.models import PeriodReport, ProgressUpdate
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db


def moment(day: Any) -> datetime:
    return datetime.combine(day, time(9), tzinfo=timezone.get_current_timezone())


@pytest.fixture
def today() -> Any:
    return timezone.localdate()


@pytest.fixture
def plan(units: None, today: Any) -> Any:
    sunday = today + timedelta(days=6 - today.weekday())
    return make_plan(
        [
            ("1", today - timedelta(days=60), today - timedelta(days=5), ["ca-tinh"], ["so-gddt", "so-yt"]),
            ("2", today - timedelta(days=10), sunday, ["so-gddt"], []),
            ("3", today, today + timedelta(days=90), ["so-yt"], ["ca-tinh"]),
        ],
        issued_on=today - timedelta(days=400),
        implementers=["so-gddt", "so-yt"],
    )


def test_progress_overdue_and_due_this_week(plan: Any, provincial_officer: User, today: Any) -> None:
    done = plan.tasks.get(ref="1").assignments.get(unit__code="so-gddt")
    ProgressUpdate.objects.create(assignment=done, state="done", narrative="Xong", at=moment(today))
    started = plan.tasks.get(ref="3").assignments.get(unit__code="so-yt")
    ProgressUpdate.objects.create(
        assignment=started, state="in_progress", narrative="Đang làm", at=moment(today)
    )
    board = plan_dashboard(plan, provincial_officer, today)
    assert (board.overall.total, board.overall.done, board.overall.overdue) == (6, 1, 2)
    task1 = dict((t.ref, p) for t, p in board.by_task)["1"]
    assert (task1.total, task1.done, task1.overdue, task1.percent_done) == (3, 1, 2, 33)
    by_unit = {u.code: p for u, p in board.by_unit}
    assert (by_unit["so-yt"].overdue, by_unit["so-yt"].in_progress) == (1, 1)
    assert {(a.task.ref, a.unit.code) for a in board.overdue} == {("1", "ca-tinh"), ("1", "so-yt")}
    assert [(a.task.ref, a.unit.code) for a in board.due_this_week] == [("2", "so-gddt")]
    page = staff_client(provincial_officer).get(reverse("plans:detail", args=[plan.pk]))
    html = page.content.decode()
    assert page.status_code == 200 and "1/6 phân công đã hoàn thành" in html
    assert "Báo cáo tổng hợp" in html


def test_implementing_plans_issued_or_not(plan: Any, provincial_officer: User, today: Any) -> None:
    make_plan([("1", None, None, ["so-gddt"], [])], number="15/KH-SGDĐT", implements=plan, issuer="so-gddt")
    board = plan_dashboard(plan, provincial_officer, today)
    assert [(u.code, [p.number for p in plans]) for u, plans in board.issued] == [
        ("so-gddt", ["15/KH-SGDĐT"])
    ]
    assert [u.code for u in board.not_issued] == ["so-yt"]
    html = staff_client(provincial_officer).get(reverse("plans:detail", args=[plan.pk])).content.decode()
    assert "1 đơn vị đã ban hành kế hoạch thực hiện, 1 đơn vị chưa ban hành" in html


def test_late_period_reports(plan: Any, provincial_officer: User, today: Any) -> None:
    period = plan.periods.filter(due_on__lt=today).last()
    due = moment(period.due_on)
    PeriodReport.objects.create(
        period=period, unit=Unit.objects.get(code="ca-tinh"), status="submitted", submitted_at=due
    )
    PeriodReport.objects.create(
        period=period,
        unit=Unit.objects.get(code="so-gddt"),
        status="submitted",
        submitted_at=due + timedelta(days=3),
    )
    standing = next(s for s in plan_dashboard(plan, provincial_officer, today).periods if s.period == period)
    assert [u.code for u in standing.on_time] == ["ca-tinh"]
    assert [u.code for u, _r in standing.late] == ["so-gddt"]
    assert [u.code for u in standing.missing] == ["so-yt"]
    future = next(
        s for s in plan_dashboard(plan, provincial_officer, today).periods if s.period.due_on >= today
    )
    assert not future.missing  # not due yet


def test_unit_staff_see_only_their_units(plan: Any, edu_officer: User, today: Any) -> None:
    board = plan_dashboard(plan, edu_officer, today)
    assert {u.code for u, _p in board.by_unit} == {"so-gddt"}
    assert [u.code for u in board.not_issued] == ["so-gddt"]
    page = staff_client(edu_officer).get(reverse("plans:detail", args=[plan.pk]))
    assert "Báo cáo tổng hợp" not in page.content.decode()
    assert staff_client(edu_officer).get(reverse("plans:consolidated", args=[plan.pk])).status_code == 403


def test_dashboard_queries_do_not_grow_with_units(units: None, provincial_officer: User, today: Any) -> None:
    def count(plan: Any) -> int:
        client = staff_client(provincial_officer)
        client.get(reverse("plans:detail", args=[plan.pk]))  # warm the session
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("plans:detail", args=[plan.pk])).status_code == 200
        return len(queries)

    small = make_plan([("1", today, today + timedelta(days=30), ["ca-tinh"], [])], number="1/KH-A")
    codes = list(Unit.objects.filter(kind="commune").values_list("code", flat=True)[:30])
    big = make_plan(
        [(str(i), today, today + timedelta(days=30 * i), codes[:15], codes[15:]) for i in range(1, 6)],
        number="2/KH-A",
        implementers=codes[:10],
    )
    for task in big.tasks.all():
        for a in task.assignments.all()[:10]:
            ProgressUpdate.objects.create(assignment=a, state="in_progress", narrative="x", at=moment(today))
    assert count(big) == count(small)


def test_plan_list(plan: Any, provincial_officer: User, commune_a_officer: User) -> None:
    html = staff_client(provincial_officer).get(reverse("plans:list")).content.decode()
    assert plan.number in html and "Nhập kế hoạch từ văn bản" in html
    other = staff_client(commune_a_officer).get(reverse("plans:list")).content.decode()
    assert plan.number not in other and "Nhập kế hoạch" not in other
