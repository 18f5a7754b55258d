"""Background work of triage, run by the worker: suggestions for new reports (a periodic sweep finds every
report still without one) and the periodic wave detection (both in settings.PERIODIC_TASKS)."""

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
def suggest_pending() -> int:
    """Suggest for reports that have no suggestion yet (oldest first, a bounded batch); returns how many."""
    return services.suggest_pending()


@task()
def detect_waves() -> int:
    """Group the reports received since the last run into waves; returns how many were read."""
    result = detection.run()
    return result.reports_read if result is not None else 0
