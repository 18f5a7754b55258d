"""The personal data the indicators app holds (read by the privacy app; shapes in core.personal_data).

Appellants' names and contacts are kept until a set time after the appeal is decided, then erased with the
appeal's files; the appeal (indicator, relation, decision, dates) stays for the figures. Partner feed
accesses keep the caller's address for a short time only."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from toandan.core import crypto
from toandan.core.codes import normalize_code
from toandan.core.personal_data import PersonalDataKind, SubjectRecords, staff_trail
from toandan.indicators.models import Appeal, AppealEvidence, AppealStatus, PartnerAccess


def _appeals_due(cutoff: datetime) -> QuerySet[Appeal]:
    named = Appeal.objects.exclude(name="", contact="")
    return named.exclude(status=AppealStatus.PENDING).filter(decided_at__lt=cutoff)


def _delete_files(items: QuerySet[AppealEvidence]) -> int:
    names = list(items.values_list("file", flat=True))
    storage = AppealEvidence._meta.get_field("file").storage
    count = items.delete()[0]
    transaction.on_commit(lambda: [storage.delete(name) for name in names])
    return count


@transaction.atomic
def expire_appellants(cutoff: datetime) -> int:
    due = list(_appeals_due(cutoff).values_list("pk", flat=True))
    _delete_files(AppealEvidence.objects.filter(appeal_id__in=due))
    return Appeal.objects.filter(pk__in=due).update(name="", contact="")


def expire_partner_addresses(cutoff: datetime) -> int:
    return PartnerAccess.objects.filter(at__lt=cutoff, ip__isnull=False).update(ip=None)


KINDS = [
    PersonalDataKind(
        key="indicators.appellants",
        label=_("Họ tên, liên hệ và tệp của người khiếu nại"),
        fields=(
            "indicators.Appeal.name",
            "indicators.Appeal.contact",
            "indicators.Appeal.statement",
            "indicators.AppealEvidence.file",
            "indicators.AppealEvidence.original_name",
        ),
        subjects=_("người khiếu nại việc một số điện thoại, tài khoản, đường link bị ghi nhận"),
        purpose=_("xem xét khiếu nại và liên hệ khi cần làm rõ"),
        legal_basis=_("sự đồng ý của người khiếu nại khi gửi khiếu nại"),
        who_sees=_(
            "cán bộ có quyền quyết định khiếu nại, sau thao tác xem có nêu mục đích; mỗi lần xem được ghi "
            "nhật ký"
        ),
        default_days=365,
        counted_from=_("kể từ khi khiếu nại được quyết định"),
        at_expiry=_("xóa họ tên, liên hệ và tệp; giữ khiếu nại và quyết định"),
        expire=expire_appellants,
        due=lambda cutoff: _appeals_due(cutoff).count(),
    ),
    PersonalDataKind(
        key="indicators.partner_addresses",
        label=_("Địa chỉ IP của đối tác khi lấy dữ liệu"),
        fields=("indicators.PartnerAccess.ip",),
        subjects=_("máy chủ, nhân viên của tổ chức đối tác"),
        purpose=_("phát hiện lạm dụng khóa truy cập của đối tác"),
        legal_basis=_("thỏa thuận chia sẻ dữ liệu với đối tác; bảo đảm an toàn dữ liệu"),
        who_sees=_("quản trị viên"),
        default_days=90,
        counted_from=_("kể từ lần truy cập"),
        at_expiry=_("xóa địa chỉ IP; giữ số lần và thời điểm truy cập"),
        expire=expire_partner_addresses,
        due=lambda cutoff: PartnerAccess.objects.filter(at__lt=cutoff, ip__isnull=False).count(),
    ),
    PersonalDataKind(
        key="indicators.partner_contacts",
        label=_("Đầu mối liên hệ của đối tác"),
        fields=("indicators.Partner.contact",),
        subjects=_("người làm đầu mối của tổ chức đối tác"),
        purpose=_("liên hệ về dữ liệu chia sẻ"),
        legal_basis=_("thỏa thuận chia sẻ dữ liệu với đối tác"),
        who_sees=_("quản trị viên"),
        default_days=None,
        counted_from=_("trong thời gian hợp tác"),
        at_expiry=_("quản trị viên xóa khi chấm dứt hợp tác"),
    ),
    staff_trail(
        "indicators",
        (
            "indicators.IndicatorEvent.actor",
            "indicators.AllowedIndicator.verified_by",
            "indicators.Appeal.decided_by",
            "indicators.ImportBatch.imported_by",
            "indicators.PartnerToken.created_by",
            "indicators.PartnerToken.revoked_by",
        ),
    ),
]


def _find(reference: str) -> Appeal | None:
    code = normalize_code(reference)
    return Appeal.objects.select_related("indicator").filter(code=code).first() if code else None


def _export(appeal: Appeal) -> list[tuple[object, str]]:
    return [
        (_("Mã khiếu nại"), appeal.code),
        (_("Ngày gửi"), f"{appeal.filed_at:%d/%m/%Y %H:%M}"),
        (_("Lý do"), appeal.statement),
        (_("Họ và tên"), crypto.decrypt(appeal.name) if appeal.name else ""),
        (_("Liên hệ"), crypto.decrypt(appeal.contact) if appeal.contact else ""),
        (_("Trạng thái"), str(appeal.get_status_display())),
    ]


@transaction.atomic
def _erase(appeal: Appeal) -> int:
    files = _delete_files(AppealEvidence.objects.filter(appeal=appeal))
    return files + Appeal.objects.filter(pk=appeal.pk).update(name="", contact="")


SUBJECT_RECORDS = [
    SubjectRecords(
        key="indicators.appeal",
        label=_("Khiếu nại"),
        reference_label=_("mã khiếu nại"),
        find=_find,
        export=_export,
        erase_refusal=lambda appeal: None,
        erase=_erase,
    )
]

NOT_PERSONAL = {
    "indicators.Partner.name": _("tên tổ chức đối tác"),
    "indicators.ImportBatch.file_name": _("tên tệp danh sách nhập"),
}
