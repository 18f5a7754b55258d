"""Django application configuration for triage (pure modules and management commands, no models)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TriageConfig(AppConfig):
    """Registers the triage app so that its management commands are found."""

    name = "toandan.triage"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Phân loại rủi ro")
