"""/healthz tells whether the database answers, migrations are applied and a worker is alive."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from toandan.core.health import beat
from toandan.core.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db


def test_unhealthy_without_a_worker() -> None:
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "migrations": "ok", "worker": "never seen", "ok": False}


def test_healthy_with_a_fresh_heartbeat() -> None:
    beat("w1", "host", 123)
    body = Client().get("/healthz").json()
    assert body["ok"] is True and body["worker"] == "ok"


def test_stale_heartbeat_is_unhealthy(settings) -> None:  # type: ignore[no-untyped-def]
    beat("w1", "host", 123)
    WorkerHeartbeat.objects.update(
        last_seen=timezone.now() - timedelta(seconds=settings.WORKER_HEARTBEAT_STALE_SECONDS + 5)
    )
    response = Client().get("/healthz")
    assert response.status_code == 503 and response.json()["worker"].startswith("stale")


def test_periodic_tasks_are_enqueued_once_per_interval(settings) -> None:  # type: ignore[no-untyped-def]
    from django.core import mail

    from toandan.core.health import enqueue_due_periodic_tasks

    settings.PERIODIC_TASKS = {"toandan.core.tests_support.ping_task": 3600}
    now = timezone.now()
    assert enqueue_due_periodic_tasks(now) == ["toandan.core.tests_support.ping_task"]
    assert enqueue_due_periodic_tasks(now + timedelta(minutes=30)) == []
    assert enqueue_due_periodic_tasks(now + timedelta(minutes=61)) == ["toandan.core.tests_support.ping_task"]
    assert len(mail.outbox) == 2
