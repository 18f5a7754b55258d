"""Appeals: a person who believes their number, account or site is wrongly listed asks for it to be taken off;
an officer decides. Filing and deciding are each one transaction with a history row and an audit row; an
upheld appeal clears the indicator."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from toandan.core import codes, crypto
from toandan.core.audit import record as audit
from toandan.core.audit import record_change
from toandan.core.files import removing_on_failure, store_files
from toandan.core.models import AuditAction
from toandan.core.uploads import CleanFile
from toandan.identifiers.normalize import detect
from toandan.indicators import lookup, status
from toandan.indicators.models import (
    Appeal,
    AppealEvidence,
    AppealStatus,
    ClearReason,
    EventKind,
    IndicatorEvent,
    IndicatorRecord,
)


@dataclass
class AppealInput:
    """What an appellant gives, validated by the form."""

    value: str
    relation: str
    statement: str
    name: str
    contact: str
    files: list[CleanFile] = field(default_factory=list)


def listed_record(text: str) -> IndicatorRecord:
    """The record a person appeals about; ValidationError when the value is unknown or not listed."""
    indicator = detect(text)
    if indicator is None:
        raise ValidationError(_("Không nhận ra số điện thoại, số tài khoản hay đường link này."))
    record = IndicatorRecord.objects.filter(kind=indicator.kind.value, value=indicator.value).first()
    verdict = lookup.answer(indicator).verdict
    if record is None or verdict not in (lookup.CONFIRMED, lookup.REPORTED):
        raise ValidationError(
            _("“%(value)s” hiện không bị cảnh báo trên Toàn Dân, nên không cần khiếu nại.")
            % {"value": indicator.display or indicator.value}
        )
    return record


def file_appeal(data: AppealInput, *, request: Any = None) -> Appeal:
    """Store an appeal and its cleaned files, or nothing at all."""
    record = listed_record(data.value)
    with removing_on_failure() as written, transaction.atomic():
        appeal = Appeal.objects.create(
            code=codes.new_code(),
            indicator=record,
            relation=data.relation,
            statement=data.statement.strip(),
            name=crypto.encrypt(data.name.strip()),
            contact=crypto.encrypt(data.contact.strip()),
        )
        for item in store_files(data.files, lambda: AppealEvidence(appeal=appeal), written):
            item.save()
        IndicatorEvent.objects.create(
            indicator=record, kind=EventKind.APPEAL_FILED, appeal=appeal, from_status=record.status
        )
        audit(AuditAction.CREATED, request=request, target=appeal, summary=f"appeal {appeal.code}")
        return appeal


def contact_of(appeal: Appeal, *, actor: Any, request: Any = None, purpose: str = "") -> dict[str, str]:
    """Decrypt the appellant's name and contact for a person allowed to decide, after a deliberate action
    (the page's button, with a purpose); every call is audited."""
    if not status.can_decide(actor, appeal.indicator):
        raise PermissionDenied
    audit(
        AuditAction.PERSONAL_DATA_VIEWED,
        actor=actor,
        request=request,
        target=appeal,
        summary=f"appeal {appeal.code}: appellant",
        purpose=purpose,
    )
    return {"name": crypto.decrypt(appeal.name), "contact": crypto.decrypt(appeal.contact)}


@transaction.atomic
def decide_appeal(appeal: Appeal, *, upheld: bool, note: str, actor: Any, request: Any = None) -> Appeal:
    """Uphold (the indicator is cleared) or reject an appeal, with the reason written down."""
    appeal = Appeal.objects.select_for_update().select_related("indicator").get(pk=appeal.pk)
    if appeal.status != AppealStatus.PENDING:
        raise ValidationError(_("Khiếu nại này đã được quyết định."))
    if not status.can_decide(actor, appeal.indicator):
        raise PermissionDenied
    if not note.strip():
        raise ValidationError(_("Ghi rõ lý do quyết định."))
    appeal.status = AppealStatus.UPHELD if upheld else AppealStatus.REJECTED
    appeal.decided_at, appeal.decided_by, appeal.decision_note = timezone.now(), actor, note.strip()
    appeal.save(update_fields=["status", "decided_at", "decided_by", "decision_note"])
    record = appeal.indicator
    IndicatorEvent.objects.create(
        indicator=record,
        actor=actor,
        kind=EventKind.APPEAL_DECIDED,
        appeal=appeal,
        from_status=record.status,
        note=f"{appeal.get_status_display()}: {appeal.decision_note}",
    )
    if upheld and status.is_listed(record):
        status.clear(
            record,
            actor=actor,
            reason=ClearReason.APPEAL_UPHELD,
            note=appeal.decision_note,
            appeal=appeal,
            request=request,
        )
    record_change(appeal, f"appeal {appeal.code}: {appeal.status}", actor=actor, request=request)
    return appeal
