from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "toandan.evaluation"
    verbose_name = _("Đánh giá")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The consolidated period report asks its section providers; plans never imports evaluation.
        from toandan.evaluation.report_sections import install

        install()
