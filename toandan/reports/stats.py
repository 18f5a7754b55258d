"""Figures about reports for the statistics page, its exports and the plan's periodic reports."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from toandan.reports.deadlines import compute
from toandan.reports.models import EventKind, ReportEvent, Status


@dataclass
class Figures:
    """Counts and measures over one set of reports (already limited to what the viewer may see)."""

    total: int = 0
    money_lost: int = 0
    by_category: list[tuple[str, int]] = field(default_factory=list)
    by_commune: list[tuple[str, int]] = field(default_factory=list)
    by_month: list[tuple[str, int]] = field(default_factory=list)
    by_status: list[tuple[str, int]] = field(default_factory=list)
    by_track: list[tuple[str, int]] = field(default_factory=list)
    resolved: int = 0
    resolved_in_time: int = 0
    median_days: float | None = None

    @property
    def share_in_time(self) -> float | None:
        return round(100 * self.resolved_in_time / self.resolved, 1) if self.resolved else None


def _grouped(reports: Any, field_name: str, label: Any = None) -> list[tuple[str, int]]:
    rows = reports.values(field_name).annotate(n=Count("id")).order_by("-n")
    return [(label(r[field_name]) if label else (r[field_name] or "–"), r["n"]) for r in rows]


def compute_figures(reports: Any) -> Figures:
    figures = Figures(total=reports.count(), money_lost=reports.aggregate(s=Sum("money_lost"))["s"] or 0)
    figures.by_category = _grouped(reports, "category__name")
    figures.by_commune = [
        (name or "Ngoài tỉnh / không rõ", n) for name, n in _grouped(reports, "commune__name")
    ]
    months = reports.annotate(m=TruncMonth("received_at")).values("m").annotate(n=Count("id")).order_by("m")
    figures.by_month = [(f"{timezone.localtime(r['m']):%Y-%m}" if r["m"] else "–", r["n"]) for r in months]
    figures.by_status = _grouped(reports, "status", lambda v: str(Status(v).label))
    figures.by_track = _grouped(reports, "track")
    resolved = reports.filter(status=Status.RESOLVED).prefetch_related(
        Prefetch("events", queryset=ReportEvent.objects.order_by("at", "id"))
    )
    durations: list[float] = []
    for report in resolved:
        events = list(report.events.all())
        done_at = next(
            (e.at for e in reversed(events) if e.kind == EventKind.STATUS and e.to_status == Status.RESOLVED),
            None,
        )
        if done_at is None:
            continue
        figures.resolved += 1
        durations.append((done_at - report.received_at).total_seconds() / 86400)
        final_due = compute(report, events)[-1].due if events else None
        if final_due is not None and timezone.localdate(done_at) <= final_due:
            figures.resolved_in_time += 1
    figures.median_days = round(statistics.median(durations), 1) if durations else None
    return figures


EXPORT_COLUMNS = [
    "code",
    "received_at",
    "category",
    "commune",
    "status",
    "outcome",
    "track",
    "unit",
    "deadline_at",
    "money_lost",
    "payment_method",
    "anonymous",
]


def export_rows(reports: Any) -> list[list[Any]]:
    """One row per report, without anything that identifies the reporter."""
    rows = []
    for r in reports.select_related("category", "commune", "unit").order_by("received_at"):
        rows.append(
            [
                r.code,
                timezone.localtime(r.received_at).strftime("%Y-%m-%d %H:%M"),
                r.category.name,
                r.commune.name if r.commune else "",
                r.get_status_display(),
                r.get_outcome_display() if r.outcome else "",
                r.get_track_display(),
                r.unit.name,
                timezone.localtime(r.deadline_at).strftime("%Y-%m-%d") if r.deadline_at else "",
                r.money_lost or 0,
                r.get_payment_method_display() if r.payment_method else "",
                "1" if r.anonymous else "0",
            ]
        )
    return rows
