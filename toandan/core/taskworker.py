"""The worker loop that outlives what used to stop it: a task that fails in any way (even with an error
text the database cannot store), a database outage (backoff, then on), and a worker killed in the middle of
a task (its claim is handed back to the queue by the workers still alive)."""

from __future__ import annotations

import logging
import time
from datetime import datetime, timedelta

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, close_old_connections, connections
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

logger = logging.getLogger("toandan.worker")
OUTAGE_ERRORS = (OperationalError, InterfaceError)
MAX_BACKOFF_SECONDS = 30.0


def printable(text: str) -> str:
    """Text PostgreSQL can store: NUL characters are refused by every text column."""
    return text.replace("\x00", "\\x00")


def close_all_connections() -> None:
    for connection in connections.all(initialized_only=True):
        try:
            connection.close()
        except DatabaseError:  # a connection to a database that is gone cannot be closed cleanly
            pass


def recover_stale_claims(now: datetime | None = None) -> int:
    """Hand back to the queue the tasks claimed by a worker whose heartbeat stopped (killed, machine lost):
    they run again. Returns how many. A conditional update lets one worker win when several look at once."""
    from django_tasks.base import TaskResultStatus

    from toandan.core.models import WorkerHeartbeat

    now = now or timezone.now()
    stale_before = now - timedelta(seconds=settings.WORKER_HEARTBEAT_STALE_SECONDS)
    alive = set(
        WorkerHeartbeat.objects.filter(last_seen__gte=stale_before).values_list("worker_id", flat=True)
    )
    recovered = 0
    # A claim younger than the staleness limit is left alone: its worker may not have beaten yet.
    running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=stale_before)
    for task in running.only("id", "worker_ids", "started_at"):
        if task.worker_ids and task.worker_ids[-1] in alive:
            continue
        recovered += DBTaskResult.objects.filter(
            id=task.id, status=TaskResultStatus.RUNNING, started_at=task.started_at
        ).update(status=TaskResultStatus.READY, started_at=None)
    if recovered:
        logger.warning("recovered %d task(s) claimed by workers that stopped", recovered)
    return recovered


class ResilientWorker(Worker):
    """django-tasks-db's worker, with the two ways out of its loop closed."""

    def __init__(self, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(**kwargs)
        self.unfinished: list[str] = []  # claims this worker could not close while the database was away

    def run(self) -> None:
        backoff = 1.0
        while self.running:
            try:
                self._release_unfinished()
                if self._poll_once():
                    return
                backoff = 1.0
            except OUTAGE_ERRORS as exc:
                logger.warning("database unavailable (%s); next try in %.0f s", type(exc).__name__, backoff)
                close_all_connections()
                time.sleep(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF_SECONDS)

    def _release_unfinished(self) -> None:
        from django_tasks.base import TaskResultStatus

        while self.unfinished:
            DBTaskResult.objects.filter(id=self.unfinished[-1], status=TaskResultStatus.RUNNING).update(
                status=TaskResultStatus.READY, started_at=None
            )
            self.unfinished.pop()

    def _poll_once(self) -> bool:
        """Claim and run at most one task; True when the worker should stop (batch done, max tasks)."""
        close_old_connections()
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        task_result = None
        try:
            with exclusive_transaction(tasks.db):
                task_result = tasks.get_locked()
                if task_result is not None:
                    task_result.claim(self.worker_id)
        except OperationalError as exc:
            if not is_locked_database_exception(exc):
                raise
            return False  # SQLite busy: it unlocks soon
        if task_result is not None:
            self.run_task(task_result)
        if self.batch and task_result is None:
            return True
        if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
            return True
        close_old_connections()
        if self.running and task_result is None:
            time.sleep(self.interval)
        return False

    def run_task(self, db_task_result: DBTaskResult) -> None:
        try:
            super().run_task(db_task_result)
        except OUTAGE_ERRORS:
            # Neither the task nor its result could use the database: it goes back to the queue once the
            # database is back and runs again (its effects are guarded by toandan.core.effects).
            self.unfinished.append(db_task_result.id)
            raise
        except Exception as exc:  # noqa: BLE001 - recording a failure must not stop the worker
            logger.exception("task %s: its result could not be stored", db_task_result.id)
            self._store_failure(db_task_result, exc)

    def _store_failure(self, db_task_result: DBTaskResult, exc: Exception) -> None:
        from traceback import format_exception

        from django_tasks.base import TaskResultStatus

        DBTaskResult.objects.filter(id=db_task_result.id).update(
            status=TaskResultStatus.FAILED,
            finished_at=timezone.now(),
            return_value=None,
            exception_class_path=printable(db_task_result.exception_class_path or "")
            or f"{type(exc).__module__}.{type(exc).__qualname__}",
            traceback=printable(db_task_result.traceback or "".join(format_exception(exc))),
        )
