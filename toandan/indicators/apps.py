from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "toandan.indicators"
    verbose_name = _("Dấu hiệu lừa đảo")
    default_auto_field = "django.db.models.BigAutoField"
