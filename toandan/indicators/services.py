"""State changes of indicators. Report intake plans a report's indicators, stores the new ones and links them
inside its submit transaction."""

from __future__ import annotations

from typing import Any

from toandan.core import rowsql
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


def new_records_sql(planned: Planned) -> tuple[str, list[Any]]:
    """INSERT of the planned indicators that do not exist yet (existing ones are left untouched)."""
    # Before the commit: the public check in this process counts the report at once (see presence.py).
    presence.add(planned)
    records = [
        IndicatorRecord(kind=kind, value=value, display=item.display[:300])
        for (kind, value), (_raw, item, _source) in planned.items()
    ]
    return rowsql.insert_missing(records, key=("kind", "value"))


def links_sql(report_id: int, planned: Planned) -> tuple[str, list[Any]]:
    """INSERT … SELECT of the report's links, joining the planned keys to the stored indicators.

    A separate statement from `new_records_sql`: under READ COMMITTED it sees an indicator that a concurrent
    report stored (and committed) while this one waited on its conflict, which one statement would not."""
    all_columns = rowsql.columns(ReportIndicator)
    columns = [c for c in all_columns if c != "indicator_id"]
    values: list[str] = []
    params: list[Any] = []
    for (kind, value), (raw, _item, source) in planned.items():
        link = ReportIndicator(report_id=report_id, raw=raw[:300], source=source)
        placeholders, row_params = rowsql.row(link, {"indicator_id": ""})
        kept = [p for c, p in zip(all_columns, placeholders, strict=True) if c != "indicator_id"]
        values.append(f"({', '.join(['%s', '%s', *kept])})")
        params.extend([kind, value, *row_params])
    q = rowsql.db().ops.quote_name
    # Names come from model metadata; every value is a parameter.
    sql = (
        f"WITH planned ({rowsql.quoted(['k_kind', 'k_value', *columns])}) AS (VALUES {', '.join(values)}) "  # noqa: S608
        f"INSERT INTO {q(ReportIndicator._meta.db_table)} ({rowsql.quoted([*columns, 'indicator_id'])}) "
        f"SELECT {', '.join('planned.' + q(c) for c in columns)}, stored.id "
        f"FROM planned JOIN {q(IndicatorRecord._meta.db_table)} stored "
        f"ON stored.kind = planned.k_kind AND stored.value = planned.k_value"
    )
    return sql, params


def link_report_indicators(report: Any, planned: Planned) -> None:
    """Link the report to its planned indicators, stored earlier in the transaction by `new_records_sql`.

    Nothing here updates a shared row: during a scam wave thousands of reports name the same number at once,
    and a counter on the indicator would make them queue behind each other's locks. Counts are counted from
    the links instead."""
    if planned:
        rowsql.execute(*links_sql(report.pk, planned))
