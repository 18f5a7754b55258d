"""Django application configuration for awareness: articles, scam warnings, legal library, FAQ, quizzes."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwarenessConfig(AppConfig):
    """Registers the awareness app and its hooks into the lower apps (wave drafts, the public check)."""

    name = "toandan.awareness"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Tuyên truyền, phổ biến pháp luật")

    def ready(self) -> None:
        from toandan.awareness import hooks

        hooks.connect()
