"""State changes of indicators. Report intake plans a report's indicators, stores the new ones and links them
inside its submit transaction."""

from __future__ import annotations

from functools import cache
from typing import Any

from toandan.core import rowsql
from toandan.identifiers.base import Indicator
from toandan.identifiers.extract import extract_all
from toandan.identifiers.normalize import detect
from toandan.indicators import presence
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


def incoming_params(planned: Planned) -> list[Any]:
    """The parameters of `link_sql(len(planned), …)["incoming"]`: each planned indicator's record and link."""
    # Before the commit: the public check in this process counts the report at once (see presence.py).
    presence.add(planned)
    params: list[Any] = []
    for (kind, value), (raw, item, source) in planned.items():
        params += rowsql.values(IndicatorRecord(kind=kind, value=value, display=item.display[:300]))
        params += [raw[:300], source]
    return params


def link_params(report_id: int | None = None) -> list[Any]:
    """The parameters of `link_sql(…)["new_links"]`: the report's id when it is one (not an expression)."""
    skip = ["raw", "source", "indicator_id"] + ([] if report_id is not None else ["report_id"])
    return rowsql.values(ReportIndicator(report_id=report_id), skip=skip)


@cache
def link_sql(count: int, report_id: str) -> dict[str, str]:
    """The SQL that stores `count` planned indicators once each and links them to a report, in parts that
    read the part `incoming` (the planned rows) and `known` (their stored ids) as WITH queries.
    `report_id` is the SQL giving the report's id (an expression, or %s for a parameter).

    PostgreSQL runs every part in the one WITH statement that stores the report (reports/storing.py); there
    `new_indicators` cannot be read back from the table, so `known` adds its RETURNING rows, and a key that
    another report inserted and committed while this statement waited on it is invisible to the statement's
    snapshot: its link is missing, and the caller compares the count of `new_links` with the plan and runs
    the statement again. SQLite runs `new_indicators`, then `new_links` (with `stored` as `known`)."""
    q = rowsql.db().ops.quote_name
    record_columns = rowsql.columns(IndicatorRecord)
    typed = rowsql.placeholders(IndicatorRecord, typed=True)
    named = ", ".join(f"{p} AS {q(c)}" for p, c in zip(typed, record_columns, strict=True))
    select = f"SELECT {named}, CAST(%s AS varchar) AS link_raw, CAST(%s AS varchar) AS link_source"
    records = q(IndicatorRecord._meta.db_table)
    names = rowsql.quoted(record_columns)
    same = "stored.kind = incoming.kind AND stored.value = incoming.value"
    exprs = {"report_id": report_id, "raw": "incoming.link_raw", "source": "incoming.link_source"}
    exprs["indicator_id"] = "known.id"
    link_values = ", ".join(rowsql.placeholders(ReportIndicator, tuple(exprs.items()), typed=True))
    link_names = rowsql.quoted(rowsql.columns(ReportIndicator))
    stored = f"SELECT stored.id, stored.kind, stored.value FROM {records} stored JOIN incoming ON {same}"  # noqa: S608
    # Names come from model metadata; every value is a parameter.
    return {
        "incoming": " UNION ALL ".join([select] * count),
        "new_indicators": f"INSERT INTO {records} ({names}) SELECT {names} FROM incoming "  # noqa: S608
        f"WHERE NOT EXISTS (SELECT 1 FROM {records} stored WHERE {same}) ON CONFLICT DO NOTHING",
        "stored": stored,
        "known": f"SELECT id, kind, value FROM new_indicators UNION ALL {stored}",  # noqa: S608
        "new_links": f"INSERT INTO {q(ReportIndicator._meta.db_table)} ({link_names}) "  # noqa: S608
        f"SELECT {link_values} FROM incoming JOIN known "
        "ON known.kind = incoming.kind AND known.value = incoming.value",
    }


def link_report_indicators(report: Any, planned: Planned) -> None:
    """Store each planned indicator once and link it to the report: two statements in the caller's transaction
    (SQLite; PostgreSQL does this inside the report's own statement, see `link_sql`).

    Nothing here updates a shared row: during a scam wave thousands of reports name the same number at once,
    and a counter on the indicator would make them queue behind each other's locks. Counts are counted from
    the links instead."""
    if not planned:
        return
    sql = link_sql(len(planned), "%s")
    incoming = incoming_params(planned)
    rowsql.execute(f"WITH incoming AS ({sql['incoming']}) {sql['new_indicators']}", incoming)
    rowsql.execute(
        f"WITH incoming AS ({sql['incoming']}), known AS ({sql['stored']}) {sql['new_links']}",
        incoming + link_params(report.pk),
    )
