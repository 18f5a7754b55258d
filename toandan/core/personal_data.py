"""How an app declares the personal data it holds (Decree 13/2023, Law 91/2025): each app has a module
`<app>/personal_data.py` with

* `KINDS`: a list of `PersonalDataKind` — which model fields hold which personal data, why, on what legal
  basis, who may see it, how long it is kept by default and what happens when that time is up (`expire`,
  which anonymises or deletes what is older than a cut-off and keeps every figure);
* `SUBJECT_RECORDS`: a list of `SubjectRecords` — how a data subject's own records are found from a
  reference they hold (a tracking code…), shown to them (access) and erased (deletion, withdrawal of
  consent), with the limits the law sets;
* `NOT_PERSONAL`: model fields whose names look personal but are not, with the reason.

The privacy app (above every app that declares) reads these modules: the retention schedule, the
data-subject workflow and the processing record are built from them, and a test fails when a model field
that looks personal is declared nowhere. This module holds only the shapes and the core app's own data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class PersonalDataKind:
    """One kind of personal data, as the processing record describes it and the retention task treats it."""

    key: str  # "<app>.<kind>", also the key of its RetentionRule row
    label: Any
    fields: tuple[str, ...]  # "app_label.Model.field" (files: the FileField)
    subjects: Any  # whose data it is
    purpose: Any
    legal_basis: Any
    who_sees: Any
    # None: no automatic end (kept with the record it belongs to, e.g. the case file, or while the account is
    # active); the administrator may still set a number of days only when `expire` exists.
    default_days: int | None
    counted_from: Any = _("kể từ khi tạo")
    at_expiry: Any = _("không áp dụng")
    # expire(cutoff) anonymises/deletes the data whose clock started before `cutoff`; returns how many
    # records it changed. due(cutoff) counts them without changing anything.
    expire: Callable[[datetime], int] | None = None
    due: Callable[[datetime], int] | None = None
    sensitive: bool = False


@dataclass(frozen=True)
class SubjectRecords:
    """A data subject's records of one type, reached from a reference they hold."""

    key: str
    label: Any
    reference_label: Any
    find: Callable[[str], Any]  # reference → the record, or None
    # record → rows (label, value) shown to the subject when they ask for access
    export: Callable[[Any], list[tuple[Any, str]]]
    # record → None when it may be erased now, else the reason (in Vietnamese) why not
    erase_refusal: Callable[[Any], Any]
    erase: Callable[[Any], int]  # erase the subject's personal data of this record; returns fields cleared


# The core app's own personal data.
def _expire_audit_addresses(cutoff: datetime) -> int:
    from django.db.models import QuerySet

    from toandan.core.models import AuditEvent

    # The audit log is append-only through its manager; retention may clear an address, never a row.
    return QuerySet(AuditEvent).filter(at__lt=cutoff, ip__isnull=False).update(ip=None)


def _due_audit_addresses(cutoff: datetime) -> int:
    from toandan.core.models import AuditEvent

    return AuditEvent.objects.filter(at__lt=cutoff, ip__isnull=False).count()


KINDS = [
    PersonalDataKind(
        key="core.audit_addresses",
        label=_("Địa chỉ IP và tài khoản trong nhật ký kiểm tra"),
        fields=("core.AuditEvent.ip", "core.AuditEvent.actor", "core.AuditEvent.actor_label"),
        subjects=_("cán bộ, người dùng đăng nhập (không bao gồm người tố giác)"),
        purpose=_("truy vết trách nhiệm của cán bộ, phát hiện truy cập trái phép"),
        legal_basis=_("nghĩa vụ bảo đảm an toàn dữ liệu (Nghị định 13/2023, Điều 26–28)"),
        who_sees=_("quản trị viên; mỗi lần xem nhật ký được ghi lại"),
        default_days=365,
        counted_from=_("kể từ thời điểm ghi nhật ký"),
        at_expiry=_("xóa địa chỉ IP; giữ người thực hiện và hành động"),
        expire=_expire_audit_addresses,
        due=_due_audit_addresses,
    ),
]

NOT_PERSONAL = {
    "core.WorkerHeartbeat.hostname": _("tên máy chủ chạy tác vụ"),
    "core.PeriodicRun.name": _("tên tác vụ định kỳ"),
}


def staff_trail(app: str, fields: tuple[str, ...]) -> PersonalDataKind:
    """The officers' accounts an app writes beside what they did (author, actor, decided by…): kept with the
    record, as officers are accountable for their actions; the account's own details are in accounts."""
    return PersonalDataKind(
        key=f"{app}.staff_trail",
        label=_("Cán bộ thực hiện thao tác, ghi trên hồ sơ và lịch sử"),
        fields=fields,
        subjects=_("cán bộ, quản trị viên"),
        purpose=_("truy vết trách nhiệm trong xử lý công việc"),
        legal_basis=_("thực hiện nhiệm vụ của cơ quan nhà nước; quy chế làm việc của đơn vị"),
        who_sees=_("cán bộ được xem hồ sơ tương ứng"),
        default_days=None,
        counted_from=_("lưu cùng hồ sơ"),
        at_expiry=_("theo thời hạn lưu trữ của hồ sơ; không xóa tự động"),
    )
