"""One read-only statement of the public check, as cheaply as each database allows.

Measured on the 2-core machine (shared/docs/PERFORMANCE.md):

PostgreSQL. The lookup was planned anew on every request (Django binds parameters on the client and never
prepares, for the sake of transaction-mode poolers): 0.8 ms of server time, five times its execution; and
with CONN_HEALTH_CHECKS each request's first query is preceded by a "SELECT 1". Here a cursor with server-side
binding prepares the statement once per (persistent) connection, and when the health check is due the
statement itself serves as the check: on a broken connection it is closed and the statement retried once on
a new one, which is what the check would have done. The connection stays Django's (transaction state, error
wrapping), and the query is logged where Django logs queries, so tests count it.

SQLite. The embedded settings open a connection per request (CONN_MAX_AGE = 0) and set WAL mode on each:
0.9 ms, two hundred times the 4 µs lookup. Outside a transaction the lookup reads through a connection kept
per thread in query-only mode; inside one (tests, or a caller's atomic block) it uses Django's, which sees
the transaction's own rows.

``INDICATOR_LOOKUP_FAST = False`` in the settings runs the statement through an ordinary Django cursor (use it
behind a transaction-mode connection pooler).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from contextlib import nullcontext
from typing import Any

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection

_local = threading.local()


def fetch_all(sql: str, params: list[Any]) -> list[tuple]:
    fast = getattr(settings, "INDICATOR_LOOKUP_FAST", True)
    if fast and connection.vendor == "sqlite" and not connection.in_atomic_block:
        side = _sqlite_side_connection()
        if side is not None:
            return side.execute(sql.replace("%s", "?"), params).fetchall()
    if not fast or connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    check_due = (
        connection.connection is not None
        and connection.health_check_enabled
        and not connection.health_check_done
        and not connection.in_atomic_block
    )
    if check_due:
        connection.health_check_done = True
        try:
            return _prepared(sql, params)
        except (OperationalError, InterfaceError):
            connection.close()
    return _prepared(sql, params)


def _sqlite_side_connection() -> sqlite3.Connection | None:
    name = str(connection.settings_dict["NAME"])
    if not name or name == ":memory:" or "mode=memory" in name:
        return None
    try:
        identity = (name, os.stat(name).st_ino)
    except OSError:
        return None
    if getattr(_local, "identity", None) != identity:
        side = sqlite3.connect(name, timeout=5)
        side.execute("PRAGMA query_only = ON")
        _local.connection, _local.identity = side, identity
    return _local.connection


def _prepared(sql: str, params: list[Any]) -> list[tuple]:
    from django.db.backends.postgresql.base import ServerBindingCursor

    connection.close_if_health_check_failed()
    connection.ensure_connection()
    raw_connection = connection.connection
    if raw_connection.prepare_threshold is None:
        # Django turns preparing off with None; a threshold never reached keeps the ORM's statements as they
        # are (bound on the client, never prepared) and lets this one be prepared explicitly.
        raw_connection.prepare_threshold = 2**31
    cursor = ServerBindingCursor(raw_connection)
    wrapped = connection._prepare_cursor(cursor)
    try:
        logged = wrapped.debug_sql(sql, params) if hasattr(wrapped, "debug_sql") else nullcontext()
        with logged, connection.wrap_database_errors:
            cursor.execute(sql, params, prepare=True)
            return cursor.fetchall()
    finally:
        cursor.close()
