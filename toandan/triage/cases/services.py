"""State changes of case triage: the suggestion made for a new report, and the officer's decision on it.

``suggest(report_id)`` runs in the worker (``suggest_pending`` sweeps the reports still without one);
``decide(...)`` is one transaction that stores the decision with who and when, changes the report's category
if it was corrected, writes a row in the case history and an audit row.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from functools import partial
from typing import Any

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from toandan.indicators.models import ReportIndicator
from toandan.reports import workflow
from toandan.reports.models import Report, ReportCategory
from toandan.triage.cases import classifier, keywords, priority
from toandan.triage.message import score_message
from toandan.triage.models import CaseCorrection, CaseSuggestion, Priority
from toandan.triage.models.cases import CategorySource
from toandan.triage.reputation import report_counts

logger = logging.getLogger(__name__)

CHILD_CATEGORY = "xam-hai-tre-em"
PENDING_BATCH = 500
PENDING_DAYS = 7
KEYWORDS_VERSION = "keywords"


def other_reports(report: Report) -> int:
    """The most other reports naming any one of this report's indicators (counted from the links)."""
    indicator_ids = ReportIndicator.objects.filter(report=report).values("indicator_id")
    counts = (
        ReportIndicator.objects.filter(indicator_id__in=indicator_ids)
        .exclude(report=report)
        .values("indicator_id")
        .annotate(n=Count("report_id", distinct=True))
        .values_list("n", flat=True)
    )
    return max(counts, default=0)


def case_input(report: Report) -> classifier.CaseInput:
    """What the category model sees of a report."""
    kinds = sorted(
        set(ReportIndicator.objects.filter(report=report).values_list("indicator__kind", flat=True))
    )
    return classifier.CaseInput(report.description, report.money_lost, report.payment_method, tuple(kinds))


def suggest_category(report: Report, available: dict[str, ReportCategory]) -> tuple[str, str, str, list]:
    """(code, source, model version, reasons) from the accepted model, else keywords, else the reporter."""
    model = classifier.load()
    if model is not None:
        predicted = model.predict(case_input(report), set(available))
        if predicted is not None:
            code = predicted[0]
            reason = gettext_noop("Mô hình học từ các vụ đã xác nhận đề xuất loại “%(category)s”")
            return code, CategorySource.MODEL, model.version, [[reason, {"category": available[code].name}]]
    code = keywords.keyword_category(report.description, set(available), report.category.code)
    if code is not None:
        return (
            code,
            CategorySource.KEYWORDS,
            KEYWORDS_VERSION,
            [[keywords.REASON, {"category": available[code].name}]],
        )
    return report.category.code, CategorySource.REPORTER, "", []


def suggest(report_id: int) -> CaseSuggestion | None:
    """Compute and store the suggestion for a report; an officer's decision already taken is kept."""
    report = Report.objects.select_related("category").filter(pk=report_id).first()
    if report is None:
        return None
    existing = CaseSuggestion.objects.filter(report=report).first()
    if existing is not None and existing.reviewed_at is not None:
        return existing
    available = {c.code: c for c in ReportCategory.objects.filter(is_active=True)}
    available.setdefault(report.category.code, report.category)
    code, source, version, reasons = suggest_category(report, available)
    verdict = score_message(report.description, reputation=partial(report_counts, exclude_report=report.pk))
    assessed = priority.assess(
        report.description, report.money_lost, other_reports(report), verdict.verdict, code == CHILD_CATEGORY
    )
    reasons += [[message, params] for message, params in assessed.reasons]
    suggestion, _created = CaseSuggestion.objects.update_or_create(
        report=report,
        defaults={
            "category": available[code],
            "priority": assessed.priority,
            "reported_category": report.category,
            "category_source": source,
            "model_version": version,
            "reasons": reasons,
            "points": assessed.points,
            "message_score": verdict.score,
            "message_verdict": verdict.verdict,
        },
    )
    return suggestion


def suggest_pending(limit: int = PENDING_BATCH) -> int:
    """Suggest for up to `limit` reports without a suggestion, oldest first; returns how many were tried.

    Intake enqueues nothing (it is the busiest write): the reports table itself is the queue, so a report
    committed just before a crash is still found. One report that fails is logged and does not stop the rest.
    """
    # Only the last days' reports: the sweep runs every 30 s and must not read the whole table each time.
    since = timezone.now() - timedelta(days=PENDING_DAYS)
    pending = list(
        Report.objects.filter(triage__isnull=True, received_at__gte=since)
        .order_by("id")
        .values_list("id", flat=True)[:limit]
    )
    for report_id in pending:
        try:
            suggest(report_id)
        except Exception:  # noqa: BLE001 - one bad report must not hold up the others
            logger.exception("triage suggestion failed for report %s", report_id)
    return len(pending)


@transaction.atomic
def decide(
    report: Report,
    category: ReportCategory,
    priority_value: str,
    *,
    actor: Any,
    note: str = "",
    request: Any = None,
) -> CaseCorrection:
    """Store the officer's category and priority for a report (confirming or correcting the suggestion)."""
    report = Report.objects.select_for_update().select_related("category", "unit").get(pk=report.pk)
    suggestion = CaseSuggestion.objects.filter(report=report).first() or suggest(report.pk)
    assert suggestion is not None
    priority_value = Priority(priority_value).value
    correction = CaseCorrection.objects.create(
        suggestion=suggestion,
        actor=actor,
        category_before=report.category,
        category_after=category,
        priority_before=suggestion.current_priority,
        priority_after=priority_value,
        note=note[:300],
    )
    suggestion.final_category = category
    suggestion.final_priority = priority_value
    suggestion.reviewed_at = correction.at
    suggestion.save(update_fields=["final_category", "final_priority", "reviewed_at"])
    old_category = report.category
    text = gettext("Phân loại: %(old)s → %(new)s; mức ưu tiên: %(priority)s") % {
        "old": old_category.name,
        "new": category.name,
        "priority": Priority(priority_value).label,
    }
    workflow.set_category(
        report,
        category,
        actor=actor,
        text=text + (f" ({note})" if note else ""),
        summary=f"triage {old_category.code} → {category.code}, {priority_value}",
        request=request,
        suggested=[suggestion.category.code, suggestion.priority],
    )
    return correction
