"""Real processes for the resilience tests: the worker and `toandan serve` against the test database, a TCP
proxy on 127.0.0.1 that can cut PostgreSQL away and bring it back, and bounded waits."""

from __future__ import annotations

import os
import select
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def database_url(port: int | None = None) -> str:
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    host = "127.0.0.1" if port else (s["HOST"] or "localhost")
    return f"postgres://{s['USER']}{password}@{host}:{port or s['PORT'] or 5432}/{s['NAME']}"


def child_env(var_dir: Path, db_port: int | None = None, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="toandan.settings",
        DATABASE_URL=database_url(db_port),
        EMAIL_BACKEND="file",
        TOANDAN_VAR_DIR=str(var_dir),
        SECRET_KEY="w" * 60,
        REPORTER_IDENTITY_KEY=settings.REPORTER_IDENTITY_KEYS,  # the child decrypts what the tests stored
        PYTHONPATH=f"{ROOT}{os.pathsep}{env.get('PYTHONPATH', '')}",
        WORKER_HEARTBEAT_SECONDS="1",
        WORKER_STALE_SECONDS="3",
    )
    env.update(extra)
    return env


def start_worker(env: dict[str, str], *args: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "toandan.cli", "worker", "--no-startup-delay", "--no-reload"]
    command += ["--interval", "0.1", *args]
    return subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_until(predicate: Callable[[], Any], timeout: float = 60, what: str = "condition") -> Any:
    """Poll `predicate` until it returns something true; fail with `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def stop(proc: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    if proc.poll() is None:
        proc.send_signal(sig)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class DbProxy:
    """Forwards 127.0.0.1:<port> to PostgreSQL. `cut()` drops every connection and refuses new ones (the
    database is gone for its clients); `restore()` lets them in again. Only this test's clients use it."""

    def __init__(self, target_host: str, target_port: int):
        self.target = (target_host, target_port)
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self.up = True
        self.closing = False
        self.refused = 0
        self.sockets: set[socket.socket] = set()
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self.closing:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.up:
                self.refused += 1
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.sockets.update((client, upstream))
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()

    def _pump(self, a: socket.socket, b: socket.socket) -> None:
        try:
            while True:
                ready, _, _ = select.select([a, b], [], [], 1)
                for sock in ready:
                    data = sock.recv(65536)
                    if not data:
                        return
                    (b if sock is a else a).sendall(data)
        except (OSError, ValueError):
            return
        finally:
            for sock in (a, b):
                self._close(sock)

    def _close(self, sock: socket.socket) -> None:
        with self.lock:
            self.sockets.discard(sock)
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        sock.close()

    def cut(self) -> None:
        self.up = False
        with self.lock:
            doomed = list(self.sockets)
        for sock in doomed:
            self._close(sock)

    def restore(self) -> None:
        self.up = True

    def close(self) -> None:
        self.closing = True
        self.cut()
        self.listener.close()


def serve_command(port: int, *args: str) -> list[str]:
    return [sys.executable, "-m", "toandan.cli", "serve", "--port", str(port), "--threads", "4", *args]


def live_env(var_dir: Path, db_port: int | None = None, **extra: str) -> dict[str, str]:
    """The environment of a real server for the load experiments (tests/resilience/live_settings.py)."""
    env = child_env(var_dir, db_port, **extra)
    env["DJANGO_SETTINGS_MODULE"] = "live_settings"
    env["PYTHONPATH"] = f"{Path(__file__).resolve().parent}{os.pathsep}{env['PYTHONPATH']}"
    env["MEDIA_ROOT"] = str(var_dir / "media")
    return env


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
