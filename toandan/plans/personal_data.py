"""The personal data of plans (read by the privacy app; shapes in core.personal_data)."""

from django.utils.translation import gettext_lazy as _

from toandan.core.personal_data import staff_trail

KINDS = [
    staff_trail(
        "plans",
        (
            "plans.UnitAlias.created_by",
            "plans.Plan.created_by",
            "plans.PeriodReportEvent.actor",
            "plans.ProgressUpdate.author",
        ),
    )
]

NOT_PERSONAL = {
    "plans.Plan.issuer_name": _("tên cơ quan ban hành kế hoạch"),
    "plans.Indicator.name": _("tên chỉ tiêu"),
    "plans.ProgressAttachment.original_name": _("tên tệp báo cáo của đơn vị"),
}
