"""Statements prepared once per (persistent) PostgreSQL connection, for the few hot paths that repeat them.

Django binds parameters on the client and never prepares (for the sake of transaction-mode poolers), so
PostgreSQL parses and plans every statement anew. Here a cursor with server-side binding prepares it on
first use. The connection stays Django's (transaction state, error wrapping), and the statement is logged
where Django logs queries, so tests count it. Used by the public check's lookup (indicators/fastsql.py) and
by report intake's writes (core/rowsql.py).
"""

from __future__ import annotations

from contextlib import nullcontext
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections


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
