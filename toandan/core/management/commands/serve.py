"""`toandan serve`: the web server (granian, WSGI) and one background worker, stopped together."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Start the web server and a background worker; Ctrl+C stops both."

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
        procs = [subprocess.Popen(web)]  # noqa: S603
        if not options["no_worker"]:
            procs.append(
                subprocess.Popen([sys.executable, "-m", "toandan.cli", "worker", "--verbosity", "0"])
            )  # noqa: S603
        self.stdout.write(self.style.SUCCESS(f"Toàn Dân: http://{options['host']}:{options['port']}/"))
        self.stdout.write("Dừng: Ctrl+C")

        def stop(signum: int, frame: Any) -> None:
            for proc in procs:
                if proc.poll() is None:
                    proc.terminate()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        try:
            while all(proc.poll() is None for proc in procs):
                time.sleep(0.5)
        finally:
            stop(signal.SIGTERM, None)
            for proc in procs:
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
        codes = [proc.returncode for proc in procs]
        if any(code not in (0, -signal.SIGTERM, -signal.SIGINT) for code in codes):
            sys.exit(1)
