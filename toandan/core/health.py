"""Health of the running platform: database reachable, migrations applied, worker heartbeat fresh."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone


def check_health() -> dict[str, Any]:
    result: dict[str, Any] = {}
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
        result["database"] = "ok"
    except Exception as exc:  # noqa: BLE001 - any failure means unhealthy, and we say which
        result["database"] = f"error: {exc.__class__.__name__}"
        result["migrations"] = "unknown"
        result["worker"] = "unknown"
        result["ok"] = False
        return result
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    result["migrations"] = "ok" if not pending else f"pending: {len(pending)}"

    from toandan.core.models import WorkerHeartbeat

    latest = WorkerHeartbeat.objects.order_by("-last_seen").values_list("last_seen", flat=True).first()
    if latest is None:
        result["worker"] = "never seen"
    else:
        age = (timezone.now() - latest).total_seconds()
        stale = age > settings.WORKER_HEARTBEAT_STALE_SECONDS
        result["worker"] = f"stale: {int(age)} s" if stale else "ok"
        result["worker_age_seconds"] = int(age)
    result["ok"] = all(result[k] == "ok" for k in ("database", "migrations", "worker"))
    return result


def beat(worker_id: str, hostname: str, pid: int) -> None:
    from toandan.core.models import WorkerHeartbeat

    now = timezone.now()
    updated = WorkerHeartbeat.objects.filter(worker_id=worker_id).update(last_seen=now)
    if not updated:
        WorkerHeartbeat.objects.create(
            worker_id=worker_id, hostname=hostname, pid=pid, started_at=now, last_seen=now
        )
    # Old rows from workers long gone are not useful for the check.
    WorkerHeartbeat.objects.filter(last_seen__lt=now - timedelta(days=7)).delete()


def enqueue_due_periodic_tasks(now: datetime | None = None) -> list[str]:
    """Enqueue each periodic task whose interval has passed; a conditional update lets one worker win."""
    from django.db import IntegrityError, transaction
    from django.utils.module_loading import import_string

    from toandan.core.models import PeriodicRun

    now = now or timezone.now()
    started = []
    for path, seconds in settings.PERIODIC_TASKS.items():
        due_before = now - timedelta(seconds=seconds)
        run = PeriodicRun.objects.filter(name=path).first()
        if run is None:
            try:
                with transaction.atomic():
                    PeriodicRun.objects.create(name=path, last_run=now)
            except IntegrityError:
                continue
        elif not PeriodicRun.objects.filter(name=path, last_run__lte=due_before).update(last_run=now):
            continue
        import_string(path).enqueue()
        started.append(path)
    return started
