"""The breach register: a breach is recorded when discovered, the authority must be told within
`deadlines.BREACH_NOTIFICATION_HOURS`; each step is a history row and an audit row."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from toandan.core.audit import record, record_change
from toandan.core.models import AuditAction
from toandan.privacy.deadlines import breach_due
from toandan.privacy.models import Breach, BreachEvent, BreachStatus
from toandan.privacy.permissions import can_handle


def due_at(breach: Breach) -> datetime:
    return breach_due(breach.discovered_at)


def time_left(breach: Breach, now: datetime | None = None) -> timedelta | None:
    """Until the notification deadline (negative once past); None once the authority has been told."""
    if breach.notified_at is not None:
        return None
    return due_at(breach) - (now or timezone.now())


def overdue(breach: Breach, now: datetime | None = None) -> bool:
    left = time_left(breach, now)
    return left is not None and left.total_seconds() < 0


def notified_late(breach: Breach) -> bool:
    return breach.notified_at is not None and breach.notified_at > due_at(breach)


def _check(actor: Any) -> None:
    if not can_handle(actor):
        raise PermissionDenied


def _step(breach: Breach, to: str, *, actor: Any, note: str, request: Any, fields: list[str]) -> None:
    before = breach.status
    breach.status = to
    breach.save(update_fields=["status", *fields])
    BreachEvent.objects.create(breach=breach, actor=actor, from_status=before, to_status=to, note=note)
    record_change(breach, f"breach {breach.pk}: {before} -> {to}", actor=actor, request=request)


@transaction.atomic
def record_breach(breach: Breach, *, actor: Any, request: Any = None) -> Breach:
    _check(actor)
    if breach.discovered_at > timezone.now() + timedelta(minutes=5):
        raise ValidationError(_("Thời điểm phát hiện không thể ở tương lai."))
    breach.recorded_by = actor
    breach.status = BreachStatus.OPEN
    breach.save()
    BreachEvent.objects.create(breach=breach, actor=actor, to_status=BreachStatus.OPEN)
    record(AuditAction.CREATED, actor=actor, request=request, target=breach, summary=f"breach {breach.pk}")
    return breach


@transaction.atomic
def mark_notified(
    breach: Breach, *, actor: Any, at: datetime, reference: str, note: str = "", request: Any = None
) -> Breach:
    _check(actor)
    breach = Breach.objects.select_for_update().get(pk=breach.pk)
    if breach.status != BreachStatus.OPEN:
        raise ValidationError(_("Sự cố này đã được thông báo."))
    if at < breach.discovered_at or at > timezone.now() + timedelta(minutes=5):
        raise ValidationError(_("Thời điểm thông báo phải sau khi phát hiện và không ở tương lai."))
    if not reference.strip():
        raise ValidationError(_("Hãy nhập số văn bản thông báo."))
    breach.notified_at, breach.notice_reference = at, reference.strip()[:100]
    _step(
        breach,
        BreachStatus.NOTIFIED,
        actor=actor,
        note=note,
        request=request,
        fields=["notified_at", "notice_reference"],
    )
    return breach


@transaction.atomic
def close(breach: Breach, *, actor: Any, measures: str, request: Any = None) -> Breach:
    _check(actor)
    breach = Breach.objects.select_for_update().get(pk=breach.pk)
    if breach.status != BreachStatus.NOTIFIED:
        raise ValidationError(_("Chỉ đóng sự cố đã thông báo cơ quan chức năng."))
    if len(measures.strip()) < 10:
        raise ValidationError(_("Hãy ghi các biện pháp khắc phục (ít nhất 10 ký tự)."))
    breach.measures = measures.strip()
    _step(breach, BreachStatus.CLOSED, actor=actor, note="", request=request, fields=["measures"])
    return breach
