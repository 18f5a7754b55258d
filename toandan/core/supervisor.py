"""A small process supervisor for `toandan serve`: it keeps the web server and the worker running,
restarting a child that dies (with backoff when it keeps dying), and stops them all on SIGTERM/SIGINT.

Production runs each part as its own systemd unit with Restart=always (docs/resilience.md); this is the
same guarantee for the one-command setup."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

logger = logging.getLogger("toandan.serve")
MAX_BACKOFF_SECONDS = 30.0
HEALTHY_AFTER_SECONDS = 60.0  # a child that ran this long before dying restarts at once


@dataclass
class Child:
    name: str
    argv: list[str]
    proc: subprocess.Popen[bytes] | None = None
    started: float = 0.0
    restart_at: float | None = None
    backoff: float = 0.0  # the first restart is immediate, then 1, 2, 4… s while it keeps dying
    restarts: int = 0
    env: dict[str, str] | None = field(default=None)


class Supervisor:
    def __init__(self, children: list[Child], say: Callable[[str], None] = print):
        self.children = children
        self.say = say
        self.stopping = False

    def start(self, child: Child) -> None:
        # Its own process group: killing the group also ends the processes the child forked (the web
        # server's workers keep serving the old code on the port when only their parent is killed).
        child.proc = subprocess.Popen(child.argv, env=child.env, start_new_session=True)  # noqa: S603
        child.started = time.monotonic()
        child.restart_at = None
        self.say(f"{child.name}: pid {child.proc.pid}")

    def kill_group(self, child: Child, sig: int) -> None:
        if child.proc is None:
            return
        try:
            os.killpg(child.proc.pid, sig)
        except (ProcessLookupError, PermissionError):
            pass

    def check(self, now: float) -> None:
        """Restart the children that died, each after its backoff."""
        for child in self.children:
            if child.proc is None or self.stopping:
                continue
            code = child.proc.poll()
            if code is None:
                continue
            if child.restart_at is None:
                self.kill_group(child, signal.SIGKILL)  # its orphans, if any
                ran = now - child.started
                if ran >= HEALTHY_AFTER_SECONDS:
                    child.backoff = 0.0
                child.restart_at = now + child.backoff
                child.backoff = min(max(child.backoff * 2, 1.0), MAX_BACKOFF_SECONDS)
                self.say(f"{child.name}: exited with {code}; restarting")
                logger.warning("%s exited with %s after %.0f s; restarting", child.name, code, ran)
            if now >= child.restart_at:
                child.restarts += 1
                self.start(child)

    def stop(self, *args: Any) -> None:
        self.stopping = True
        for child in self.children:
            if child.proc is not None and child.proc.poll() is None:
                self.kill_group(child, signal.SIGTERM)

    def run(self, poll_seconds: float = 0.2) -> None:
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        for child in self.children:
            self.start(child)
        try:
            while not self.stopping:
                self.check(time.monotonic())
                time.sleep(poll_seconds)
        finally:
            self.stop()
            for child in self.children:
                if child.proc is None:
                    continue
                try:
                    child.proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    self.kill_group(child, signal.SIGKILL)
                    child.proc.wait()
