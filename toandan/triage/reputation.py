"""How many reports name each indicator: the reputation callback of ``message.score_message``.

``report_counts(indicators)`` takes ``identifiers.base.Indicator`` items (phone, url, domain, bank_account),
with values as written in a message (the scorer's) or canonical (the check's), normalises them as intake
does, and counts the reports linked to each from ``ReportIndicator`` rows in one query (a likely repeat of an
incident already counted does not count again). After an officer
cleared an indicator only the reports that came later count, as in the public
check. A bank account given without its bank matches the same digits at any bank.

    from functools import partial
    score_message(text, reputation=report_counts)
    score_message(report.description, reputation=partial(report_counts, exclude_report=report.pk))
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from django.db.models import Count, F, Q

from toandan.identifiers.normalize import InvalidIndicator, normalize

CLEARED = "cleared"


@lru_cache(maxsize=1)
def _bins() -> tuple[str, ...]:
    from toandan.identifiers.banks import banks

    return tuple(bank.bin for bank in banks())


def _keys(indicator: Any) -> list[tuple[str, str]]:
    """The stored (kind, value) keys an indicator may be filed under."""
    kind = str(getattr(indicator.kind, "value", indicator.kind))
    try:
        value = normalize(kind, indicator.value).value
    except (InvalidIndicator, ValueError):
        return []
    if kind == "bank_account":
        bank, _sep, digits = value.partition(":")
        values = {value, f"?:{digits}"} | ({f"{code}:{digits}" for code in _bins()} if bank == "?" else set())
        return [(kind, v) for v in sorted(values)]
    return [(kind, value)]


def report_counts(indicators: Iterable[Any], exclude_report: int | None = None) -> dict[Any, int]:
    """Number of reports naming each indicator (only those named at least once), keyed by the indicator.

    ``exclude_report`` leaves one report out: on a case page, the report itself is not evidence about it.
    """
    from toandan.indicators.models import IndicatorRecord

    wanted = {indicator: _keys(indicator) for indicator in indicators}
    by_kind: dict[str, set[str]] = {}
    for keys in wanted.values():
        for kind, value in keys:
            by_kind.setdefault(kind, set()).add(value)
    if not by_kind:
        return {}
    where = Q()
    for kind, values in by_kind.items():
        where |= Q(kind=kind, value__in=sorted(values))
    counted = (~Q(status=CLEARED) | Q(report_links__linked_at__gt=F("status_changed_at"))) & Q(
        report_links__counts=True
    )
    if exclude_report is not None:
        counted &= ~Q(report_links__report_id=exclude_report)
    rows = (
        IndicatorRecord.objects.filter(where)
        .annotate(reports=Count("report_links__report_id", filter=counted, distinct=True))
        .values_list("kind", "value", "reports")
    )
    found = {(kind, value): reports for kind, value, reports in rows}
    counts: dict[Any, int] = {}
    for indicator, keys in wanted.items():
        best = max((found.get(key, 0) for key in keys), default=0)
        if best:
            counts[indicator] = best
    return counts
