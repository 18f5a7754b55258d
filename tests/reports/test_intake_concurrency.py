"""A scam wave: many reports naming the same new phone number and link are submitted at the same moment, each
in its own connection. Every report is stored whole, each indicator is stored once, and every report is linked
to both (the links are written by a statement that sees indicators other reports committed meanwhile).
The race is PostgreSQL's; SQLite (IMMEDIATE transactions) lets the writers in one at a time."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connections

from toandan.core.models import AuditEvent
from toandan.indicators.models import IndicatorRecord, ReportIndicator
from toandan.reports.models import Report, ReportCategory, ReportEvent
from toandan.reports.services import ReportInput, submit_report

pytestmark = pytest.mark.django_db(transaction=True)

REPORTS = 6


def test_simultaneous_reports_share_each_new_indicator(units: None) -> None:
    category = ReportCategory.objects.get(code="lua-dao")
    start = threading.Barrier(REPORTS)
    errors: list[BaseException] = []

    def submit(number: int) -> None:
        try:
            start.wait()
            data = ReportInput(
                category=category,
                description=f"Tôi là người thứ {number} bị gọi lừa chuyển tiền.",
                identifiers=["0912 000 111", "https://wave-scam-test.top/pay?utm_source=sms"],
                consent=True,
            )
            submit_report(data)
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(REPORTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Report.objects.count() == REPORTS
    phone = IndicatorRecord.objects.get(kind="phone", value="+84912000111")
    url = IndicatorRecord.objects.get(kind="url", value__startswith="https://wave-scam-test.top/pay")
    for record in (phone, url):
        assert ReportIndicator.objects.filter(indicator=record).count() == REPORTS
    assert ReportEvent.objects.filter(kind="submitted").count() == REPORTS
    assert AuditEvent.objects.filter(object_type="reports.report").count() == REPORTS


def test_a_colliding_tracking_code_is_drawn_again(units: None, monkeypatch: pytest.MonkeyPatch) -> None:
    from toandan.core import codes

    category = ReportCategory.objects.get(code="lua-dao")
    data = ReportInput(category=category, description="Bị lừa qua 0912 000 222.", consent=True)
    first = submit_report(data).report
    drawn = iter([first.code, "AAAA-BBBB-C"])
    monkeypatch.setattr(codes, "new_code", lambda: next(drawn))
    second = submit_report(data).report
    assert second.code == "AAAA-BBBB-C"
    assert Report.objects.count() == 2
    # The failed attempt left nothing behind: one history row, one audit row and one link per report.
    assert ReportEvent.objects.filter(kind="submitted").count() == 2
    assert AuditEvent.objects.filter(object_type="reports.report").count() == 2
    assert ReportIndicator.objects.count() == 2


def test_an_indicator_committed_while_the_report_waits_is_linked(
    units: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another report stores the same new number and commits while this report's statement waits on it: on
    PostgreSQL the statement cannot see that row, so it is rerun as a whole (and nothing is stored twice)."""
    from django.db import connection, transaction

    from toandan.reports import storing

    attempts: list[int] = []
    real_write = storing.write

    def counted(*args: Any, **kwargs: Any) -> Any:
        attempts.append(1)
        return real_write(*args, **kwargs)

    monkeypatch.setattr(storing, "write", counted)
    category = ReportCategory.objects.get(code="lua-dao")
    holding, release = threading.Event(), threading.Event()
    failures: list[BaseException] = []

    def other_report() -> None:
        try:
            with transaction.atomic():
                IndicatorRecord.objects.create(kind="phone", value="+84912000333", display="0912 000 333")
                holding.set()
                assert release.wait(30)
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            failures.append(exc)
        finally:
            holding.set()
            connections.close_all()

    def this_report() -> None:
        try:
            data = ReportInput(category=category, description="Số 0912 000 333 gọi lừa.", consent=True)
            submit_report(data)
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            failures.append(exc)
        finally:
            connections.close_all()

    other = threading.Thread(target=other_report)
    other.start()
    assert holding.wait(30)
    reporter = threading.Thread(target=this_report)
    reporter.start()
    if connection.vendor == "postgresql":
        _wait_until_blocked(reporter)
    release.set()
    other.join()
    reporter.join()

    assert failures == []
    record = IndicatorRecord.objects.get(kind="phone", value="+84912000333")
    assert ReportIndicator.objects.filter(indicator=record).count() == 1
    assert Report.objects.count() == 1 and ReportEvent.objects.count() == 1
    assert len(attempts) == (2 if connection.vendor == "postgresql" else 1)


def _wait_until_blocked(thread: threading.Thread) -> None:
    """Until a PostgreSQL session waits on a lock (the reporter's statement behind the held row)."""
    from django.db import connection

    ticker = threading.Event()
    for _ in range(3000):
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
            if cursor.fetchone()[0]:
                return
        assert thread.is_alive()
        ticker.wait(0.01)
    raise AssertionError("the report never waited on the other transaction")


def test_a_broken_connection_is_replaced_and_the_report_stored_once(
    units: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The intake statement doubles as the connection's health check (no "SELECT 1" first). A connection that
    broke while idle is replaced; one that broke after the statement was carried out is not written twice."""
    from django.db import OperationalError, connection

    from toandan.core import prepared

    category = ReportCategory.objects.get(code="lua-dao")
    data = ReportInput(category=category, description="Bị gọi lừa từ 0912 000 444.", consent=True)
    submit_report(data)

    def break_connection() -> None:
        if connection.vendor == "postgresql":
            connection.connection.close()  # what a restarted server or a dropped network leaves behind
            connection.health_check_done = False
        else:
            connection.close()

    break_connection()
    assert submit_report(data).report.pk

    real_execute = prepared.execute
    calls: list[str] = []

    def answer_lost(sql: str, params: list) -> list[tuple]:
        calls.append(sql)
        rows = real_execute(sql, params)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")  # after it was carried out
        return rows

    connection.health_check_done = False  # a new request on a healthy connection: its check is due
    monkeypatch.setattr(prepared, "execute", answer_lost)
    third = submit_report(data).report
    assert Report.objects.count() == 3
    assert Report.objects.filter(code=third.code).count() == 1
    assert ReportIndicator.objects.filter(report=third).count() == 1
    if connection.vendor == "postgresql":
        assert len(calls) == 1  # the lost answer was recovered from the stored row, not written again
