"""The worker's daily pruning of finished task results (the 30-second triage sweep alone leaves thousands)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from toandan.core.tasks import prune_task_results

pytestmark = pytest.mark.django_db
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def result(status: str, days_ago: float) -> DBTaskResult:
    finished = timezone.now() - timedelta(days=days_ago)
    return DBTaskResult.objects.create(
        status=status,
        finished_at=finished if status in ("SUCCESSFUL", "FAILED") else None,
        args_kwargs={"args": [], "kwargs": {}},
        task_path="toandan.triage.tasks.suggest_pending",
        queue_name="default",
        backend_name="default",
        run_after=finished,
        exception_class_path="",
        traceback="",
    )


def test_old_results_go_recent_and_failed_ones_stay() -> None:
    old = result("SUCCESSFUL", 8)
    recent = result("SUCCESSFUL", 1)
    failed = result("FAILED", 8)
    old_failure = result("FAILED", 31)
    waiting = result("READY", 40)
    with override_settings(TASKS=DB_TASKS):
        assert prune_task_results.call() == 2
    remaining = set(DBTaskResult.objects.values_list("id", flat=True))
    assert remaining == {recent.id, failed.id, waiting.id}
    assert old.id not in remaining and old_failure.id not in remaining


def test_nothing_to_prune_without_the_database_backend() -> None:
    result("SUCCESSFUL", 30)
    assert prune_task_results.call() == 0  # the test settings run tasks at once and keep no results
    assert DBTaskResult.objects.count() == 1


def test_the_worker_prunes_daily_and_sweeps_triage_every_half_minute() -> None:
    from django.conf import settings

    assert settings.PERIODIC_TASKS["toandan.core.tasks.prune_task_results"] == 24 * 3600
    assert settings.PERIODIC_TASKS["toandan.triage.tasks.suggest_pending"] == 30
