from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "toandan.web"
    verbose_name = _("Trang và kết nối chung")
