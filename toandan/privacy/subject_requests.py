"""Data subjects' requests (access, correction, deletion, withdrawal of consent): recorded, moved through
their statuses with a history row each, answered within the deadline of `deadlines.REQUEST_HOURS`.

Deletion and withdrawal are carried out through the records' own `erase`, which may refuse (a crime report
still under handling keeps its reporter: see reports.personal_data); the refusal and its reason are the
answer. Access shows the subject's records to the officer (an audited view) to send to the subject.
Correction is made by the officer in the record's own page and recorded here with what was changed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from toandan.core import codes, crypto
from toandan.core.audit import record, record_change
from toandan.core.models import AuditAction
from toandan.privacy import registry
from toandan.privacy.deadlines import request_due
from toandan.privacy.models import RequestKind, RequestStatus, SubjectRequest, SubjectRequestEvent
from toandan.privacy.permissions import can_handle

OPEN = (RequestStatus.RECEIVED, RequestStatus.IN_PROGRESS)
ERASING = (RequestKind.DELETION, RequestKind.WITHDRAWAL)


@dataclass(frozen=True)
class NewRequest:
    kind: str
    record_type: str
    reference: str
    subject_name: str = ""
    subject_contact: str = ""
    details: str = ""
    received_at: datetime | None = None


def due_at(item: SubjectRequest) -> datetime:
    return request_due(item.kind, item.received_at)


def overdue(item: SubjectRequest, now: datetime | None = None) -> bool:
    return item.status in OPEN and (now or timezone.now()) > due_at(item)


def _check(actor: Any) -> None:
    if not can_handle(actor):
        raise PermissionDenied


def _step(item: SubjectRequest, to: str, *, actor: Any, note: str = "", request: Any = None) -> None:
    before = item.status
    item.status = to
    fields = ["status"]
    if to not in OPEN:
        item.closed_at = timezone.now()
        item.answer = note
        fields += ["closed_at", "answer"]
    item.save(update_fields=fields)
    SubjectRequestEvent.objects.create(request=item, actor=actor, from_status=before, to_status=to, note=note)
    record_change(item, f"subject request {item.code}: {before} -> {to}", actor=actor, request=request)


@transaction.atomic
def open_request(data: NewRequest, *, actor: Any, request: Any = None) -> SubjectRequest:
    _check(actor)
    if data.kind not in RequestKind.values:
        raise ValidationError(_("Loại yêu cầu không hợp lệ."))
    try:
        registry.subject_record(data.record_type)
    except KeyError as exc:
        raise ValidationError(_("Loại hồ sơ không hợp lệ.")) from exc
    if not data.reference.strip():
        raise ValidationError(_("Hãy nhập mã hồ sơ người yêu cầu cung cấp."))
    item = SubjectRequest.objects.create(
        code=codes.new_code(),
        kind=data.kind,
        record_type=data.record_type,
        reference=data.reference.strip()[:40],
        subject_name=crypto.encrypt(data.subject_name.strip()) if data.subject_name.strip() else "",
        subject_contact=crypto.encrypt(data.subject_contact.strip()) if data.subject_contact.strip() else "",
        details=data.details.strip(),
        received_at=data.received_at or timezone.now(),
    )
    SubjectRequestEvent.objects.create(request=item, actor=actor, to_status=RequestStatus.RECEIVED)
    record(
        AuditAction.CREATED, actor=actor, request=request, target=item, summary=f"subject request {item.code}"
    )
    return item


def find_record(item: SubjectRequest) -> Any:
    return registry.subject_record(item.record_type).find(item.reference)


@transaction.atomic
def start(item: SubjectRequest, *, actor: Any, note: str = "", request: Any = None) -> SubjectRequest:
    _check(actor)
    if item.status != RequestStatus.RECEIVED:
        raise ValidationError(_("Yêu cầu này không còn ở bước tiếp nhận."))
    _step(item, RequestStatus.IN_PROGRESS, actor=actor, note=note, request=request)
    return item


def show_records(
    item: SubjectRequest, *, actor: Any, purpose: str, request: Any = None
) -> list[tuple[Any, str]]:
    """The subject's records, decrypted for the officer answering an access request; audited."""
    _check(actor)
    if len(purpose.strip()) < 10:
        raise ValidationError(_("Hãy nêu mục đích xem (ít nhất 10 ký tự)."))
    target = find_record(item)
    if target is None:
        raise ValidationError(_("Không tìm thấy hồ sơ với mã này."))
    record(
        AuditAction.PERSONAL_DATA_VIEWED,
        actor=actor,
        request=request,
        target=item,
        summary=f"subject request {item.code}: records shown",
        purpose=purpose.strip(),
    )
    return registry.subject_record(item.record_type).export(target)


@transaction.atomic
def answer(item: SubjectRequest, *, actor: Any, note: str, request: Any = None) -> SubjectRequest:
    """Close an access or correction request with the answer given to the subject."""
    _check(actor)
    item = SubjectRequest.objects.select_for_update().get(pk=item.pk)
    if item.status not in OPEN:
        raise ValidationError(_("Yêu cầu này đã được trả lời."))
    if item.kind in ERASING:
        raise ValidationError(_("Yêu cầu xóa, rút lại đồng ý được thực hiện bằng nút “Thực hiện”."))
    if len(note.strip()) < 10:
        raise ValidationError(_("Hãy ghi nội dung trả lời (ít nhất 10 ký tự)."))
    _step(item, RequestStatus.DONE, actor=actor, note=note.strip(), request=request)
    return item


@transaction.atomic
def refuse(item: SubjectRequest, *, actor: Any, reason: str, request: Any = None) -> SubjectRequest:
    _check(actor)
    item = SubjectRequest.objects.select_for_update().get(pk=item.pk)
    if item.status not in OPEN:
        raise ValidationError(_("Yêu cầu này đã được trả lời."))
    if len(reason.strip()) < 10:
        raise ValidationError(_("Hãy nêu lý do từ chối (ít nhất 10 ký tự)."))
    _step(item, RequestStatus.REFUSED, actor=actor, note=reason.strip(), request=request)
    return item


@transaction.atomic
def carry_out_erasure(
    item: SubjectRequest, *, actor: Any, note: str = "", request: Any = None
) -> SubjectRequest:
    """Deletion or withdrawal of consent: erase the subject's data of the record, or refuse with the
    reason the record gives (the law's limits). Either way the request is answered."""
    _check(actor)
    item = SubjectRequest.objects.select_for_update().get(pk=item.pk)
    if item.status not in OPEN:
        raise ValidationError(_("Yêu cầu này đã được trả lời."))
    if item.kind not in ERASING:
        raise ValidationError(_("Chỉ yêu cầu xóa hoặc rút lại sự đồng ý mới được thực hiện bằng nút này."))
    records = registry.subject_record(item.record_type)
    target = records.find(item.reference)
    if target is None:
        raise ValidationError(_("Không tìm thấy hồ sơ với mã này."))
    refusal = records.erase_refusal(target)
    if refusal:
        _step(item, RequestStatus.REFUSED, actor=actor, note=str(refusal), request=request)
        return item
    erased = records.erase(target)
    text = _("Đã xóa dữ liệu cá nhân của hồ sơ %(reference)s.") % {"reference": item.reference}
    _step(item, RequestStatus.DONE, actor=actor, note=f"{text} {note.strip()}".strip(), request=request)
    record(
        AuditAction.STATE_CHANGED,
        actor=actor,
        request=request,
        target=item,
        summary=f"subject request {item.code}: {erased} erased in {item.record_type}",
    )
    return item


def subject_of(item: SubjectRequest, *, actor: Any, request: Any = None) -> dict[str, str]:
    """The requester's name and contact, decrypted for the officer who answers; audited."""
    _check(actor)
    record(
        AuditAction.PERSONAL_DATA_VIEWED,
        actor=actor,
        request=request,
        target=item,
        summary=f"subject request {item.code}: requester",
    )
    return {
        "name": crypto.decrypt(item.subject_name) if item.subject_name else "",
        "contact": crypto.decrypt(item.subject_contact) if item.subject_contact else "",
    }
