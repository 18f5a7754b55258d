"""The personal data the reports app holds (read by the privacy app; shapes in core.personal_data).

A report's clock starts when it is resolved (its last move to "resolved" in the history); a report still
under handling keeps everything. Expiry removes the reporter's identity and the evidence files; the report
row (category, commune, money lost, status, dates, anonymous flag) stays, so every statistic is unchanged."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from toandan.core import crypto
from toandan.core.codes import normalize_code
from toandan.core.personal_data import PersonalDataKind, SubjectRecords
from toandan.reports.models import Evidence, Report, ReporterIdentity, Status

HANDLERS = _(
    "cán bộ được phân công, lãnh đạo đơn vị xử lý, cơ quan thường trực, quản trị viên — sau thao tác "
    "xem có nêu mục đích, mỗi lần xem được ghi nhật ký"
)


def resolved_before(cutoff: datetime) -> QuerySet[Report]:
    """Reports resolved (and still resolved) whose last resolution is older than `cutoff`."""
    return (
        Report.objects.filter(status=Status.RESOLVED)
        .annotate(last_resolved=Max("events__at", filter=Q(events__to_status=Status.RESOLVED)))
        .filter(last_resolved__lt=cutoff)
    )


def _identities_due(cutoff: datetime) -> QuerySet[ReporterIdentity]:
    return ReporterIdentity.objects.filter(report__in=resolved_before(cutoff).values("pk"))


@transaction.atomic
def expire_identities(cutoff: datetime) -> int:
    reports = resolved_before(cutoff).values("pk")
    Report.objects.filter(pk__in=reports, submitter__isnull=False).update(submitter=None)
    deleted = _identities_due(cutoff).delete()[0]
    return deleted


def _evidence_due(cutoff: datetime) -> QuerySet[Evidence]:
    return Evidence.objects.filter(report__in=resolved_before(cutoff).values("pk"))


def delete_evidence(items: QuerySet[Evidence]) -> int:
    """Delete evidence rows, then their files once the deletion has committed."""
    names = list(items.values_list("file", flat=True))
    storage = Evidence._meta.get_field("file").storage
    count = items.delete()[0]

    def remove_files() -> None:
        for name in names:
            storage.delete(name)

    transaction.on_commit(remove_files)
    return count


@transaction.atomic
def expire_evidence(cutoff: datetime) -> int:
    return delete_evidence(_evidence_due(cutoff))


KINDS = [
    PersonalDataKind(
        key="reports.reporter_identity",
        label=_("Danh tính người tố giác"),
        fields=(
            "reports.ReporterIdentity.name",
            "reports.ReporterIdentity.phone",
            "reports.ReporterIdentity.email",
            "reports.ReporterIdentity.id_number",
            "reports.Report.submitter",
        ),
        subjects=_("người tố giác không ẩn danh"),
        purpose=_("liên hệ để xác minh tố giác, thông báo kết quả giải quyết"),
        legal_basis=_(
            "sự đồng ý rõ ràng của người tố giác (văn bản đồng ý được lưu theo phiên bản); Bộ luật Tố tụng "
            "hình sự 2015, Điều 144–145 (tiếp nhận, giải quyết tố giác)"
        ),
        who_sees=HANDLERS,
        default_days=5 * 365,
        counted_from=_("kể từ khi tố giác được giải quyết"),
        at_expiry=_("xóa danh tính (bản ghi riêng, mã hóa) và liên kết tài khoản; giữ nội dung tố giác"),
        expire=expire_identities,
        due=lambda cutoff: _identities_due(cutoff).count(),
        sensitive=True,
    ),
    PersonalDataKind(
        key="reports.evidence",
        label=_("Tệp chứng cứ kèm tố giác"),
        fields=("reports.Evidence.file", "reports.Evidence.original_name"),
        subjects=_("người tố giác, người bị hại và người được nhắc đến trong ảnh chụp, tài liệu"),
        purpose=_("chứng minh hành vi vi phạm được tố giác"),
        legal_basis=_("Bộ luật Tố tụng hình sự 2015, Điều 144–145; sự đồng ý của người tố giác"),
        who_sees=_("cán bộ của đơn vị xử lý tố giác, cơ quan thường trực, quản trị viên"),
        default_days=2 * 365,
        counted_from=_("kể từ khi tố giác được giải quyết"),
        at_expiry=_("xóa tệp và bản ghi tệp"),
        expire=expire_evidence,
        due=lambda cutoff: _evidence_due(cutoff).count(),
        sensitive=True,
    ),
    PersonalDataKind(
        key="reports.case_content",
        label=_("Nội dung tố giác và lịch sử xử lý"),
        fields=(
            "reports.Report.description",
            "reports.Report.identifiers_text",
            "reports.Report.search_text",
            "reports.ReportEvent.text",
            "reports.ReportEvent.actor",
            "reports.Report.assignee",
        ),
        subjects=_("người tố giác, người bị hại, người bị tố giác; cán bộ xử lý"),
        purpose=_("giải quyết tố giác, thống kê, truy vết trách nhiệm"),
        legal_basis=_("Bộ luật Tố tụng hình sự 2015; Luật Lưu trữ 2024 (hồ sơ giải quyết tố giác)"),
        who_sees=_("cán bộ của đơn vị xử lý tố giác, cơ quan thường trực, quản trị viên"),
        default_days=None,
        counted_from=_("lưu cùng hồ sơ giải quyết tố giác"),
        at_expiry=_("theo thời hạn lưu trữ hồ sơ của cơ quan; không xóa tự động"),
        sensitive=True,
    ),
]


def _find(reference: str) -> Report | None:
    code = normalize_code(reference)
    return Report.objects.select_related("category", "unit").filter(code=code).first() if code else None


def _export(report: Report) -> list[tuple[object, str]]:
    rows: list[tuple[object, str]] = [
        (_("Mã tra cứu"), report.code),
        (_("Ngày tiếp nhận"), f"{report.received_at:%d/%m/%Y %H:%M}"),
        (_("Loại"), str(report.category.name)),
        (_("Nội dung"), report.description),
        (_("Số điện thoại, tài khoản, đường link"), report.identifiers_text),
        (_("Trạng thái"), str(report.get_status_display())),
        (_("Số tệp chứng cứ"), str(report.evidence.count())),
    ]
    identity = getattr(report, "identity", None)
    if identity is not None:
        for label, field in (
            (_("Họ và tên"), "name"),
            (_("Số điện thoại"), "phone"),
            (_("Thư điện tử"), "email"),
        ):
            rows.append((label, crypto.decrypt(getattr(identity, field))))
        rows.append((_("Số định danh"), crypto.decrypt(identity.id_number)))
    return rows


def _erase_refusal(report: Report) -> object | None:
    if report.status != Status.RESOLVED:
        return _(
            "Tố giác đang được giải quyết: thông tin người tố giác là một phần của hồ sơ giải quyết tố giác "
            "theo Bộ luật Tố tụng hình sự (Điều 144–145) và không được xóa khi việc giải quyết chưa kết "
            "thúc (Nghị định 13/2023, Điều 16 khoản 2: không xóa khi pháp luật không cho phép hoặc dữ liệu "
            "do cơ quan nhà nước có thẩm quyền xử lý để thực hiện nhiệm vụ). Có thể yêu cầu lại sau khi "
            "tố giác được giải quyết."
        )
    return None


@transaction.atomic
def _erase(report: Report) -> int:
    count = ReporterIdentity.objects.filter(report=report).delete()[0]
    Report.objects.filter(pk=report.pk, submitter__isnull=False).update(submitter=None)
    return count + delete_evidence(Evidence.objects.filter(report=report, from_reporter=True))


SUBJECT_RECORDS = [
    SubjectRecords(
        key="reports.report",
        label=_("Tố giác"),
        reference_label=_("mã tra cứu tố giác"),
        find=_find,
        export=_export,
        erase_refusal=_erase_refusal,
        erase=_erase,
    )
]

NOT_PERSONAL = {
    "reports.ReportCategory.name": _("tên loại vi phạm"),
    "reports.ReportCategory.name_en": _("tên loại vi phạm (tiếng Anh)"),
}
