"""INSERT statements built from unsaved model instances, for the one hot path where the ORM's cost per
statement is most of the request (report intake: see bench/bench_intake.py).

Values still go through each field's own `pre_save` and `get_db_prep_save`, so defaults, `auto_now_add`, JSON
and IP adapters are the ORM's; what is saved is the query compiler, the signals and one round trip per row.
Only the automatic primary key is left out: the database assigns it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

from django.db import connection, models


@cache
def _fields(model: type[models.Model]) -> tuple[models.Field, ...]:
    return tuple(
        f for f in model._meta.concrete_fields if not (f.primary_key and isinstance(f, models.AutoField))
    )


def columns(model: type[models.Model]) -> list[str]:
    return [f.column for f in _fields(model)]


def row(obj: models.Model, exprs: Mapping[str, str] | None = None) -> tuple[list[str], list[Any]]:
    """Placeholders and parameters of one new row, in `columns()` order.

    `exprs` maps a column to an SQL expression written in place of its value (e.g. the id a previous
    statement of the same query returns)."""
    placeholders: list[str] = []
    params: list[Any] = []
    for f in _fields(type(obj)):
        if exprs and f.column in exprs:
            placeholders.append(exprs[f.column])
            continue
        placeholders.append("%s")
        params.append(f.get_db_prep_save(f.pre_save(obj, True), connection))
    return placeholders, params


def quoted(names: Iterable[str]) -> str:
    return ", ".join(connection.ops.quote_name(name) for name in names)


def insert(
    objs: Sequence[models.Model],
    *,
    exprs: Mapping[str, str] | None = None,
    ignore_conflicts: bool = False,
    returning: str = "",
) -> tuple[str, list[Any]]:
    """One INSERT of `objs` (all of one model): (sql, params) for `cursor.execute`."""
    model = type(objs[0])
    rows: list[str] = []
    params: list[Any] = []
    for obj in objs:
        placeholders, values = row(obj, exprs)
        rows.append(f"({', '.join(placeholders)})")
        params.extend(values)
    # Names come from model metadata; every value is a parameter.
    sql = (
        f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({quoted(columns(model))}) "  # noqa: S608
        f"VALUES {', '.join(rows)}"
    )
    if ignore_conflicts:
        sql += " ON CONFLICT DO NOTHING"
    if returning:
        sql += f" RETURNING {connection.ops.quote_name(returning)}"
    return sql, params


def chains_writes() -> bool:
    """Whether several INSERTs can travel as one statement (PostgreSQL's data-modifying WITH)."""
    return connection.vendor == "postgresql"
