"""Private internals of Django, psycopg and Python's `re` that two modules rely on, pinned: an upgrade that
changes one fails here, loudly, naming the module to re-read, instead of slowing or breaking the platform
quietly.

- `toandan/core/prepared.py` (report intake's statement, reports/storing.py, through core/rowsql.py, and the
  public check's prepared lookup, indicators/fastsql.py): Django's server-side
  binding cursor, `_prepare_cursor`, the query log's `debug_sql`, the health-check flags; psycopg's
  `prepare_threshold` and `execute(prepare=True)`.
- `toandan/triage/prefilter.py`: `re._parser.parse` and the opcodes of `re._constants`.

- `toandan/core/rowsql.py`: psycopg's `_queries.MAX_CACHED_STATEMENT_PARAMS` (raised so that intake's
  ~70-parameter statement keeps its converted form cached).

After an upgrade: read the module, run its tests (tests/reports/test_intake_oracle.py,
tests/reports/test_intake_concurrency.py, tests/indicators/test_fastsql.py,
tests/triage/test_message_scoring.py on PostgreSQL), then move the pin."""

from __future__ import annotations

import inspect
import sys

import django
import pytest
from django.db import connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.utils import CursorDebugWrapper

PINNED = {
    "django": (5, 2),
    "psycopg": (3, 3),
    "python": (3, 11),
}
WHY = "changed: re-read {module}, run its tests, then update PINNED in tests/core/test_pinned_internals.py"


def test_django_version_is_the_pinned_one() -> None:
    assert django.VERSION[:2] == PINNED["django"], WHY.format(module="toandan/core/prepared.py")


def test_django_internals_of_prepared_statements() -> None:
    why = WHY.format(module="toandan/core/prepared.py")
    assert list(inspect.signature(BaseDatabaseWrapper._prepare_cursor).parameters) == ["self", "cursor"], why
    assert callable(BaseDatabaseWrapper.close_if_health_check_failed), why
    assert isinstance(connection.health_check_done, bool), why
    assert isinstance(connection.health_check_enabled, bool), why
    debug_sql = inspect.signature(CursorDebugWrapper.debug_sql).parameters
    assert list(debug_sql)[:3] == ["self", "sql", "params"], why


def test_psycopg_internals_of_prepared_statements() -> None:
    psycopg = pytest.importorskip("psycopg")
    why = WHY.format(module="toandan/core/prepared.py")
    assert tuple(int(p) for p in psycopg.__version__.split(".")[:2]) == PINNED["psycopg"], why
    from django.db.backends.postgresql.base import ServerBindingCursor

    assert issubclass(ServerBindingCursor, psycopg.Cursor), why
    assert "prepare" in inspect.signature(psycopg.Cursor.execute).parameters, why
    assert isinstance(inspect.getattr_static(psycopg.Connection, "prepare_threshold"), property), why


def test_psycopg_statement_cache_limit_of_rowsql() -> None:
    pytest.importorskip("psycopg")
    from psycopg import _queries

    import toandan.core.rowsql  # noqa: F401 - raises the limit on import

    why = WHY.format(module="toandan/core/rowsql.py")
    assert _queries.MAX_CACHED_STATEMENT_PARAMS >= 200, why


def test_re_internals_of_the_triage_prefilter() -> None:
    import re._constants as constants
    import re._parser as parser

    from toandan.triage.prefilter import anchors

    why = WHY.format(module="toandan/triage/prefilter.py")
    assert sys.version_info[:2] == PINNED["python"], why
    for name in ("LITERAL", "SUBPATTERN", "BRANCH", "MAX_REPEAT", "MIN_REPEAT"):
        assert hasattr(constants, name), why
    op, value = list(parser.parse("ab"))[0]
    assert (op, value) == (constants.LITERAL, ord("a")), why
    # What the prefilter reads out of a parsed pattern: the literal runs every match contains.
    assert anchors(r"chuyển (tiền|khoản) ngay") == frozenset({"chuyển "}), why
    assert anchors(r"(otp|mã xác nhận)+") == frozenset({"otp", "mã xác nhận"}), why
    assert anchors(r"a.b") is None, why
