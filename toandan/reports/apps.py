from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "toandan.reports"
    verbose_name = _("Tố giác")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from toandan.core import refcache
        from toandan.core.models import DayOff
        from toandan.orgs.models import Unit
        from toandan.reports import monitoring
        from toandan.reports.models import DeadlinePolicy, ReportCategory, RoutingRule

        refcache.watch(ReportCategory, RoutingRule, DeadlinePolicy, Unit, DayOff)
        monitoring.register()  # deadlines at risk in /metrics (core never imports reports)
