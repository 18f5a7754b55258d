"""The triage panel of the officer's case page: the suggestion with its reasons, the message scorer's
verdict and reasons on the description, and the form to confirm or correct."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.http import HttpRequest

from toandan.reports.models import Report
from toandan.triage.forms import DecisionForm
from toandan.triage.message import SENDER_TYPES, score_message
from toandan.triage.models import CaseSuggestion
from toandan.triage.reputation import report_counts


def check_score(text: str, reputation: Any, sender_type: str | None = None) -> dict[str, Any]:
    """The message score the public check shows, with the check's own reputation lookup."""
    sender = sender_type if sender_type in SENDER_TYPES else None
    return score_message(text, reputation=reputation, sender_type=sender).as_dict()


def case_panel(request: HttpRequest, report: Report) -> dict[str, Any]:
    """Context for ``triage/_case_panel.html`` (two queries: the suggestion and the reputation lookup)."""
    suggestion = (
        CaseSuggestion.objects.select_related("category", "final_category").filter(report=report).first()
    )
    # Scored when shown: in the reader's language, with today's report counts, leaving this report out.
    verdict = score_message(report.description, reputation=partial(report_counts, exclude_report=report.pk))
    initial = {"category": report.category_id}
    if suggestion is not None:
        initial = {
            "category": (suggestion.final_category_id or suggestion.category_id),
            "priority": suggestion.current_priority,
        }
    return {
        "triage": suggestion,
        "triage_reasons": suggestion.reason_texts() if suggestion is not None else [],
        "message_verdict": verdict,
        "triage_form": DecisionForm(initial=initial),
    }
