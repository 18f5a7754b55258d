"""Writing a new report with every row that comes with it, as cheaply as each database allows.

Intake is the platform's busiest write (bench/bench_intake.py). On PostgreSQL the report, its identity,
evidence, history and audit rows, its new indicators and its links are one prepared statement (a
data-modifying WITH), atomic by itself: no BEGIN, no COMMIT, one round trip. On SQLite the same rows are
written one INSERT after another inside the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from django.db import DataError, models

from toandan.core import rowsql
from toandan.indicators.services import (
    Planned,
    incoming_params,
    link_params,
    link_report_indicators,
    link_sql,
)
from toandan.reports.models import Report

RACE = "indicator-race"


class LinkRace(Exception):
    """Another report stored one of this report's new indicators at the same moment: write it again."""


def needs_transaction() -> bool:
    """Whether the caller must wrap `write` in a transaction (it is one statement on PostgreSQL)."""
    return not rowsql.chains_writes()


def write(report: Report, dependents: Sequence[tuple[models.Model, str]], planned: Planned) -> None:
    """Insert `report`, then each dependent row with the new report's id in its named column, then the
    report's indicators and links. Sets `report.pk`. Raises LinkRace (nothing stored) when to be rerun."""
    if rowsql.chains_writes():
        report.pk = _chained(report, dependents, planned)
    else:
        report.pk = rowsql.execute(rowsql.insert_sql(Report, returning="id"), rowsql.values(report))[0][0]
        for row, column in dependents:
            field = _field(type(row), column)
            setattr(row, field.attname, field.to_python(report.pk))
            rowsql.execute(rowsql.insert_sql(type(row)), rowsql.values(row))
        link_report_indicators(report, planned)
    report._state.adding = False
    report._state.db = rowsql.db().alias


def _field(model: type[models.Model], column: str) -> models.Field:
    return next(f for f in model._meta.concrete_fields if f.column == column)


def _chained(report: Report, dependents: Sequence[tuple[models.Model, str]], planned: Planned) -> int:
    shape = tuple((type(row), column) for row, column in dependents)
    params = rowsql.values(report)
    for row, column in dependents:
        params += rowsql.values(row, skip=(column,))
    if planned:
        params += incoming_params(planned) + link_params()

    def took_effect() -> list[tuple]:
        # The tracking code is random and unique: a report with it and this key is this very statement's.
        return list(Report.objects.filter(code=report.code, key_hash=report.key_hash).values_list("id"))

    try:
        return rowsql.execute(_chained_sql(shape, len(planned)), params, took_effect)[0][0]
    except DataError as exc:
        if RACE in str(exc):
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
        sql = link_sql(planned, new_id)
        parts += [
            ("incoming", sql["incoming"]),
            ("new_indicators", sql["new_indicators"] + " RETURNING id, kind, value"),
            ("known", sql["known"]),
            ("new_links", sql["new_links"] + " RETURNING 1"),
        ]
        # Fewer links than planned: fail the whole statement (nothing is stored) and let the caller rerun it.
        result = (
            f"CAST(CASE WHEN (SELECT count(*) FROM new_links) = {planned:d} "  # noqa: S608
            f"THEN CAST(id AS varchar) ELSE '{RACE}' END AS bigint)"
        )
    chain = ", ".join(f"{name} AS ({body})" for name, body in parts)
    return f"WITH {chain} SELECT {result} FROM new_report"  # noqa: S608 - names from model metadata
