"""Periodic work of the awareness app (listed in settings.PERIODIC_TASKS)."""

from __future__ import annotations

from django_tasks import task

from toandan.awareness import services


@task()
def publish_scheduled() -> int:
    """Flip scheduled items whose time has come to published, with their history rows."""
    return services.publish_due()
