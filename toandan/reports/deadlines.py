"""Legal deadlines of a report, computed from its track, its history and the editable policy table.

Steps per track: crime reports (Criminal Procedure Code) — notify the procuracy, then decide; denunciations
(Law on Denunciation 2018) — accept or not, then resolve; feedback — answer. Each extension event on a step
moves to the next extension row of the policy.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from toandan.core.workdays import add_months, add_working_days, roll_to_working_day
from toandan.reports import reference
from toandan.reports.models import (
    DeadlineBase,
    DeadlinePolicy,
    DeadlineStep,
    DeadlineUnit,
    EventKind,
    Report,
    ReportEvent,
    Status,
    Track,
)

#: A deadline this close is "due soon" in the officers' queue and "at risk" in /metrics.
DUE_SOON_DAYS = 3

STEPS: dict[str, list[str]] = {
    Track.CRIME: [DeadlineStep.PROCURACY_NOTICE, DeadlineStep.DECISION],
    Track.DENUNCIATION: [DeadlineStep.ACCEPTANCE, DeadlineStep.RESOLUTION],
    Track.FEEDBACK: [DeadlineStep.RESPONSE],
}
# The event that completes a step; steps not listed here complete when the report is resolved.
DONE_BY: dict[str, str] = {
    DeadlineStep.PROCURACY_NOTICE: EventKind.PROCURACY_NOTIFIED,
    DeadlineStep.ACCEPTANCE: EventKind.ACCEPTED,
}


@dataclass
class Deadline:
    """When one legal step is due, and whether it has been done."""

    step: str
    label: str
    due: date
    done: bool
    extensions: int
    legal_basis: str


def _add(start: date, policy: DeadlinePolicy, days_off: frozenset[date]) -> date:
    if policy.unit == DeadlineUnit.WORKING_DAYS:
        return add_working_days(start, policy.amount, days_off)
    if policy.unit == DeadlineUnit.MONTHS:
        return roll_to_working_day(add_months(start, policy.amount), days_off)
    return roll_to_working_day(start + timedelta(days=policy.amount), days_off)


def compute(
    report: Report,
    events: list[ReportEvent],
    policies: list[DeadlinePolicy] | None = None,
    days_off: frozenset[date] | None = None,
) -> list[Deadline]:
    """Every step of the report's track with its due date (local dates), in order. `policies` and `days_off`
    default to the reference tables (a data migration passes its own historical rows)."""
    rows = policies if policies is not None else reference.deadline_policies(report.track)
    table = {(p.step, p.extension): p for p in rows if p.track == report.track}
    days_off = reference.days_off() if days_off is None else days_off
    received = timezone.localdate(report.received_at)
    accepted = next((timezone.localdate(e.at) for e in events if e.kind == EventKind.ACCEPTED), None)
    kinds = {e.kind for e in events}
    result: list[Deadline] = []
    for step in STEPS[report.track]:
        policy_step = step
        if step == DeadlineStep.ACCEPTANCE and report.multi_place:
            policy_step = DeadlineStep.ACCEPTANCE_MULTI_PLACE
        first = table.get((policy_step, 0))
        if first is None:
            continue
        extensions = sum(1 for e in events if e.kind == EventKind.EXTENSION and e.data.get("step") == step)
        due: date | None = None
        for number in range(extensions + 1):
            policy = table.get((policy_step, number))
            if policy is None:
                break
            if policy.base == DeadlineBase.PREVIOUS and due is not None:
                start = due
            elif policy.base == DeadlineBase.ACCEPTED:
                start = accepted or received
            else:
                start = received
            due = _add(start, policy, days_off)
        assert due is not None
        # A resolved report has no pending step left, whatever was recorded on the way.
        done = report.status == Status.RESOLVED or (step in DONE_BY and DONE_BY[step] in kinds)
        result.append(Deadline(step, str(DeadlineStep(step).label), due, done, extensions, first.legal_basis))
    return result


def current_deadline(deadlines: list[Deadline]) -> datetime | None:
    """The end of the day of the earliest step not yet done (None when all are done)."""
    pending = [d.due for d in deadlines if not d.done]
    if not pending:
        return None
    return timezone.make_aware(datetime.combine(min(pending), time(23, 59, 59)))


def max_extensions(track: str, step: str) -> int:
    rows = DeadlinePolicy.objects.filter(track=track, step=step).values_list("extension", flat=True)
    return max(rows, default=0)
