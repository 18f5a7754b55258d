"""Background work of the events app, run by the worker on settings.PERIODIC_TASKS' schedule."""

from __future__ import annotations

from django_tasks import task

from toandan.events.notify import send_reminders
from toandan.events.privacy import anonymise_expired


@task()
def send_event_reminders() -> int:
    """Hourly: e-mail reminders for events starting tomorrow (each event once)."""
    return send_reminders()


@task()
def anonymise_past_participants() -> int:
    """Daily: remove participants' personal data a set time after their event; the figures stay."""
    return anonymise_expired()
