from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "toandan.core"
    verbose_name = _("Nền tảng")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from toandan.core import signals  # noqa: F401  (sign-in audit receivers)
