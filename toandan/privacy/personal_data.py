"""The privacy app's own personal data: who made a data subject's request and how to answer them."""

from __future__ import annotations

from datetime import datetime

from django.utils.translation import gettext_lazy as _

from toandan.core.personal_data import PersonalDataKind, staff_trail
from toandan.privacy.models import SubjectRequest


def _closed_named(cutoff: datetime):  # type: ignore[no-untyped-def]
    return SubjectRequest.objects.filter(closed_at__lt=cutoff).exclude(subject_name="", subject_contact="")


KINDS = [
    PersonalDataKind(
        key="privacy.requesters",
        label=_("Họ tên, liên hệ của người gửi yêu cầu về dữ liệu cá nhân"),
        fields=("privacy.SubjectRequest.subject_name", "privacy.SubjectRequest.subject_contact"),
        subjects=_("chủ thể dữ liệu gửi yêu cầu"),
        purpose=_("trả lời yêu cầu, chứng minh đã thực hiện quyền của chủ thể dữ liệu"),
        legal_basis=_("Nghị định 13/2023/NĐ-CP, Điều 9 (quyền của chủ thể dữ liệu)"),
        who_sees=_("quản trị viên, cơ quan thường trực; mỗi lần xem được ghi nhật ký"),
        default_days=3 * 365,
        counted_from=_("kể từ khi yêu cầu được trả lời"),
        at_expiry=_("xóa họ tên, liên hệ; giữ loại yêu cầu, thời hạn và kết quả"),
        expire=lambda cutoff: _closed_named(cutoff).update(subject_name="", subject_contact=""),
        due=lambda cutoff: _closed_named(cutoff).count(),
    ),
    staff_trail(
        "privacy",
        (
            "privacy.RetentionRule.changed_by",
            "privacy.RetentionRuleChange.actor",
            "privacy.RetentionRun.actor",
            "privacy.SubjectRequestEvent.actor",
            "privacy.Breach.recorded_by",
            "privacy.BreachEvent.actor",
        ),
    ),
]
