"""State changes of indicators. Report intake plans a report's indicators (`plan_links`), then stores the new
ones and links them inside its submit transaction (`link_report_indicators`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Q

from toandan.identifiers.base import Indicator
from toandan.identifiers.extract import extract_all
from toandan.identifiers.normalize import detect
from toandan.indicators.models import IndicatorRecord, IndicatorSource, ReportIndicator

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


Planned = dict[tuple[str, str], tuple[str, Indicator, str]]


def plan_links(identifiers: list[str], text: str) -> Planned:
    """The indicators a report names, once each: (kind, value) → (as typed, indicator, where it was found).

    Sorted by key, so that concurrent reports insert shared new indicators in one order (no deadlock)."""
    recognised, _unknown = parse_identifiers(identifiers)
    items: list[tuple[str, Indicator, str]] = [
        (raw, item, IndicatorSource.IDENTIFIERS) for raw, item in recognised
    ]
    items += [(item.display, item, IndicatorSource.DESCRIPTION) for item in extract_all(text or "")]
    unique: Planned = {}
    for raw, item, source in items:
        if len(item.value) <= MAX_VALUE_LENGTH:
            unique.setdefault((item.kind.value, item.value), (raw, item, source))
    return dict(sorted(unique.items()))


def link_report_indicators(report: Any, planned: Planned) -> None:
    """Store each planned indicator once and link it to `report` (already saved), in the caller's transaction.

    Known indicators are looked up first, so they draw no id (the check's presence filter polls new records
    by id). A new one is inserted with ON CONFLICT DO NOTHING: when another report inserts the same key at the
    same moment, PostgreSQL makes this insert wait for that transaction and then skips the row, and the
    lookup that follows (a new statement, a new snapshot under READ COMMITTED) sees it. SQLite's IMMEDIATE
    transactions let one writer in at a time. Planned keys are sorted, so concurrent inserts take their row
    locks in one order (no deadlock).

    Nothing here updates a shared row: during a scam wave thousands of reports name the same number at once,
    and a counter on the indicator would make them queue behind each other's locks. Counts are counted from
    the links instead.

    This is the reference path of report intake (reports/storing.py): SQLite uses it, and on PostgreSQL the
    one-statement path is compared with it (tests/reports/test_intake_oracle.py)."""
    if not planned:
        return
    ids = _stored_ids(planned)
    missing = [key for key in planned if key not in ids]
    if missing:
        IndicatorRecord.objects.bulk_create(
            [
                IndicatorRecord(kind=kind, value=value, display=planned[kind, value][1].display[:300])
                for kind, value in missing
            ],
            ignore_conflicts=True,
        )
        ids |= _stored_ids(missing)
    ReportIndicator.objects.bulk_create(
        [
            ReportIndicator(report=report, indicator_id=ids[key], raw=raw[:300], source=source)
            for key, (raw, _item, source) in planned.items()
        ]
    )


def _stored_ids(keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int]:
    match = Q()
    for kind, value in keys:
        match |= Q(kind=kind, value=value)
    rows = IndicatorRecord.objects.filter(match).values_list("kind", "value", "id")
    return {(kind, value): pk for kind, value, pk in rows}
