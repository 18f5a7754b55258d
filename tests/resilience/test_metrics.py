"""/metrics: Prometheus text with requests, latency, the queue and the worker heartbeat; not public."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from toandan.core.health import beat

pytestmark = pytest.mark.django_db


def test_metrics_from_the_machine_itself() -> None:
    beat("w1", "host", 1)
    Client().get("/healthz")
    body = Client(REMOTE_ADDR="127.0.0.1").get("/metrics").content.decode()
    process = f'process="{os.getpid()}"'
    assert f'toandan_http_requests_total{{{process},method="GET",status="2xx"}}' in body
    assert f"toandan_http_request_duration_seconds_count{{{process}}}" in body
    assert f"toandan_process_start_time_seconds{{{process}}}" in body
    assert "toandan_tasks_queued 0" in body and "toandan_tasks_oldest_queued_seconds 0.0" in body
    values = dict(line.split(" ", 1) for line in body.splitlines() if not line.startswith("#"))
    age = float(values["toandan_worker_heartbeat_age_seconds"])
    assert 0 <= age < 60


def test_metrics_are_not_public() -> None:
    assert Client(REMOTE_ADDR="203.0.113.9").get("/metrics").status_code == 404
    with override_settings(METRICS_TOKEN="t" * 40):
        ok = Client(REMOTE_ADDR="203.0.113.9").get("/metrics", HTTP_AUTHORIZATION="Bearer " + "t" * 40)
        wrong = Client(REMOTE_ADDR="203.0.113.9").get("/metrics", HTTP_AUTHORIZATION="Bearer nope")
    assert ok.status_code == 200 and wrong.status_code == 404


def test_deadlines_at_risk_and_overdue(units: None) -> None:
    """Open reports whose deadline falls within three days, and those past it; resolved ones not counted."""
    from toandan.reports.models import Report, ReportCategory, Status
    from toandan.reports.services import ReportInput, submit_report

    category = ReportCategory.objects.get(code="lua-dao")
    reports = [
        submit_report(ReportInput(category=category, description=f"Bị lừa lần {n}.", consent=True)).report
        for n in range(5)
    ]
    now = timezone.now()
    due = [
        now + timedelta(days=1),
        now + timedelta(hours=70),
        now - timedelta(hours=1),
        now + timedelta(days=10),
    ]
    for report, deadline in zip(reports, due, strict=False):
        Report.objects.filter(pk=report.pk).update(deadline_at=deadline)
    Report.objects.filter(pk=reports[4].pk).update(
        deadline_at=now - timedelta(days=2), status=Status.RESOLVED
    )
    body = Client(REMOTE_ADDR="127.0.0.1").get("/metrics").content.decode()
    assert 'toandan_report_deadlines_at_risk{within_days="3"} 2\n' in body
    assert "toandan_report_deadlines_overdue 1\n" in body
    assert "# TYPE toandan_report_deadlines_at_risk gauge" in body
