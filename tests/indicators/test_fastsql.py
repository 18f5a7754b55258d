"""The check's lookup outside a transaction (as in production): SQLite through a per-thread query-only
connection, PostgreSQL through a prepared statement; both see what was committed a moment before."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client

from toandan.indicators import fastsql

pytestmark = pytest.mark.django_db(transaction=True)


def test_committed_reports_are_seen_at_once(file_report: Any, settings: Any) -> None:
    assert not connection.in_atomic_block
    assert Client().get("/api/v1/check", {"q": "0987654321"}).json()["verdict"] == "no_reports"
    file_report("0987 654 321")
    body = Client().get("/api/v1/check", {"q": "0987.654.321"}).json()
    assert (body["verdict"], body["reports"]) == ("reported", 1)
    settings.INDICATOR_LOOKUP_FAST = False
    assert Client().get("/api/v1/check", {"q": "0987654321"}).json()["reports"] == 1


def test_lookup_takes_the_cheap_path(file_report: Any) -> None:
    file_report("0987 654 321")
    assert Client().get("/api/v1/check", {"q": "0987654321"}).json()["verdict"] == "reported"
    if connection.vendor == "sqlite":
        side = fastsql._sqlite_side_connection()
        assert side is not None
        with pytest.raises(Exception, match="readonly|read-only|query_only|attempt to write"):
            side.execute("DELETE FROM indicators_indicatorrecord")
    else:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s",
                ["SELECT%indicators_reportindicator%"],
            )
            assert cursor.fetchone()[0] == 1  # planned once for this connection, not at every check


def test_broken_connection_is_replaced(file_report: Any) -> None:
    file_report("0987 654 321")
    Client().get("/api/v1/check", {"q": "0912000111"})
    if connection.vendor == "postgresql":
        connection.connection.close()  # what a restarted server or a dropped network leaves behind
        connection.health_check_done = False
    else:
        connection.close()  # SQLite has no server to lose; the check must still answer on a new connection
    assert Client().get("/api/v1/check", {"q": "0987654321"}).json()["verdict"] == "reported"
