"""`toandan serve` restarts a child that dies (worker or web server) instead of stopping the platform."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from liveproc import ROOT, alive, answers, child, child_env, children, free_port, stop, wait_until

from toandan.core.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db(transaction=True)


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
