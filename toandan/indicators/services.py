"""State changes of indicators. Report intake plans a report's indicators, stores the new ones and links them
inside its submit transaction."""

from __future__ import annotations

from functools import cache
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


def chained_links_params(planned: Planned) -> list[Any]:
    """PostgreSQL: the parameters of `chained_links_sql(len(planned), …)` for these planned indicators."""
    presence.add(planned)  # before the commit: see new_records_sql
    params: list[Any] = []
    for (kind, value), (raw, item, source) in planned.items():
        record = IndicatorRecord(kind=kind, value=value, display=item.display[:300])
        params += rowsql.values(record)
        params += [raw[:300], source]
    return params + rowsql.values(ReportIndicator(), skip=LINK_EXPRS)


LINK_EXPRS = ("report_id", "raw", "source", "indicator_id")


@cache
def chained_links_sql(count: int, report_id: str) -> tuple[tuple[str, str], ...]:
    """PostgreSQL: a report's new indicators and its links as parts of the one WITH statement that stores
    the report (reports/storing.py): ((name, sql), …) for `count` planned indicators; `report_id` is the SQL
    giving the new report's id.

    The part `new_links` returns one row per link. A key that another report inserted and committed while
    this statement waited on its conflict is invisible to this statement's snapshot, so its link is missing:
    the caller compares the count with the plan and runs the statement again (the key is then visible)."""
    q = rowsql.db().ops.quote_name
    record_columns = rowsql.columns(IndicatorRecord)
    typed = rowsql.placeholders(IndicatorRecord, typed=True)
    named = ", ".join(f"{p} AS {q(c)}" for p, c in zip(typed, record_columns, strict=True))
    select = f"SELECT {named}, CAST(%s AS varchar) AS link_raw, CAST(%s AS varchar) AS link_source"
    records = q(IndicatorRecord._meta.db_table)
    links = q(ReportIndicator._meta.db_table)
    names = rowsql.quoted(record_columns)
    same = "stored.kind = incoming.kind AND stored.value = incoming.value"
    exprs = dict(
        zip(LINK_EXPRS, (report_id, "incoming.link_raw", "incoming.link_source", "known.id"), strict=True)
    )
    link_values = ", ".join(rowsql.placeholders(ReportIndicator, tuple(exprs.items()), typed=True))
    link_names = rowsql.quoted(rowsql.columns(ReportIndicator))
    # Names come from model metadata; every value is a parameter.
    return (
        ("incoming", " UNION ALL ".join([select] * count)),
        (
            "new_indicators",
            f"INSERT INTO {records} ({names}) SELECT {names} FROM incoming "  # noqa: S608
            f"WHERE NOT EXISTS (SELECT 1 FROM {records} stored WHERE {same}) "
            f"ON CONFLICT DO NOTHING RETURNING id, kind, value",
        ),
        (
            "known",
            "SELECT id, kind, value FROM new_indicators UNION ALL "  # noqa: S608
            f"SELECT stored.id, stored.kind, stored.value FROM {records} stored JOIN incoming ON {same}",
        ),
        (
            "new_links",
            f"INSERT INTO {links} ({link_names}) SELECT {link_values} "  # noqa: S608
            "FROM incoming JOIN known ON known.kind = incoming.kind AND known.value = incoming.value "
            "RETURNING 1",
        ),
    )


def link_report_indicators(report: Any, planned: Planned) -> None:
    """Link the report to its planned indicators, stored earlier in the transaction by `new_records_sql`.

    Nothing here updates a shared row: during a scam wave thousands of reports name the same number at once,
    and a counter on the indicator would make them queue behind each other's locks. Counts are counted from
    the links instead."""
    if planned:
        rowsql.execute(*links_sql(report.pk, planned))
