"""Background work of the events app, run by the worker on settings.PERIODIC_TASKS' schedule."""

from __future__ import annotations

from django_tasks import task

from toandan.events.notify import send_reminders


@task()
def send_event_reminders() -> int:
    """Hourly: e-mail reminders for events starting tomorrow (each event once)."""
    return send_reminders()
