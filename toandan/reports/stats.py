"""Figures about reports for the statistics page, its exports and the plan's periodic reports."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from toandan.reports.models import Status


@dataclass
class Figures:
    """Counts and measures over one set of reports (already limited to what the viewer may see)."""

    total: int = 0
    incidents: int = 0  # without likely repeats and marked duplicates: one per incident
    money_lost: int = 0  # summed once per incident
    money_recovered: int = 0  # summed once per incident
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
    incidents = reports.incidents()
    money = incidents.aggregate(lost=Sum("money_lost"), recovered=Sum("money_recovered"))
    figures = Figures(
        total=reports.count(),
        incidents=incidents.count(),
        money_lost=money["lost"] or 0,
        money_recovered=money["recovered"] or 0,
    )
    figures.by_category = _grouped(reports, "category__name")
    figures.by_commune = [
        (name or "Ngoài tỉnh / không rõ", n) for name, n in _grouped(reports, "commune__name")
    ]
    months = reports.annotate(m=TruncMonth("received_at")).values("m").annotate(n=Count("id")).order_by("m")
    figures.by_month = [(f"{timezone.localtime(r['m']):%Y-%m}" if r["m"] else "–", r["n"]) for r in months]
    figures.by_status = _grouped(reports, "status", lambda v: str(Status(v).label))
    figures.by_track = _grouped(reports, "track")
    # The resolution each report stores (reports.resolution): no history replayed per report.
    resolved = reports.filter(status=Status.RESOLVED, resolved_at__isnull=False)
    counts = resolved.aggregate(n=Count("id"), in_time=Count("id", filter=Q(resolved_in_time=True)))
    figures.resolved, figures.resolved_in_time = counts["n"], counts["in_time"]
    durations = [
        (done - got).total_seconds() / 86400
        for got, done in resolved.values_list("received_at", "resolved_at")
    ]
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
