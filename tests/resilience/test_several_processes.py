"""Several processes on one database (docs/deploy.md §5): two app servers (`toandan serve`, each a granian
process) and two workers against the same database. Named reports are submitted through both servers at
once; every report is stored once and its receipt e-mail is sent exactly once, by one of the two workers,
with both workers taking part. Runs on SQLite (one file, WAL) and on PostgreSQL (CI runs both)."""

from __future__ import annotations

import http.client
import json
import subprocess
import threading
from collections import Counter
from pathlib import Path

import pytest
from django_tasks_db.models import DBTaskResult
from liveproc import ROOT, answers, free_port, live_env, serve_command, start_worker, stop, wait_until

from toandan.core.models import EffectDone, WorkerHeartbeat
from toandan.reports.models import Report

pytestmark = pytest.mark.django_db(transaction=True)
PER_SERVER = 15
RECEIPT = "toandan.reports.tasks.send_receipt"


def submit(port: int, n: int, results: list[tuple[int, str]]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for i in range(n):
        body = {
            "category": "lua-dao",
            "description": f"Cuộc gọi giả danh ngân hàng yêu cầu mã OTP, qua máy chủ {port} lần {i}.",
            "anonymous": False,
            "consent": True,
            "email": f"nguoi.bao.{port}.{i}@example.vn",
        }
        conn.request("POST", "/api/v1/reports", json.dumps(body), {"Content-Type": "application/json"})
        response = conn.getresponse()
        payload = response.read()
        results.append((response.status, json.loads(payload).get("code", "") if payload else ""))
    conn.close()


def mails(var_dir: Path) -> list[str]:
    folder = var_dir / "mail"
    return [p.read_text() for p in folder.glob("*.log")] if folder.exists() else []


def test_two_app_servers_and_two_workers_on_one_database(tmp_path: Path, units: None) -> None:
    env = live_env(tmp_path)
    ports = [free_port(), free_port()]
    servers: list[subprocess.Popen[bytes]] = []
    workers: list[subprocess.Popen[bytes]] = []
    try:
        for port in ports:
            log = (tmp_path / f"serve-{port}.log").open("wb")
            servers.append(
                subprocess.Popen(
                    serve_command(port, "--no-worker"),
                    env=env,
                    cwd=ROOT,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            )
        workers = [start_worker(env), start_worker(env)]
        for port in ports:
            # Generous: the machine running CI may be busy; the logs say why when a server never answers.
            try:
                wait_until(
                    lambda p=port: answers(f"http://127.0.0.1:{p}/api/v1/report-categories"), timeout=180
                )
            except AssertionError as exc:
                logs = "\n".join(p.read_text(errors="replace")[-2000:] for p in tmp_path.glob("serve-*.log"))
                raise AssertionError(f"a server did not answer: {logs}") from exc
        wait_until(lambda: WorkerHeartbeat.objects.count() >= 2, what="both workers' heartbeats")

        results: list[tuple[int, str]] = []
        clients = [threading.Thread(target=submit, args=(port, PER_SERVER, results)) for port in ports]
        for thread in clients:
            thread.start()
        for thread in clients:
            thread.join(timeout=300)
        total = PER_SERVER * len(ports)
        assert [s for s, _ in results].count(201) == total, Counter(s for s, _ in results)

        def receipts_done() -> bool:
            done = DBTaskResult.objects.filter(task_path=RECEIPT, status="SUCCESSFUL").count()
            return done == total

        wait_until(receipts_done, timeout=180, what="every receipt sent")
        assert all(w.poll() is None for w in workers), "a worker exited"
    finally:
        for proc in servers + workers:
            stop(proc)

    codes = {c for _, c in results}
    assert Report.objects.filter(code__in=codes).count() == len(codes) == total
    receipts = list(DBTaskResult.objects.filter(task_path=RECEIPT))
    assert len(receipts) == total  # one task per report
    # Each task was claimed once (never handed over) and its e-mail sent once.
    assert all(len(r.worker_ids) == 1 for r in receipts)
    assert EffectDone.objects.filter(key__startswith="reports.receipt:").count() == total
    sent = mails(tmp_path)
    for code in codes:
        assert sum(f"Mã tra cứu: {code}" in m for m in sent) == 1, code
    # Both workers took part: the queue was shared, not drained by one process.
    by_worker = Counter(r.worker_ids[0] for r in receipts)
    assert len(by_worker) == 2, by_worker
    # Daily periodic tasks were enqueued once, by whichever worker came first.
    daily = DBTaskResult.objects.filter(task_path="toandan.core.tasks.prune_task_results").count()
    assert daily == 1
