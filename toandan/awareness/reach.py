"""Reach counters: one row per day, item and channel, incremented in place (no cookie, no address, no person),
and the totals the province's indicators read."""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from toandan.awareness.models import Channel, ReachDay


def count(channel: str, item_id: int | None = None) -> None:
    """Add one to today's counter (created on first use; a concurrent first use is retried once)."""
    day = timezone.localdate()
    rows = ReachDay.objects.filter(day=day, item_id=item_id, channel=channel)
    if rows.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            ReachDay.objects.create(day=day, item_id=item_id, channel=channel, count=1)
    except IntegrityError:
        rows.update(count=F("count") + 1)


def totals(start: date, end: date) -> dict[str, int]:
    """Reach by channel between two days (inclusive), every channel present."""
    found = dict(
        ReachDay.objects.filter(day__gte=start, day__lte=end)
        .values_list("channel")
        .annotate(n=Sum("count"))
        .values_list("channel", "n")
    )
    return {channel: int(found.get(channel) or 0) for channel in Channel.values}
