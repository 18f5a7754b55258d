"""The retention schedule is enforced by the real worker process: started against the test database, it
enqueues the periodic run itself, runs it, and the due reporter identity is gone while the report stays."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from privacy_helpers import report_with_evidence, resolve

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "resilience"))
from liveproc import child_env, start_worker, stop, wait_until  # noqa: E402

from toandan.privacy.models import RetentionRun, RunTrigger  # noqa: E402
from toandan.reports.models import Report, ReporterIdentity  # noqa: E402

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_worker_runs_the_retention_schedule(tmp_path: Path, commune_a_officer: Any) -> None:
    old = resolve(report_with_evidence("Người Rất Cũ", "+84905000555"), commune_a_officer, days_ago=6 * 365)
    kept = resolve(report_with_evidence("Người Gần Đây", "+84905000556"), commune_a_officer, days_ago=10)
    env = child_env(tmp_path, MEDIA_ROOT=str(tmp_path / "media"))
    worker = start_worker(env)
    try:
        done = wait_until(
            lambda: RetentionRun.objects.filter(finished_at__isnull=False).first(),
            timeout=120,
            what="the scheduled retention run",
        )
    finally:
        stop(worker)
    assert done.trigger == RunTrigger.SCHEDULED and done.actor is None
    assert done.results["reports.reporter_identity"]["count"] == 1
    assert not ReporterIdentity.objects.filter(report=old).exists()
    assert ReporterIdentity.objects.filter(report=kept).exists()
    assert Report.objects.filter(pk=old.pk).exists()
