"""State changes of indicators. Reports call `link_report_indicators` inside their submit transaction."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from toandan.indicators import presence
from toandan.indicators.base import Indicator
from toandan.indicators.extract import extract_all
from toandan.indicators.models import IndicatorRecord, IndicatorSource, ReportIndicator
from toandan.indicators.normalize import detect

MAX_VALUE_LENGTH = 2000


def parse_identifiers(raw_items: list[str]) -> tuple[list[tuple[str, Indicator]], list[str]]:
    """Recognise what a person typed as identifiers; returns (recognised, not recognised)."""
    found: list[tuple[str, Indicator]] = []
    unknown: list[str] = []
    for raw in raw_items:
        text = raw.strip()
        if not text:
            continue
        single = detect(text)
        items = [single] if single is not None else extract_all(text)
        if items:
            found.extend((text, item) for item in items)
        else:
            unknown.append(text)
    return found, unknown


@transaction.atomic(savepoint=False)  # part of the caller's transaction; no savepoint round trips
def link_report_indicators(report: Any, identifiers: list[str], text: str) -> list[ReportIndicator]:
    """Store each indicator once and link it to the report.

    Batched: one query finds the known indicators, one creates the new ones, one links. Nothing here updates
    a shared row: during a scam wave thousands of reports name the same number at once, and a counter on the
    indicator would make them queue behind each other's locks. Counts are counted from the links instead.
    """
    recognised, _unknown = parse_identifiers(identifiers)
    items: list[tuple[str, Indicator, str]] = [
        (raw, item, IndicatorSource.IDENTIFIERS) for raw, item in recognised
    ]
    items += [(item.display, item, IndicatorSource.DESCRIPTION) for item in extract_all(text or "")]
    unique: dict[tuple[str, str], tuple[str, Indicator, str]] = {}
    for raw, item, source in items:
        if len(item.value) <= MAX_VALUE_LENGTH:
            unique.setdefault((item.kind.value, item.value), (raw, item, source))
    if not unique:
        return []
    # Before the commit: the public check in this process counts the report at once (see presence.py).
    presence.add(unique)
    records = _records_for(list(unique))
    missing = [key for key in unique if key not in records]
    if missing:
        IndicatorRecord.objects.bulk_create(
            [IndicatorRecord(kind=k, value=v, display=unique[(k, v)][1].display[:300]) for k, v in missing],
            ignore_conflicts=True,
        )
        records.update(_records_for(missing))
    links = ReportIndicator.objects.bulk_create(
        [
            ReportIndicator(report=report, indicator=records[key], raw=raw[:300], source=source)
            for key, (raw, _item, source) in unique.items()
        ]
    )
    return links


def _records_for(keys: list[tuple[str, str]]) -> dict[tuple[str, str], IndicatorRecord]:
    # Two IN lists use the (kind, value) index; a chain of OR conditions costs more to build and to plan.
    kinds = {kind for kind, _value in keys}
    values = {value for _kind, value in keys}
    wanted = set(keys)
    rows = IndicatorRecord.objects.filter(kind__in=kinds, value__in=values)
    return {(r.kind, r.value): r for r in rows if (r.kind, r.value) in wanted}
