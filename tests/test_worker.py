"""Background work runs in a real worker process (`toandan worker`) against the same database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from toandan.core.models import WorkerHeartbeat
from toandan.core.tasks import send_email

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def database_url() -> str:
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    return f"postgres://{s['USER']}{password}@{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{s['NAME']}"


def run_worker_batch(tmp_path: Path, timeout: int = 300, **env: str) -> subprocess.CompletedProcess[str]:
    """Run the real worker process (``toandan worker --batch``) on this test's database until its queue is
    empty; e-mail goes to ``tmp_path/mail`` (Django's file backend). ``env`` adds or overrides settings.
    Returns the finished process (its output, for tests that check what it logged)."""
    from django.conf import settings

    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(
        DJANGO_SETTINGS_MODULE="toandan.settings",
        DATABASE_URL=database_url(),
        EMAIL_BACKEND="file",
        TOANDAN_VAR_DIR=str(tmp_path),
        SECRET_KEY=settings.SECRET_KEY,
        **env,
    )
    done = subprocess.run(
        [sys.executable, "-m", "toandan.cli", "worker", "--batch", "--no-startup-delay", "--no-reload"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stderr
    return done


@pytest.mark.django_db(transaction=True)
def test_worker_process_runs_queued_email(tmp_path: Path) -> None:
    assert "memory" not in str(connection.settings_dict["NAME"]), (
        "the worker needs a database file it can open"
    )
    with override_settings(TASKS=DB_TASKS):
        result = send_email.enqueue(["nguoidan@example.vn"], "Chào", "Nội dung thử")
    assert DBTaskResult.objects.get(id=result.id).status == "READY"

    run_worker_batch(tmp_path, timeout=120)
    assert DBTaskResult.objects.get(id=result.id).status == "SUCCESSFUL"
    sent = list((tmp_path / "mail").glob("*.log"))
    assert len(sent) == 1 and "nguoidan@example.vn" in sent[0].read_text()
    assert WorkerHeartbeat.objects.count() == 1
