"""The demo's living plan: the seed plan's tasks carried over from the former districts to today's communes,
with progress updates and period reports dated within the plan's own period (2022–2023), so that the
dashboard, the overdue list and the consolidated report have something true-to-life to show.

Everything written here is marked "[Dữ liệu trình diễn]" (demo data) and is made through the plans app's
services, as a unit's officer would. Deterministic (fixed seed), and run once: a plan that already has
progress updates is left alone."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from toandan.plans.models import Plan, ProgressState, ProgressUpdate, Task
from toandan.plans.reporting import expected_reporters, progress_totals, save_period_report
from toandan.plans.successors import carry_over_former_districts
from toandan.plans.tracking import post_update

DEMO = "[Dữ liệu trình diễn]"
SEED = 249
# Shares of assignments: done, still open when the task ended (shown overdue), never reported on.
DONE, OPEN = 0.78, 0.12
# Shares of period reports: sent on time, sent late; the rest never sent.
ON_TIME, LATE = 0.72, 0.14


def _moment(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=timezone.get_current_timezone())


def _window(task: Task, plan: Plan) -> tuple[date, date]:
    start = task.start or plan.issued_on or date(2022, 6, 1)
    end = task.end or date(start.year, 12, 31)
    return start, max(end, start)


def _figures(rng: random.Random, indicators: list, scale: int) -> dict[int, int]:
    ranges = [(1, 4), (40, 350), (0, 5)]  # sessions, people reached, articles: the seed's three indicators
    return {
        indicator.pk: rng.randint(*ranges[i % len(ranges)]) * scale for i, indicator in enumerate(indicators)
    }


def bring_to_life(plan: Plan) -> dict[str, int]:
    """Carry the plan over to today's units, then post its demo history. Returns what was added."""
    moved = carry_over_former_districts(plan)
    if ProgressUpdate.objects.filter(assignment__task__plan=plan).exists():
        return {"assignments": moved, "updates": 0, "reports": 0}
    rng = random.Random(SEED)
    indicators = list(plan.indicators.all())
    updates = 0
    for task in plan.tasks.prefetch_related("assignments__unit"):
        start, end = _window(task, plan)
        span = (end - start).days
        for assignment in task.assignments.all():
            luck = rng.random()
            if luck >= DONE + OPEN:
                continue  # never reported on: overdue
            middle = start + timedelta(days=rng.randint(0, max(span // 2, 0)))
            post_update(
                assignment,
                actor=None,
                state=ProgressState.IN_PROGRESS,
                narrative=f"{DEMO} {assignment.unit.name} đã triển khai nhiệm vụ {task.ref}: tổ chức tuyên "
                "truyền tại cơ sở, lồng ghép trong các buổi sinh hoạt của khu dân cư.",
                values=_figures(rng, indicators, 1),
                at=_moment(middle),
            )
            updates += 1
            if luck < DONE:
                finish = min(end, middle + timedelta(days=rng.randint(5, max(span, 5))))
                post_update(
                    assignment,
                    actor=None,
                    state=ProgressState.DONE,
                    narrative=f"{DEMO} {assignment.unit.name} đã hoàn thành nhiệm vụ {task.ref}.",
                    values=_figures(rng, indicators, 1),
                    at=_moment(finish, 15),
                )
                updates += 1
    reports = 0
    units = list(expected_reporters(plan))
    for period in plan.periods.order_by("ends_on"):
        for unit in units:
            luck = rng.random()
            if luck >= ON_TIME + LATE:
                continue
            if luck < ON_TIME:
                sent = period.due_on - timedelta(days=rng.randint(0, 4))
            else:
                sent = period.due_on + timedelta(days=rng.randint(1, 12))
            save_period_report(
                period,
                unit,
                actor=None,
                narrative=f"{DEMO} Báo cáo {period.label} của {unit.name}: kết quả thực hiện các nhiệm vụ "
                "được giao theo kế hoạch, số liệu tổng hợp từ các cập nhật tiến độ trong kỳ.",
                values=progress_totals(period, unit),
                submit=True,
                at=_moment(sent, 10),
            )
            reports += 1
    return {"assignments": moved, "updates": updates, "reports": reports}
