"""What reports adds to /metrics (core/metrics.py; registered from ReportsConfig.ready): the open reports
whose current legal deadline is near or passed, so that an alert fires before a deadline the law sets is
missed."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone

from toandan.core.metrics import Sample, register_gauge
from toandan.reports.deadlines import DUE_SOON_DAYS
from toandan.reports.models import Report


def deadlines() -> dict[str, int]:
    """Open reports whose current deadline is within DUE_SOON_DAYS ("at_risk") or passed ("overdue")."""
    now = timezone.now()
    soon = now + timedelta(days=DUE_SOON_DAYS)
    return Report.objects.open().aggregate(
        at_risk=Count("pk", filter=Q(deadline_at__gte=now, deadline_at__lt=soon)),
        overdue=Count("pk", filter=Q(deadline_at__lt=now)),
    )


def _at_risk() -> Iterable[Sample]:
    return [({"within_days": str(DUE_SOON_DAYS)}, deadlines()["at_risk"])]


def _overdue() -> Iterable[Sample]:
    return [({}, deadlines()["overdue"])]


def register() -> None:
    register_gauge(
        "toandan_report_deadlines_at_risk",
        f"Open reports whose current legal deadline falls within {DUE_SOON_DAYS} days.",
        _at_risk,
    )
    register_gauge(
        "toandan_report_deadlines_overdue",
        "Open reports whose current legal deadline has passed.",
        _overdue,
    )
