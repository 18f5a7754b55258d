"""`toandan serve` restarts a child that dies (worker or web server) instead of stopping the platform."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from liveproc import ROOT, child_env, children, command_line, free_port, stop, wait_until

from toandan.core.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db(transaction=True)


def answers(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - 127.0.0.1 only
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return None


def child(serve_pid: int, marker: str) -> int | None:
    found = [pid for pid in children(serve_pid) if marker in command_line(pid)]
    return found[0] if found else None


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"


def test_serve_restarts_a_dead_worker_and_a_dead_web_server(tmp_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/healthz"
    serve = subprocess.Popen(
        [sys.executable, "-m", "toandan.cli", "serve", "--port", str(port), "--threads", "2"],
        env=child_env(tmp_path),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_until(lambda: answers(url), what="the web server")
        worker = wait_until(lambda: child(serve.pid, "toandan.cli worker"), what="the worker")
        wait_until(lambda: WorkerHeartbeat.objects.filter(pid=worker).exists(), what="the first heartbeat")

        os.kill(worker, signal.SIGKILL)
        replacement = wait_until(
            lambda: (pid := child(serve.pid, "toandan.cli worker")) and pid != worker and pid,
            what="a new worker",
        )
        wait_until(lambda: WorkerHeartbeat.objects.filter(pid=replacement).exists(), what="its heartbeat")
        assert serve.poll() is None and answers(url)

        web = child(serve.pid, "granian")
        assert web is not None
        orphans = children(web)  # granian's own worker processes
        os.kill(web, signal.SIGKILL)
        new_web = wait_until(
            lambda: (pid := child(serve.pid, "granian")) and pid != web and pid, what="a new web server"
        )
        wait_until(lambda: answers(url), what="the restarted web server")
        assert not any(alive(pid) for pid in orphans), "the old server's processes still run"
        assert serve.poll() is None and child(serve.pid, "granian") == new_web
    finally:
        stop(serve)
    assert serve.returncode == 0
