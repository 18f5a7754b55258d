"""Background work of the plans app, run by the worker."""

from __future__ import annotations

from django_tasks import task

from toandan.plans.reminders import send_reminders


@task()
def send_plan_reminders() -> int:
    """Daily (settings.PERIODIC_TASKS): e-mail units about deadlines coming up and just passed."""
    return send_reminders()
