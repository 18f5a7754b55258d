"""Shared plumbing of the HTTP benchmarks: a fresh database, a granian server, wrk runs with status counts."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
PY = sys.executable

COUNT_LUA = r"""
local counts = {}
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) statuses = {} end
function response(status, headers, body) statuses[status] = (statuses[status] or 0) + 1 end
function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    local s = thread:get("statuses")
    for code, n in pairs(s) do total[code] = (total[code] or 0) + n end
  end
  local parts = {}
  for code, n in pairs(total) do table.insert(parts, string.format('"%d": %d', code, n)) end
  io.write("STATUSES {" .. table.concat(parts, ", ") .. "}\n")
  local p50, p99 = latency:percentile(50) / 1000, latency:percentile(99) / 1000
  io.write(string.format("LATENCY p50=%.2f p99=%.2f\n", p50, p99))
end
"""


def bench_env(var_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        TOANDAN_VAR_DIR=str(var_dir),
        PYTHONPATH=str(REPO),
        CACHE_BACKEND="locmem",
        EMAIL_BACKEND="file",
    )
    return env


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([PY, "-m", "toandan.cli", *args], env=env, check=True, cwd=REPO, stdout=subprocess.DEVNULL)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def server(env: dict[str, str], workers: int = 2, threads: int = 8) -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen(
        [
            PY,
            "-m",
            "granian",
            "--interface",
            "wsgi",
            "toandan.wsgi:application",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--blocking-threads",
            str(threads),
            "--no-ws",
            "--log-level",
            "error",
        ],
        env={**env, "DJANGO_SETTINGS_MODULE": "bench.settings"},
        cwd=REPO,
        # Its own process group: if granian's main process does not stop in time, its workers are killed
        # with it instead of being left behind on a shared machine.
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        # Up to two minutes: on a loaded machine granian and Django take far longer than usual to start, and
        # a load tool started before the port is open fails at once.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.1)
        subprocess.run(["curl", "-s", "-o", "/dev/null", url + "/bench/bare"], check=False)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=20)


def wrk(
    url: str,
    *,
    seconds: int = 10,
    connections: int = 32,
    method: str = "GET",
    body: str = "",
    content_type: str = "",
    extra_lua: str = "",
) -> dict[str, Any]:
    """Run wrk (2 threads) and return requests/s, latency percentiles and the count of each status."""
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed: apt-get install wrk")
    script = ""
    if method != "GET":
        # Long-bracket strings: UTF-8 bodies pass through Lua unescaped.
        script += f'wrk.method = "{method}"\nwrk.body = [==[{body}]==]\n'
        script += f'wrk.headers["Content-Type"] = "{content_type}"\n'
    script += extra_lua + COUNT_LUA
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    try:
        out = subprocess.run(
            ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-s", handle.name, url],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        os.unlink(handle.name)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    statuses = {int(k): v for k, v in json.loads(re.search(r"STATUSES (\{.*\})", out).group(1)).items()}
    p50, p99 = (float(x) for x in re.search(r"LATENCY p50=([\d.]+) p99=([\d.]+)", out).groups())
    return {"rps": rps, "p50_ms": p50, "p99_ms": p99, "statuses": statuses}


def ab_post(url: str, body: str, content_type: str, requests: int, connections: int = 32) -> dict[str, Any]:
    """ApacheBench for POSTs: it completes exactly `requests` requests, so stored rows can be compared with
    the answers (wrk stops mid-flight and loses the answers to requests the server still completes)."""
    if shutil.which("ab") is None:
        raise SystemExit("ab is needed: apt-get install apache2-utils")
    with tempfile.NamedTemporaryFile("wb", suffix=".body", delete=False) as handle:
        handle.write(body.encode())
    try:
        out = subprocess.run(
            [
                "ab",
                "-q",
                "-k",
                "-n",
                str(requests),
                "-c",
                str(connections),
                "-p",
                handle.name,
                "-T",
                content_type,
                url,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        os.unlink(handle.name)
    complete = int(re.search(r"Complete requests:\s+(\d+)", out).group(1))
    # ab counts answers whose length differs from the first as failed; those are answers all the same.
    breakdown = re.search(r"\(Connect: (\d+), Receive: (\d+), Length: \d+, Exceptions: (\d+)\)", out)
    failed = sum(int(n) for n in breakdown.groups()) if breakdown else 0
    non2xx = re.search(r"Non-2xx responses:\s+(\d+)", out)
    return {
        "rps": float(re.search(r"Requests per second:\s+([\d.]+)", out).group(1)),
        "p50_ms": float(re.search(r"\s50%\s+(\d+)", out).group(1)),
        "p99_ms": float(re.search(r"\s99%\s+(\d+)", out).group(1)),
        "ok": complete - failed - (int(non2xx.group(1)) if non2xx else 0),
        "complete": complete,
        "failed": failed,
    }
