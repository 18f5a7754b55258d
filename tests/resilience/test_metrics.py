"""/metrics: Prometheus text with requests, latency, the queue and the worker heartbeat; not public."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

from toandan.core.health import beat

pytestmark = pytest.mark.django_db


def test_metrics_from_the_machine_itself() -> None:
    beat("w1", "host", 1)
    Client().get("/healthz")
    body = Client(REMOTE_ADDR="127.0.0.1").get("/metrics").content.decode()
    assert 'toandan_http_requests_total{method="GET",status="2xx"}' in body
    assert "toandan_http_request_duration_seconds_count" in body
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
