"""Django application configuration for triage: risk scoring, case suggestions, scam waves."""

from typing import Any

from django.apps import AppConfig
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _


class TriageConfig(AppConfig):
    """Registers the triage app: its models, tasks, staff pages and management commands."""

    name = "toandan.triage"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Phân loại rủi ro")

    def ready(self) -> None:
        # Triage plugs into the apps below it; they call these registries and never import triage.
        from toandan.indicators.scorers import register_message_scorer, register_url_scorer
        from toandan.reports.panels import register_case_panel

        register_message_scorer(_check_score)
        register_url_scorer(_url_score)
        register_case_panel("triage/_case_panel.html", _case_panel)


def _check_score(text: str, reputation: Any, sender_type: str | None = None) -> dict[str, Any]:
    from toandan.triage.panel import check_score  # the scorer loads its data on first use, not at start-up

    return check_score(text, reputation, sender_type)


def _url_score(url: str) -> dict[str, Any]:
    from toandan.triage.url import score_url

    return score_url(url).as_dict()


def _case_panel(request: HttpRequest, report: Any) -> dict[str, Any]:
    from toandan.triage.panel import case_panel

    return case_panel(request, report)
