"""`toandan worker`: django-tasks' database worker that survives failing tasks and database outages, plus a
heartbeat that /healthz reads and that lets live workers re-queue the tasks of a worker that was killed."""

from __future__ import annotations

import logging
import os
import socket
import threading
from typing import Any

from django.conf import settings
from django.db import close_old_connections, connection
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

from toandan.core.health import beat, enqueue_due_periodic_tasks
from toandan.core.taskworker import OUTAGE_ERRORS, ResilientWorker, recover_stale_claims

logger = logging.getLogger("toandan.worker")


def _heartbeat_loop(worker_id: str, stop: threading.Event) -> None:
    hostname, pid = socket.gethostname(), os.getpid()
    while not stop.is_set():
        try:
            beat(worker_id, hostname, pid)
            recover_stale_claims()
            enqueue_due_periodic_tasks()
        except Exception:  # noqa: BLE001 - the heartbeat must outlive a database hiccup
            logger.warning("heartbeat or periodic tasks failed", exc_info=True)
        finally:
            connection.close()
        stop.wait(settings.WORKER_HEARTBEAT_SECONDS)


class Command(DBWorkerCommand):
    help = "Run the background worker (database queue) and report a heartbeat for /healthz."

    def handle(self, *args: Any, **options: Any) -> None:
        self.configure_logging(options["verbosity"])
        worker_id = options["worker_id"]
        queue_names = options["queue_name"].split(",")
        excluded = options["exclude_queues"].split(",") if options["exclude_queues"] else []
        worker = ResilientWorker(
            queue_names=queue_names,
            interval=options["interval"],
            batch=options["batch"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=worker_id,
            excluded_queue_names=excluded,
        )
        close_old_connections()
        try:
            beat(worker_id, socket.gethostname(), os.getpid())
        except OUTAGE_ERRORS:  # a worker started while the database is down waits for it in its loop
            logger.warning("database unavailable at start", exc_info=True)
        stop = threading.Event()
        thread = threading.Thread(
            target=_heartbeat_loop, args=(worker_id, stop), daemon=True, name="heartbeat"
        )
        thread.start()
        worker.configure_signals()
        try:
            worker.run()
        finally:
            stop.set()
