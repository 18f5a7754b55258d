"""The plan dashboard: progress by task and by unit, what is overdue or due this week, who has issued an
implementing plan, and who is late with period reports — limited to what the viewer may see."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from toandan.orgs.models import Unit, unit_scope_q
from toandan.plans.models import (
    Assignment,
    AssignmentStatus,
    PeriodReport,
    Plan,
    ReportingPeriod,
    Task,
)


@dataclass
class Progress:
    """Counts of assignments by derived status."""

    counts: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def done(self) -> int:
        return self.counts[AssignmentStatus.DONE]

    @property
    def in_progress(self) -> int:
        return self.counts[AssignmentStatus.IN_PROGRESS]

    @property
    def not_started(self) -> int:
        return self.counts[AssignmentStatus.NOT_STARTED]

    @property
    def overdue(self) -> int:
        return self.counts[AssignmentStatus.OVERDUE]

    @property
    def percent_done(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


@dataclass
class PeriodStanding:
    """One period: which of the viewer's reporting units sent on time, late, or not at all."""

    period: ReportingPeriod
    on_time: list[Unit] = field(default_factory=list)
    late: list[tuple[Unit, PeriodReport]] = field(default_factory=list)
    missing: list[Unit] = field(default_factory=list)


@dataclass
class Dashboard:
    plan: Plan
    today: date
    overall: Progress
    by_task: list[tuple[Task, Progress]]
    by_unit: list[tuple[Unit, Progress]]
    overdue: list[Assignment]
    due_this_week: list[Assignment]
    periods_due_this_week: list[ReportingPeriod]
    issued: list[tuple[Unit, list[Plan]]]
    not_issued: list[Unit]
    periods: list[PeriodStanding]
    assignments: list[Assignment]

    @property
    def late_periods(self) -> list[PeriodStanding]:
        return [p for p in self.periods if p.period.due_on < self.today and (p.late or p.missing)]


def plan_dashboard(plan: Plan, user: Any, today: date | None = None) -> Dashboard:
    today = today or timezone.localdate()
    week_end = today + timedelta(days=6 - today.weekday())
    assignments = list(
        Assignment.objects.visible_to(user)
        .filter(task__plan=plan)
        .with_status(today)
        .select_related("task", "unit")
        .order_by("task__order", "role", "unit__name")
    )
    overall = Progress()
    per_task: dict[int, Progress] = defaultdict(Progress)
    per_unit: dict[int, Progress] = defaultdict(Progress)
    units: dict[int, Unit] = {}
    for a in assignments:
        overall.counts[a.status] += 1
        per_task[a.task_id].counts[a.status] += 1
        per_unit[a.unit_id].counts[a.status] += 1
        units[a.unit_id] = a.unit
    tasks = list(plan.tasks.all())
    visible_units = Unit.objects.filter(unit_scope_q(user, prefix=""))
    expected = list(plan.expected_implementers.filter(pk__in=visible_units.values("pk")).order_by("name"))
    children: dict[int, list[Plan]] = defaultdict(list)
    for child in Plan.objects.filter(implements=plan, issuer__isnull=False).order_by("issued_on"):
        children[child.issuer_id].append(child)
    return Dashboard(
        plan=plan,
        today=today,
        overall=overall,
        by_task=[(t, per_task[t.pk]) for t in tasks],
        by_unit=sorted(((units[k], v) for k, v in per_unit.items()), key=lambda item: item[0].name),
        overdue=[a for a in assignments if a.status == AssignmentStatus.OVERDUE],
        due_this_week=[
            a
            for a in assignments
            if a.status != AssignmentStatus.DONE and a.task.end and today <= a.task.end <= week_end
        ],
        periods_due_this_week=[p for p in plan.periods.all() if today <= p.due_on <= week_end],
        issued=[(u, children[u.pk]) for u in expected if children[u.pk]],
        not_issued=[u for u in expected if not children[u.pk]],
        periods=_standings(plan, sorted(units.values(), key=lambda u: u.name), today),
        assignments=assignments,
    )


def _standings(plan: Plan, units: list[Unit], today: date) -> list[PeriodStanding]:
    reports = {
        (r.period_id, r.unit_id): r
        for r in PeriodReport.objects.filter(
            period__plan=plan, unit__in=[u.pk for u in units]
        ).select_related("period")
    }
    standings = []
    for period in plan.periods.all():
        standing = PeriodStanding(period)
        for unit in units:
            report = reports.get((period.pk, unit.pk))
            if report is None or report.submitted_at is None:
                if period.due_on < today:
                    standing.missing.append(unit)
            elif report.is_late(today):
                standing.late.append((unit, report))
            else:
                standing.on_time.append(unit)
        standings.append(standing)
    return standings
