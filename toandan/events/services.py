"""Creating and changing events: each a service in one transaction with an audit row."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from toandan.core.audit import record
from toandan.core.models import AuditAction
from toandan.events import files
from toandan.events.models import Event, EventHistory, EventMaterial, EventStatus
from toandan.orgs.models import Unit
from toandan.plans.models import Assignment, Task
from toandan.plans.tracking import can_write_for

EVENT_FIELDS = [
    "task",
    "title",
    "kind",
    "topic",
    "description",
    "organiser",
    "audience",
    "starts_at",
    "ends_at",
    "commune",
    "venue",
    "online_url",
    "capacity",
    "agenda",
    "speakers",
    "pass_percent",
    "is_public",
]


def can_organise(user: Any, event: Event) -> bool:
    """Staff of the organiser unit (or above it, or province-wide writers) run the event."""
    return can_write_for(user, event.organiser)


def assignment_for(task: Task, unit: Unit) -> Assignment | None:
    """The assignment an event's figures are posted to: the organiser's own on the task, else that of the
    nearest unit above it (a commune police station's training counts for the provincial police's task)."""
    rows = list(task.assignments.select_related("unit"))
    candidates = [a for a in rows if unit.path.startswith(a.unit.path)]
    return max(candidates, key=lambda a: len(a.unit.path), default=None)


def validate(event: Event) -> None:
    errors = []
    if event.ends_at and event.starts_at and event.ends_at < event.starts_at:
        errors.append(_("Giờ kết thúc phải sau giờ bắt đầu."))
    if not (event.venue.strip() or event.commune_id or event.online_url):
        errors.append(_("Nhập địa điểm (xã, phường và nơi tổ chức) hoặc đường dẫn trực tuyến."))
    if event.capacity is not None and event.capacity < 1:
        errors.append(_("Số chỗ phải lớn hơn 0."))
    if event.task_id and event.organiser_id and assignment_for(event.task, event.organiser) is None:
        errors.append(
            _(
                "Đơn vị tổ chức (và các đơn vị cấp trên) không được giao nhiệm vụ này trong kế hoạch; "
                "chọn nhiệm vụ khác."
            )
        )
    if errors:
        raise ValidationError(errors)


def save_event(
    event: Event,
    *,
    actor: Any,
    participating_units: list[Unit] | None = None,
    materials: list[files.CleanFile] | None = None,
    request: Any = None,
) -> Event:
    """Create or update an event with its participating units and new materials, or store nothing."""
    validate(event)
    created = event.pk is None
    written: list[str] = []
    try:
        with transaction.atomic():
            if created:
                event.created_by = actor if getattr(actor, "pk", None) else None
                event.save()
                EventHistory.objects.create(event=event, to_status=event.status, actor=event.created_by)
            else:
                event.save(update_fields=EVENT_FIELDS)
            if participating_units is not None:
                event.participating_units.set(participating_units)
            start = event.materials.count()
            for index, clean in enumerate(materials or [], start=start + 1):
                files.store(EventMaterial(event=event), clean, index, written)
            record(
                AuditAction.CREATED if created else AuditAction.STATE_CHANGED,
                actor=actor,
                request=request,
                target=event,
                unit=event.organiser,
                summary=event.title[:200],
                materials=len(materials or []),
            )
    except BaseException:
        files.discard(written)
        raise
    return event


@transaction.atomic
def set_status(event: Event, status: str, *, actor: Any, request: Any = None) -> Event:
    if status not in EventStatus.values:
        raise ValidationError(_("Tình trạng không hợp lệ."))
    event = Event.objects.select_for_update().get(pk=event.pk)
    old = event.status
    if old == status:
        return event
    if old == EventStatus.CANCELLED:
        raise ValidationError(_("Sự kiện đã hủy không mở lại được; hãy tạo sự kiện mới."))
    event.status = status
    event.save(update_fields=["status"])
    EventHistory.objects.create(
        event=event, from_status=old, to_status=status, actor=actor if getattr(actor, "pk", None) else None
    )
    record(
        AuditAction.STATE_CHANGED,
        actor=actor,
        request=request,
        target=event,
        unit=event.organiser,
        summary=f"{event.title[:200]}: {old} → {status}",
        from_status=old,
        to_status=status,
    )
    return event
