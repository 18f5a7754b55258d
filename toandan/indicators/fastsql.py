"""One read-only statement of the public check, as cheaply as each database allows.

Measured on the 2-core machine (shared/docs/PERFORMANCE.md):

PostgreSQL. The lookup was planned anew on every request (Django binds parameters on the client and never
prepares, for the sake of transaction-mode poolers): 0.8 ms of server time, five times its execution; and
with CONN_HEALTH_CHECKS each request's first query is preceded by a "SELECT 1". Here the statement is prepared
once per (persistent) connection (core/prepared.py), and when the health check is due the statement itself
serves as the check: on a broken connection it is closed and the statement retried once on a new one, which
is what the check would have done.

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
from typing import Any

from django.conf import settings
from django.db import connection

from toandan.core import prepared

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
    # A read: if the connection turns out broken, the lookup simply runs again on a new one.
    return prepared.execute_checking(sql, params, took_effect=list)


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
