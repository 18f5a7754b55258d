"""INSERT statements built from unsaved model instances, for the one hot path where the ORM's cost per
statement is most of the request (report intake: see bench/bench_intake.py).

Values still go through each field's own `pre_save` and `get_db_prep_save`, so defaults, `auto_now_add`, JSON
and IP adapters are the ORM's; what is saved is the query compiler, the signals and one round trip per row.
Only the automatic primary key is left out: the database assigns it. Everything here uses the default
database.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from functools import cache
from typing import Any, NamedTuple

from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.backends.base.base import BaseDatabaseWrapper

from toandan.core import prepared

try:  # psycopg caches its %s → $n conversion only up to 50 parameters; intake's chained statement has ~70.
    from psycopg import _queries as psycopg_queries

    psycopg_queries.MAX_CACHED_STATEMENT_PARAMS = max(psycopg_queries.MAX_CACHED_STATEMENT_PARAMS, 200)
except (ImportError, AttributeError):  # pragma: no cover - an older or newer psycopg only loses the cache
    pass


class Column(NamedTuple):
    field: models.Field
    name: str  # quoted
    column: str
    cast: str  # the placeholder cast to the column's type, for rows that are selected rather than inserted
    plain: str  # attribute name when a str/int/bool/None value is stored as it is (no preparation), else ""


# Fields whose preparation leaves a str, int, bool or None value as it is (and whose pre_save only reads it).
PLAIN_FIELDS = (
    models.CharField,
    models.SlugField,
    models.TextField,
    models.BooleanField,
    models.IntegerField,
    models.BigIntegerField,
    models.PositiveIntegerField,
    models.PositiveBigIntegerField,
    models.SmallIntegerField,
    models.PositiveSmallIntegerField,
    models.ForeignKey,
    models.OneToOneField,
)


def db() -> BaseDatabaseWrapper:
    """The default connection itself (the `connection` proxy costs a thread-local lookup per attribute)."""
    return connections[DEFAULT_DB_ALIAS]


@cache
def _columns(model: type[models.Model], vendor: str) -> tuple[Column, ...]:
    conn = db()
    return tuple(
        Column(
            f,
            conn.ops.quote_name(f.column),
            f.column,
            f"CAST(%s AS {f.cast_db_type(conn)})" if vendor == "postgresql" else "%s",
            f.attname if type(f) in PLAIN_FIELDS else "",
        )
        for f in model._meta.concrete_fields
        if not (f.primary_key and isinstance(f, models.AutoField))
    )


def columns(model: type[models.Model]) -> list[str]:
    return [c.column for c in _columns(model, db().vendor)]


def quoted(names: Sequence[str]) -> str:
    quote = db().ops.quote_name
    return ", ".join(quote(name) for name in names)


def values(obj: models.Model, skip: Collection[str] = ()) -> list[Any]:
    """The parameters of one new row, in `columns()` order, less the `skip` columns."""
    conn = db()
    params: list[Any] = []
    for col in _columns(type(obj), conn.vendor):
        if col.column in skip:
            continue
        if col.plain:
            value = getattr(obj, col.plain)
            if value is None or isinstance(value, (str, int)):  # not a lazy translation, a date, a Decimal…
                params.append(value)
                continue
        params.append(col.field.get_db_prep_save(col.field.pre_save(obj, True), conn))
    return params


@cache
def placeholders(
    model: type[models.Model], exprs: tuple[tuple[str, str], ...] = (), typed: bool = False
) -> tuple[str, ...]:
    """The placeholders of one new row, in `columns()` order; `exprs` puts an SQL expression in place of a
    column's value (its parameter is then left out of `values`), `typed` casts each placeholder to its
    column's type on PostgreSQL, for rows selected rather than inserted (a bound NULL or text has no type
    of its own there)."""
    given = dict(exprs)
    return tuple(given.get(c.column, c.cast if typed else "%s") for c in _columns(model, db().vendor))


@cache
def insert_sql(
    model: type[models.Model], exprs: tuple[tuple[str, str], ...] = (), returning: str = ""
) -> str:
    """The INSERT of one row of `model` (parameters from `values(obj, skip=<the exprs' columns>)`)."""
    conn = db()
    names = ", ".join(c.name for c in _columns(model, conn.vendor))
    row_sql = ", ".join(placeholders(model, exprs))
    sql = f"INSERT INTO {conn.ops.quote_name(model._meta.db_table)} ({names}) VALUES ({row_sql})"  # noqa: S608
    return sql + f" RETURNING {conn.ops.quote_name(returning)}" if returning else sql


def execute(sql: str, params: list[Any], took_effect: Callable[[], list[tuple]] | None = None) -> list[tuple]:
    """Run one of these statements; returns its rows (those of RETURNING).

    On PostgreSQL the statement is prepared (core/prepared.py): intake repeats a handful of statement shapes,
    and each connection keeps them parsed and planned. With `took_effect` (see prepared.execute_checking) the
    statement also serves as the connection's health check."""
    conn = db()
    if conn.vendor == "postgresql":
        if took_effect is not None:
            return prepared.execute_checking(sql, params, took_effect)
        return prepared.execute(sql, params)
    with conn.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall() if cursor.description is not None else []


def chains_writes() -> bool:
    """Whether several INSERTs can travel as one statement (PostgreSQL's data-modifying WITH)."""
    return db().vendor == "postgresql"
