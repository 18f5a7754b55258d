"""The personal data of evaluation (read by the privacy app; shapes in core.personal_data)."""

from django.utils.translation import gettext_lazy as _

from toandan.core.personal_data import staff_trail

KINDS = [
    staff_trail(
        "evaluation",
        (
            "evaluation.Spending.recorded_by",
            "evaluation.Inspection.created_by",
            "evaluation.InspectionEvent.actor",
            "evaluation.Practice.created_by",
        ),
    )
]

NOT_PERSONAL = {
    "evaluation.ChecklistTemplate.name": _("tên mẫu bảng kiểm"),
    "evaluation.Metric.name": _("tên chỉ số"),
    "evaluation.Practice.name": _("tên mô hình, cách làm hay"),
}
