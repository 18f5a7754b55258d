"""Writing a new report with every row that comes with it: `write`, the one function intake calls.

Intake is the platform's busiest write (bench/bench_intake.py). On PostgreSQL the report, its identity,
evidence, history and audit rows, its new indicators and its links are one prepared statement (a
data-modifying WITH), atomic by itself: no BEGIN, no COMMIT, one round trip; the whole statement is built
here (with core/rowsql.py's INSERTs from model instances). Plain ORM code in a transaction costs twice the
CPU and measured 0.22–0.26× of the form+insert baseline, below the 0.3× that #17 set for replacing it
(/work/notes/issue-17-intake.md).

`write_with_orm` is the reference: SQLite uses it, and tests/reports/test_intake_oracle.py compares the rows
the statement writes with the rows it writes, on both databases. The private internals this relies on
(Django's server-side binding cursor, psycopg's statement cache) are pinned by
tests/core/test_pinned_internals.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from django.db import DataError, models

from toandan.core import rowsql
from toandan.indicators import presence
from toandan.indicators.models import IndicatorRecord, ReportIndicator
from toandan.indicators.services import Planned, link_report_indicators
from toandan.reports.models import Report

# SQLSTATE of the division by zero the statement makes when a link is missing (nothing else in it divides).
RACE_SQLSTATE = "22012"


class LinkRace(Exception):
    """Another report stored one of this report's new indicators at the same moment: write it again."""


def needs_transaction() -> bool:
    """Whether the caller must wrap `write` in a transaction (it is one statement on PostgreSQL)."""
    return not rowsql.chains_writes()


def write(report: Report, dependents: Sequence[tuple[models.Model, str]], planned: Planned) -> None:
    """Insert `report`, then each dependent row with the new report's id in its named column, then the
    report's indicators and links. Sets `report.pk`. Raises LinkRace (nothing stored) when to be rerun."""
    # Before the commit: the public check served by this process counts the report at once (a key whose
    # report is then rolled back costs the check one database lookup: see indicators/presence.py).
    presence.add(planned)
    if rowsql.chains_writes():
        report.pk = _chained(report, dependents, planned)
        report._state.adding = False
        report._state.db = rowsql.db().alias
    else:
        write_with_orm(report, dependents, planned)


def write_with_orm(report: Report, dependents: Sequence[tuple[models.Model, str]], planned: Planned) -> None:
    """The same rows with plain ORM calls, in the caller's transaction (SQLite; the tests' oracle)."""
    report.save(force_insert=True)
    for row, column in dependents:
        field = _field(type(row), column)
        setattr(row, field.attname, field.to_python(report.pk))
        row.save(force_insert=True)
    link_report_indicators(report, planned)


def _field(model: type[models.Model], column: str) -> models.Field:
    return next(f for f in model._meta.concrete_fields if f.column == column)


def _chained(report: Report, dependents: Sequence[tuple[models.Model, str]], planned: Planned) -> int:
    shape = tuple((type(row), column) for row, column in dependents)
    params = rowsql.values(report)
    for row, column in dependents:
        params += rowsql.values(row, skip=(column,))
    if planned:
        params += _incoming_params(planned) + _link_params()

    def took_effect() -> list[tuple]:
        # The tracking code is random and unique: a report with it and this key is this very statement's.
        return list(Report.objects.filter(code=report.code, key_hash=report.key_hash).values_list("id"))

    try:
        return rowsql.execute(_chained_sql(shape, len(planned)), params, took_effect)[0][0]
    except DataError as exc:
        if getattr(exc.__cause__, "sqlstate", None) == RACE_SQLSTATE:
            raise LinkRace from exc
        raise


@cache
def _chained_sql(shape: tuple[tuple[type[models.Model], str], ...], planned: int) -> str:
    """The statement for a report with these dependent rows and this many planned indicators (a few shapes
    recur: it is built once each, and PostgreSQL prepares it once per connection)."""
    db = rowsql.db()
    new_id = "(SELECT id FROM new_report)"
    parts = [("new_report", rowsql.insert_sql(Report, returning="id"))]
    for number, (model, column) in enumerate(shape):
        field = _field(model, column)
        expr = f"CAST({new_id} AS {field.cast_db_type(db)})"
        parts.append((f"new_row_{number}", rowsql.insert_sql(model, ((column, expr),))))
    result = "id"
    if planned:
        sql = _link_sql(planned, new_id)
        parts += [
            ("incoming", sql["incoming"]),
            ("new_indicators", sql["new_indicators"] + " RETURNING id, kind, value"),
            ("known", sql["known"]),
            ("new_links", sql["new_links"] + " RETURNING 1"),
        ]
        # Fewer links than planned: fail the whole statement (a division by zero: nothing is stored) and let
        # the caller rerun it.
        result = f"CASE WHEN (SELECT count(*) FROM new_links) = {planned:d} THEN id ELSE id / 0 END"  # noqa: S608
    chain = ", ".join(f"{name} AS ({body})" for name, body in parts)
    return f"WITH {chain} SELECT {result} FROM new_report"  # noqa: S608 - names from model metadata


def _incoming_params(planned: Planned) -> list[Any]:
    """The parameters of `_link_sql(len(planned), …)["incoming"]`: each planned record and link."""
    params: list[Any] = []
    for (kind, value), (raw, item, source) in planned.items():
        params += rowsql.values(IndicatorRecord(kind=kind, value=value, display=item.display[:300]))
        params += [raw[:300], source]
    return params


def _link_params(report_id: int | None = None) -> list[Any]:
    """The parameters of `_link_sql(…)["new_links"]`: the report's id when it is one (not an expression)."""
    skip = ["raw", "source", "indicator_id"] + ([] if report_id is not None else ["report_id"])
    return rowsql.values(ReportIndicator(report_id=report_id), skip=skip)


@cache
def _link_sql(count: int, report_id: str) -> dict[str, str]:
    """The SQL that stores `count` planned indicators once each and links them to a report, in parts that
    read the part `incoming` (the planned rows) and `known` (their stored ids) as WITH queries.
    `report_id` is the SQL giving the report's id (an expression, or %s for a parameter).

    Every part runs in the one WITH statement that stores the report; there `new_indicators` cannot be read
    back from the table, so `known` adds its RETURNING rows, and a key that another report inserted and
    committed while this statement waited on it is invisible to the statement's snapshot: its link is
    missing, and the statement compares the count of `new_links` with the plan and fails as a whole."""
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
