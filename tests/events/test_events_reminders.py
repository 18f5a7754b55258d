"""Reminders the day before: once per event, to people holding a seat who gave an e-mail; enqueued by the
worker's periodic schedule and sent by the real worker process."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from event_helpers import person

from tests.test_worker import DB_TASKS, run_worker_batch
from toandan.core.health import enqueue_due_periodic_tasks
from toandan.events.models import Event
from toandan.events.notify import send_reminders
from toandan.events.registration import register

TASK = "toandan.events.tasks.send_event_reminders"


def tomorrow_event(make_event: Any) -> Event:
    start = timezone.localtime() + timedelta(days=1)
    start = start.replace(hour=8, minute=0, second=0, microsecond=0)
    return make_event(starts_at=start, ends_at=start + timedelta(hours=2), capacity=2)


@pytest.mark.django_db
def test_reminders_once_to_seated_people_with_email(
    make_event: Any, django_capture_on_commit_callbacks: Any
) -> None:
    event = tomorrow_event(make_event)
    later = make_event(title="Tuần sau")
    register(event, person(1, email="a@example.vn"))
    register(event, person(2))  # no e-mail
    register(event, person(3, email="waiting@example.vn"))  # waiting list: no reminder
    register(later, person(4, email="later@example.vn"))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders() == 1
    assert [m.to for m in mail.outbox] == [["a@example.vn"]]
    assert "Nhắc lịch ngày mai" in mail.outbox[0].subject and "08:00" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders() == 0  # a second run (or a second worker) sends nothing again
    assert len(mail.outbox) == 1


def test_reminder_task_is_on_the_worker_schedule() -> None:
    assert settings.PERIODIC_TASKS[TASK] <= 3600
    # Participants' anonymisation is part of the privacy app's retention run (one schedule for every kind).
    assert "toandan.privacy.tasks.apply_retention" in settings.PERIODIC_TASKS


@pytest.mark.django_db(transaction=True)
def test_worker_process_sends_the_reminder(make_event: Any, tmp_path: Path) -> None:
    event = tomorrow_event(make_event)
    register(event, person(1, email="nhac@example.vn"), link_base="https://toandan.example")
    with override_settings(TASKS=DB_TASKS):
        started = enqueue_due_periodic_tasks()
    assert TASK in started
    # The same key decrypts the address.
    run_worker_batch(tmp_path, REPORTER_IDENTITY_KEY=settings.REPORTER_IDENTITY_KEYS)
    result = DBTaskResult.objects.get(task_path=TASK)
    assert result.status == "SUCCESSFUL", result.exception_class_path
    assert result.return_value == 1
    # The reminder task queued one e-mail; the worker ran that too in the same batch.
    sent = [p.read_text() for p in (tmp_path / "mail").glob("*.log")]
    assert any("nhac@example.vn" in text and "https://toandan.example/su-kien/ve/" in text for text in sent)
    assert Event.objects.get(pk=event.pk).reminded_at is not None
