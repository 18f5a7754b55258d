"""Statements prepared once per (persistent) PostgreSQL connection, for the few hot paths that repeat them.

Django binds parameters on the client and never prepares (for the sake of transaction-mode poolers), so
PostgreSQL parses and plans every statement anew. Here a cursor with server-side binding prepares it on
first use. The connection stays Django's (transaction state, error wrapping), and the statement is logged
where Django logs queries, so tests count it. Used by the public check's lookup (indicators/fastsql.py), the
platform's busiest read, and by report intake's statement (reports/storing.py through core/rowsql.py), its
busiest write. It relies on private parts of Django and psycopg, pinned by
tests/core/test_pinned_internals.py (an upgrade that changes them fails there).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext
from typing import Any

from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections


def execute_checking(sql: str, params: list[Any], took_effect: Callable[[], list[tuple]]) -> list[tuple]:
    """`execute`, with the statement itself as the connection's health check when one is due.

    With CONN_HEALTH_CHECKS Django sends "SELECT 1" before a request's first statement: a round trip for
    nothing on a healthy connection. Here the statement goes first; if the connection turns out broken, it
    is replaced, and `took_effect()` (run on the new one) tells whether the statement was carried out before
    the connection broke: its rows are then the answer, otherwise the statement runs again."""
    connection = connections[DEFAULT_DB_ALIAS]
    due = (
        connection.connection is not None
        and connection.health_check_enabled
        and not connection.health_check_done
        and not connection.in_atomic_block
    )
    if due:
        connection.health_check_done = True
        try:
            return execute(sql, params)
        except (OperationalError, InterfaceError):
            connection.close()
            rows = took_effect()
            if rows:
                return rows
    return execute(sql, params)


def execute(sql: str, params: list[Any]) -> list[tuple]:
    """Run one statement prepared on the default PostgreSQL connection; returns its rows (none for a write
    without RETURNING)."""
    from django.db.backends.postgresql.base import ServerBindingCursor

    connection = connections[DEFAULT_DB_ALIAS]
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    raw_connection = connection.connection
    if raw_connection.prepare_threshold is None:
        # Django turns preparing off with None; a threshold never reached keeps the ORM's statements as they
        # are (bound on the client, never prepared) and lets these be prepared explicitly.
        raw_connection.prepare_threshold = 2**31
    cursor = ServerBindingCursor(raw_connection)
    wrapped = connection._prepare_cursor(cursor)
    try:
        logged = wrapped.debug_sql(sql, params) if hasattr(wrapped, "debug_sql") else nullcontext()
        with logged, connection.wrap_database_errors:
            cursor.execute(sql, params, prepare=True)
            return cursor.fetchall() if cursor.description is not None else []
    finally:
        cursor.close()
