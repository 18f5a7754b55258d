"""Background work of triage, run by the worker: the suggestion for a new report (enqueued on commit by
report intake) and the periodic wave detection (settings.PERIODIC_TASKS)."""

from __future__ import annotations

from django_tasks import task

from toandan.triage.cases import services
from toandan.triage.waves import detection


@task()
def suggest_for_report(report_id: int) -> str:
    """Suggest a category and priority for one report; returns the suggested priority ("" if gone)."""
    suggestion = services.suggest(report_id)
    return suggestion.priority if suggestion is not None else ""


@task()
def detect_waves() -> int:
    """Group the reports received since the last run into waves; returns how many were read."""
    result = detection.run()
    return result.reports_read if result is not None else 0
