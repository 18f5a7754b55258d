"""Correlation for officers: reports that share an indicator form a cluster, browsable by size and growth.

Only the reports an officer may see are counted (``Report.objects.visible_to``): a commune officer sees the
clusters within the commune's cases, the standing agency those of the whole province.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone

from toandan.indicators.models import IndicatorRecord, ReportIndicator, report_model

ORDERS = {
    "size": ("-size", "-recent", "indicator_id"),
    "growth": ("-recent", "-size", "indicator_id"),
    "latest": ("-latest", "indicator_id"),
}
GROWTH_DAYS = 7


def _visible_links(user: Any) -> QuerySet[ReportIndicator]:
    return ReportIndicator.objects.filter(report__in=report_model().objects.visible_to(user).values("pk"))


def clusters(
    user: Any,
    *,
    order: str = "size",
    kind: str = "",
    status: str = "",
    min_size: int = 2,
    days: int = GROWTH_DAYS,
) -> QuerySet:
    """Rows of {indicator_id, kind, value, display, status, size, recent, previous, latest}."""
    now = timezone.now()
    links = _visible_links(user)
    if kind:
        links = links.filter(indicator__kind=kind)
    if status:
        links = links.filter(indicator__status=status)
    return (
        links.values("indicator_id")
        .annotate(
            kind=Max("indicator__kind"),
            value=Max("indicator__value"),
            display=Max("indicator__display"),
            status=Max("indicator__status"),
            size=Count("report_id"),
            recent=Count("id", filter=Q(linked_at__gte=now - timedelta(days=days))),
            previous=Count(
                "id",
                filter=Q(
                    linked_at__gte=now - timedelta(days=2 * days), linked_at__lt=now - timedelta(days=days)
                ),
            ),
            latest=Max("linked_at"),
        )
        .filter(size__gte=min_size)
        .order_by(*ORDERS.get(order, ORDERS["size"]))
    )


@dataclass
class Neighbour:
    """Another indicator named by reports of a cluster, and how many of them name it."""

    record: IndicatorRecord
    shared: int


def neighbours(user: Any, record: IndicatorRecord, limit: int = 30) -> list[Neighbour]:
    """Indicators that appear together with this one in the reports the user may see: the same operation's
    other numbers, accounts and links."""
    reports = _visible_links(user).filter(indicator=record).values("report_id")
    rows = (
        ReportIndicator.objects.filter(report_id__in=reports)
        .exclude(indicator=record)
        .values("indicator_id")
        .annotate(shared=Count("report_id"))
        .order_by("-shared", "indicator_id")[:limit]
    )
    counts = {row["indicator_id"]: row["shared"] for row in rows}
    records = IndicatorRecord.objects.in_bulk(list(counts))
    return [Neighbour(records[pk], shared) for pk, shared in counts.items() if pk in records]
