from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "toandan.indicators"
    verbose_name = _("Dấu hiệu lừa đảo")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from toandan.core import refcache
        from toandan.indicators import presence
        from toandan.indicators.models import AllowedIndicator, IndicatorRecord

        # The public check reads the allow-list from a per-process cache; an edit clears it at once.
        refcache.watch(AllowedIndicator)

        def note_record(sender: type, instance: IndicatorRecord, created: bool, **kwargs: object) -> None:
            if created:
                presence.add([(instance.kind, instance.value)])

        # Records saved one by one (bulk inserts add their keys themselves) are known to the check at once.
        post_save.connect(note_record, sender=IndicatorRecord, weak=False, dispatch_uid="indicator-presence")
