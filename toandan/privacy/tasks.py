"""Periodic work of the privacy app (listed in settings.PERIODIC_TASKS)."""

from __future__ import annotations

from django_tasks import task

from toandan.privacy import retention


@task()
def apply_retention() -> int:
    """Daily: anonymise or delete the personal data whose retention period is over; the run is recorded."""
    return retention.run().total
