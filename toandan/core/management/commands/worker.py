"""`toandan worker`: django-tasks' database worker plus a heartbeat that /healthz reads."""

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

logger = logging.getLogger("toandan.worker")


def _heartbeat_loop(worker_id: str, stop: threading.Event) -> None:
    hostname, pid = socket.gethostname(), os.getpid()
    while not stop.is_set():
        try:
            beat(worker_id, hostname, pid)
            enqueue_due_periodic_tasks()
        except Exception:  # noqa: BLE001 - the heartbeat must outlive a database hiccup
            logger.exception("heartbeat or periodic tasks failed")
        finally:
            connection.close()
        stop.wait(settings.WORKER_HEARTBEAT_SECONDS)


class Command(DBWorkerCommand):
    help = "Run the background worker (database queue) and report a heartbeat for /healthz."

    def handle(self, *args: Any, **options: Any) -> None:
        worker_id = options["worker_id"]
        close_old_connections()
        beat(worker_id, socket.gethostname(), os.getpid())
        stop = threading.Event()
        thread = threading.Thread(
            target=_heartbeat_loop, args=(worker_id, stop), daemon=True, name="heartbeat"
        )
        thread.start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
