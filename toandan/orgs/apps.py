from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgsConfig(AppConfig):
    name = "toandan.orgs"
    verbose_name = _("Tổ chức")
    default_auto_field = "django.db.models.BigAutoField"
