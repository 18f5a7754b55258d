"""Django application configuration for triage: risk scoring, case suggestions, scam waves."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TriageConfig(AppConfig):
    """Registers the triage app: its models, tasks, staff pages and management commands."""

    name = "toandan.triage"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Phân loại rủi ro")
