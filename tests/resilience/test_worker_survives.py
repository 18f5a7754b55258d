"""The worker outlives a failing task, a database outage and another worker's death; effects stay once."""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client, override_settings
from django_tasks_db.models import DBTaskResult
from liveproc import DbProxy, child_env, start_worker, stop, wait_until

from toandan.core.models import EffectDone, WorkerHeartbeat
from toandan.core.tasks import send_email
from toandan.core.tests_support import fail_with_nul, gated_mail

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
pytestmark = pytest.mark.django_db(transaction=True)


def status(result_id: str) -> str:
    return DBTaskResult.objects.get(id=result_id).status


def mails(var_dir: Path) -> list[str]:
    folder = var_dir / "mail"
    return [p.read_text() for p in folder.glob("*.log")] if folder.exists() else []


def test_a_task_whose_error_cannot_be_stored_does_not_stop_the_worker(tmp_path: Path) -> None:
    with override_settings(TASKS=DB_TASKS):
        failing = fail_with_nul.enqueue()
        after = send_email.enqueue(["nguoidan@example.vn"], "Sau lỗi", "Worker vẫn chạy")
    worker = start_worker(child_env(tmp_path), "--batch")
    _, err = worker.communicate(timeout=120)
    assert worker.returncode == 0, err.decode()
    assert status(failing.id) == "FAILED"
    assert "a\\x00b@example.vn" in DBTaskResult.objects.get(id=failing.id).traceback
    assert status(after.id) == "SUCCESSFUL" and len(mails(tmp_path)) == 1


def test_worker_rides_out_a_database_outage(tmp_path: Path) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("an outage is a network matter: PostgreSQL only")
    settings_dict = connection.settings_dict
    proxy = DbProxy(settings_dict["HOST"] or "127.0.0.1", int(settings_dict["PORT"] or 5432))
    worker = start_worker(child_env(tmp_path, db_port=proxy.port))
    try:
        wait_until(lambda: WorkerHeartbeat.objects.exists(), what="the worker's first heartbeat")
        with override_settings(TASKS=DB_TASKS):
            first = send_email.enqueue(["a@example.vn"], "Một", "trước khi mất kết nối")
        wait_until(lambda: status(first.id) == "SUCCESSFUL", what="the first task")
        proxy.cut()
        with override_settings(TASKS=DB_TASKS):
            second = send_email.enqueue(["b@example.vn"], "Hai", "trong khi mất kết nối")
        # The worker tries again and again to reach a database that refuses it, with backoff.
        wait_until(lambda: proxy.refused >= 3 or worker.poll() is not None, what="reconnection attempts")
        assert worker.poll() is None, "the worker exited on the outage"
        proxy.restore()
        wait_until(lambda: status(second.id) == "SUCCESSFUL", timeout=60, what="the task after the outage")
        assert worker.poll() is None
    finally:
        stop(worker)
        proxy.close()
    assert len(mails(tmp_path)) == 2


def test_a_killed_worker_s_task_runs_again_with_its_effect_once(tmp_path: Path) -> None:
    gate = tmp_path / "gate-dir"
    gate.mkdir()
    with override_settings(TASKS=DB_TASKS):
        result = gated_mail.enqueue("kill-test", str(gate))
    env = child_env(tmp_path)
    first = start_worker(env)
    try:
        wait_until(lambda: list(gate.glob("started-*")), what="the task to start")
        assert status(result.id) == "RUNNING"
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=20)
    finally:
        stop(first)
    (gate / "gate").touch()
    replacement = start_worker(env)
    try:
        # The dead worker's heartbeat goes stale (3 s here), the replacement hands its claim back and runs it.
        wait_until(lambda: status(result.id) == "SUCCESSFUL", timeout=60, what="the recovered task")
    finally:
        stop(replacement)
    assert len(list(gate.glob("started-*"))) == 2, "the task ran again"
    assert EffectDone.objects.filter(key="kill-test").count() == 1
    assert len(mails(tmp_path)) == 1
    assert len(DBTaskResult.objects.get(id=result.id).worker_ids) == 2


def test_a_receipt_sent_before_a_kill_is_not_sent_again_by_the_rerun(tmp_path: Path, units: None) -> None:
    body = {
        "category": "lua-dao",
        "description": "Cuộc gọi giả danh công an yêu cầu chuyển tiền vào tài khoản an toàn.",
        "anonymous": False,
        "consent": True,
        "email": "nguoi.bao@example.vn",
    }
    with override_settings(TASKS=DB_TASKS):
        response = Client().post("/api/v1/reports", json.dumps(body), content_type="application/json")
    assert response.status_code == 201, response.content
    receipt = DBTaskResult.objects.get(task_path="toandan.reports.tasks.send_receipt")
    env = child_env(tmp_path)
    done = start_worker(env, "--batch")
    assert done.wait(timeout=120) == 0
    assert len(mails(tmp_path)) == 1 and receipt.task_path
    # What recovery does to a task whose worker was killed after the e-mail left but before its result
    # was written: it goes back to the queue and runs again.
    DBTaskResult.objects.filter(id=receipt.id).update(status="READY", started_at=None)
    again = start_worker(env, "--batch")
    assert again.wait(timeout=120) == 0
    assert status(receipt.id) == "SUCCESSFUL"
    assert DBTaskResult.objects.get(id=receipt.id).return_value == 0
    assert len(mails(tmp_path)) == 1
