"""The consolidated report of one period, as data: a section per task with each unit's status and numbers,
the units' period reports, and totals. The .docx and .xlsx writers only lay this out."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from toandan.plans.models import (
    Assignment,
    AssignmentStatus,
    Indicator,
    PeriodReport,
    PeriodReportValue,
    Plan,
    ProgressUpdate,
    ProgressValue,
    ReportingPeriod,
    derive_status,
)
from toandan.plans.output.decree30 import number_line, report_symbol
from toandan.plans.output.outlook import default_directions, default_proposals
from toandan.plans.output.sections import ExtraSection, extra_sections
from toandan.plans.output.signing import Signature, default_signature
from toandan.plans.reporting import expected_reporters, window_bounds


@dataclass
class UnitLine:
    """One unit's part in a task for the period."""

    unit: str
    role: str
    status: str
    status_label: str
    values: list[int]
    narrative: str = ""


@dataclass
class TaskSection:
    ref: str
    title: str
    time_text: str
    lines: list[UnitLine] = field(default_factory=list)
    totals: list[int] = field(default_factory=list)


@dataclass
class ReportLine:
    """One unit's period report (or its absence)."""

    unit: str
    status_label: str
    submitted_at: datetime | None
    late: bool
    values: list[int]
    narrative: str = ""


@dataclass
class Span:
    """The days a report covers: a Decree 09 period, or the plan from its start to date (cumulative)."""

    label: str
    starts_on: date
    ends_on: date
    due_on: date | None = None
    period: ReportingPeriod | None = None

    @property
    def in_sentence(self) -> str:
        return in_sentence(self.label)


def span_of(plan: Plan, period: ReportingPeriod | None, today: date) -> Span:
    if period is not None:
        return Span(period.label, period.starts_on, period.ends_on, period.due_on, period)
    start = plan.issued_on or today
    label = _("Lũy kế đến ngày %(date)s") % {"date": today.strftime("%d/%m/%Y")}
    return Span(label, min(start, today), today)


def in_sentence(label: str) -> str:
    """A period's name inside a sentence: "quý III/2022", "lũy kế đến ngày …" (no capital mid-sentence)."""
    return label[:1].lower() + label[1:] if label[:1].isupper() else label


@dataclass
class Consolidated:
    plan: Plan
    span: Span
    number: int | None
    day: date
    place: str
    issuer_lines: list[str]
    indicators: list[str]
    tasks: list[TaskSection]
    reports: list[ReportLine]
    totals: list[int]
    report_totals: list[int]
    counts: Counter[str]
    signature: Signature
    recipients: list[str]
    extra: list[ExtraSection] = field(default_factory=list)
    directions: list[str] = field(default_factory=list)
    proposals: list[str] = field(default_factory=list)

    @property
    def number_text(self) -> str:
        return number_line(self.number, report_symbol(self.plan.number))

    @property
    def summary(self) -> str:
        day = self.plan.issued_on.strftime("%d/%m/%Y") if self.plan.issued_on else ""
        return _("Kết quả thực hiện Kế hoạch số %(number)s ngày %(date)s (%(period)s)") % {
            "number": self.plan.number,
            "date": day,
            "period": self.span.label,
        }

    @property
    def late_count(self) -> int:
        return sum(1 for r in self.reports if r.late)


def _indicator_label(indicator: Indicator) -> str:
    return f"{indicator.name} ({indicator.unit_label})" if indicator.unit_label else indicator.name


def _progress(span: Span, ids: list[int]) -> tuple[dict, dict, dict]:
    start, end = window_bounds(span)
    last_state: dict[int, str] = {}
    narrative: dict[int, str] = {}
    rows = (
        ProgressUpdate.objects.filter(assignment_id__in=ids, at__lt=end)
        .order_by("at", "id")
        .values_list("assignment_id", "state", "at", "narrative")
    )
    for assignment_id, state, at, text in rows:
        last_state[assignment_id] = state
        if at >= start:
            narrative[assignment_id] = text
    values: dict[int, dict[int, int]] = defaultdict(dict)
    sums = (
        ProgressValue.objects.filter(update__assignment_id__in=ids, update__at__gte=start, update__at__lt=end)
        .values("update__assignment_id", "indicator_id")
        .annotate(total=Sum("value"))
    )
    for row in sums:
        values[row["update__assignment_id"]][row["indicator_id"]] = row["total"]
    return last_state, narrative, values


def build_consolidated(
    plan: Plan,
    period: ReportingPeriod | None,
    *,
    number: int | None = None,
    day: date | None = None,
    signature: Signature | None = None,
    recipients: list[str] | None = None,
    user: Any = None,
    directions: list[str] | None = None,
    proposals: list[str] | None = None,
) -> Consolidated:
    """Gather the period's figures (no period: from the plan's start to date); with `user`, only the units
    that user may see."""
    today = timezone.localdate()
    span = span_of(plan, period, today)
    indicators = list(plan.indicators.all())
    assignments = Assignment.objects.filter(task__plan=plan)
    if user is not None:
        assignments = assignments.visible_to(user)
    rows = list(assignments.select_related("task", "unit").order_by("task__order", "role", "unit__name"))
    last_state, narrative, values = _progress(span, [a.pk for a in rows])
    as_of = min(span.ends_on, today)
    sections: dict[int, TaskSection] = {}
    counts: Counter[str] = Counter()
    for task in plan.tasks.all():
        sections[task.pk] = TaskSection(task.ref, task.title, task.time_text, totals=[0] * len(indicators))
    for a in rows:
        status = derive_status(last_state.get(a.pk), a.task.end, as_of)
        counts[status] += 1
        numbers = [values[a.pk].get(i.pk, 0) for i in indicators]
        section = sections[a.task_id]
        section.lines.append(
            UnitLine(
                a.unit.name,
                a.get_role_display(),
                status,
                str(AssignmentStatus(status).label),
                numbers,
                narrative.get(a.pk, ""),
            )
        )
        section.totals = [x + y for x, y in zip(section.totals, numbers, strict=True)]
    reports = _report_lines(plan, period, indicators, user) if period is not None else []
    result = Consolidated(
        plan=plan,
        span=span,
        number=number,
        day=day or today,
        place=plan.place,
        issuer_lines=plan.issuer_line_list() or [plan.issuer_name.upper()],
        indicators=[_indicator_label(i) for i in indicators],
        tasks=[s for s in sections.values() if s.lines],
        reports=reports,
        totals=[sum(s.totals[k] for s in sections.values()) for k in range(len(indicators))],
        report_totals=[sum(r.values[k] for r in reports) for k in range(len(indicators))],
        counts=counts,
        signature=signature or default_signature(plan),
        recipients=recipients or [],
        extra=extra_sections(plan, span, user),
    )
    # Every report closes with what comes next and what is asked of the superiors; typed by the officer,
    # or drawn from the figures when left empty.
    result.directions = [line for line in (directions or []) if line.strip()] or default_directions(result)
    result.proposals = [line for line in (proposals or []) if line.strip()] or default_proposals(result)
    return result


def _report_lines(plan: Plan, period: ReportingPeriod, indicators: list[Indicator], user: Any) -> list:
    units = expected_reporters(plan)
    if user is not None:
        from toandan.orgs.models import Unit

        units = units.filter(pk__in=Unit.objects.visible_to(user).values("pk"))
    reports = {r.unit_id: r for r in PeriodReport.objects.filter(period=period).select_related("period")}
    numbers: dict[int, dict[int, int]] = defaultdict(dict)
    for report_id, indicator_id, value in PeriodReportValue.objects.filter(report__period=period).values_list(
        "report_id", "indicator_id", "value"
    ):
        numbers[report_id][indicator_id] = value
    today = timezone.localdate()
    lines = []
    for unit in units:
        report = reports.get(unit.pk)
        if report is None:
            late = today > period.due_on
            lines.append(ReportLine(unit.name, _("Chưa gửi"), None, late, [0] * len(indicators)))
            continue
        lines.append(
            ReportLine(
                unit.name,
                report.get_status_display(),
                report.submitted_at,
                report.is_late(today),
                [numbers[report.pk].get(i.pk, 0) for i in indicators],
                report.narrative,
            )
        )
    return lines
