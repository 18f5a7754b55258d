"""`toandan serve`: the web server (granian, WSGI) and one background worker, kept running together: a child
that dies is restarted (toandan.core.supervisor); Ctrl+C or SIGTERM stops both."""

from __future__ import annotations

import os
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from toandan.core.supervisor import Child, Supervisor


class Command(BaseCommand):
    help = "Start the web server and a background worker, restart either if it dies; Ctrl+C stops both."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--workers", type=int, default=1, help="web server processes")
        parser.add_argument("--threads", type=int, default=8, help="threads per web server process")
        parser.add_argument("--no-worker", action="store_true", help="do not start the background worker")

    def handle(self, *args: Any, **options: Any) -> None:
        web = [
            sys.executable,
            "-m",
            "granian",
            "--interface",
            "wsgi",
            "toandan.wsgi:application",
            "--host",
            options["host"],
            "--port",
            str(options["port"]),
            "--workers",
            str(options["workers"]),
            "--blocking-threads",
            str(options["threads"]),
            "--no-ws",
            "--log-level",
            "warning",
        ]
        children = [Child("web", web)]
        if not options["no_worker"]:
            children.append(
                Child(
                    "worker",
                    [sys.executable, "-m", "toandan.cli", "worker", "--verbosity", "0", "--no-reload"],
                )
            )
        self.stdout.write(self.style.SUCCESS(f"Toàn Dân: http://{options['host']}:{options['port']}/"))
        self.stdout.write("Dừng: Ctrl+C")
        self.stdout.flush()

        def say(line: str) -> None:
            self.stdout.write(line)
            self.stdout.flush()

        Supervisor(children, say=say).run()
