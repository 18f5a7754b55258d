"""Registration, waiting list, cancellation and check-in: each a service in one transaction that locks the
event row first, so two sign-ups for the last seat (or a cancellation racing a sign-up) never overfill it."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from toandan.core.audit import record
from toandan.core.models import AuditAction
from toandan.events import contacts, notify
from toandan.events.models import (
    Audience,
    Event,
    EventStatus,
    Participant,
    ParticipantHistory,
    ParticipantStatus,
    Source,
)
from toandan.orgs.models import Unit, UnitKind


@dataclass
class Person:
    """Who registers, as typed on a form or read from a row of a unit's list."""

    name: str
    phone: str = ""
    email: str = ""
    commune_id: int | None = None
    unit_id: int | None = None
    audience: str = ""


def clean_person(person: Person, event: Event, *, contact_required: bool) -> Person:
    """Normalise and check a person's details; ValidationError lists every problem in Vietnamese."""
    errors: list[str] = []
    name = " ".join(person.name.split())
    if not name:
        errors.append(_("Nhập họ và tên."))
    elif len(name) > 120:
        errors.append(_("Họ và tên dài quá 120 ký tự."))
    phone = email = ""
    try:
        phone = contacts.normalise_phone(person.phone)
    except ValidationError as exc:
        errors.extend(exc.messages)
    try:
        email = contacts.normalise_email(person.email)
    except ValidationError as exc:
        errors.extend(exc.messages)
    if contact_required and not (phone or email) and not errors:
        errors.append(_("Nhập số điện thoại hoặc thư điện tử để ban tổ chức liên hệ."))
    audience = person.audience or event.audience
    if audience not in Audience.values:
        errors.append(_("Đối tượng không hợp lệ."))
    if (
        person.commune_id is not None
        and not Unit.objects.filter(pk=person.commune_id, kind=UnitKind.COMMUNE, is_active=True).exists()
    ):
        errors.append(_("Xã, phường không hợp lệ."))
    if errors:
        raise ValidationError(errors)
    return Person(name, phone, email, person.commune_id, person.unit_id, audience)


def _new_code() -> str:
    return secrets.token_urlsafe(12)


def _history(participant: Participant, old: str, new: str, actor: Any = None, note: str = "") -> None:
    ParticipantHistory.objects.create(
        participant=participant,
        from_status=old,
        to_status=new,
        actor=actor if getattr(actor, "pk", None) else None,
        note=note[:200],
    )


def lock(event: Event) -> Event:
    """The event row, locked until the transaction ends (SQLite: the write lock serialises anyway)."""
    return Event.objects.select_for_update().get(pk=event.pk)


def seats_taken(event: Event) -> int:
    return event.participants.seated().count()


def _check_open(event: Event, *, staff: bool) -> None:
    if event.status != EventStatus.PUBLISHED and not (staff and event.status == EventStatus.DRAFT):
        raise ValidationError(_("Sự kiện không nhận đăng ký."))
    if event.is_over:
        raise ValidationError(_("Sự kiện đã kết thúc."))
    if not staff and not event.is_public:
        raise ValidationError(_("Sự kiện này chỉ dành cho các đơn vị được mời."))


def _insert(
    event: Event, person: Person, source: str, status: str, actor: Any, link_base: str
) -> Participant:
    participant = Participant(
        event=event,
        name=person.name,
        phone=contacts.seal(person.phone),
        email=contacts.seal(person.email),
        contact_hash=contacts.contact_hash(person.phone, person.email),
        commune_id=person.commune_id,
        unit_id=person.unit_id,
        audience=person.audience,
        user=actor if getattr(actor, "pk", None) and source == Source.STAFF else None,
        source=source,
        status=status,
        checkin_code=_new_code(),
        link_base=link_base[:200],
    )
    try:
        with transaction.atomic():
            participant.save(force_insert=True)
    except IntegrityError as exc:
        raise ValidationError(
            _("Số điện thoại hoặc thư điện tử này đã đăng ký sự kiện; xem lại thư xác nhận đã nhận.")
        ) from exc
    return participant


def register(
    event: Event,
    person: Person,
    *,
    source: str = Source.PUBLIC,
    actor: Any = None,
    request: Any = None,
    link_base: str = "",
) -> Participant:
    """Register one person: a seat while there is one, else the waiting list. E-mails a confirmation."""
    staff = source != Source.PUBLIC
    person = clean_person(person, event, contact_required=not staff)
    with transaction.atomic():
        event = lock(event)
        _check_open(event, staff=staff)
        status = (
            ParticipantStatus.REGISTERED
            if seats_taken(event) < event.capacity
            else ParticipantStatus.WAITLISTED
        )
        participant = _insert(event, person, source, status, actor, link_base)
        _history(participant, "", status, actor)
        record(
            AuditAction.CREATED,
            actor=actor,
            request=request,
            target=participant,
            unit=event.organiser,
            summary=f"{event.title[:120]}: {status}",
            source=source,
        )
        notify.registered(participant, person.email)
    return participant


def bulk_register(
    event: Event, people: list[Person], *, unit: Unit, actor: Any, request: Any = None, link_base: str = ""
) -> list[Participant]:
    """Register a unit's whole list, all or nothing (the caller validated the rows)."""
    with transaction.atomic():
        event = lock(event)
        _check_open(event, staff=True)
        free = event.capacity - seats_taken(event)
        made = []
        for person in people:
            status = ParticipantStatus.REGISTERED if free > 0 else ParticipantStatus.WAITLISTED
            free -= status == ParticipantStatus.REGISTERED
            person.unit_id = unit.pk
            participant = _insert(event, person, Source.BULK, status, actor, link_base)
            _history(participant, "", status, actor, note=_("danh sách đơn vị"))
            notify.registered(participant, person.email)
            made.append(participant)
        record(
            AuditAction.CREATED,
            actor=actor,
            request=request,
            target=event,
            unit=event.organiser,
            summary=_("%(count)s người của %(unit)s") % {"count": len(made), "unit": unit.name},
        )
    return made


def _promote(event: Event, actor: Any) -> Participant | None:
    """Give a freed seat to the first person waiting (the caller holds the event lock)."""
    if seats_taken(event) >= event.capacity:
        return None
    first = event.participants.waiting().select_for_update().first()
    if first is None:
        return None
    first.status = ParticipantStatus.REGISTERED
    first.save(update_fields=["status"])
    _history(first, ParticipantStatus.WAITLISTED, ParticipantStatus.REGISTERED, actor, note=_("tự động lên"))
    notify.promoted(first)
    return first


def cancel(participant: Participant, *, actor: Any = None, request: Any = None) -> Participant | None:
    """Cancel a registration and promote the first person waiting; returns the promoted participant."""
    with transaction.atomic():
        event = lock(participant.event)
        participant = Participant.objects.select_for_update().get(pk=participant.pk)
        if participant.status == ParticipantStatus.CANCELLED:
            return None
        if participant.status == ParticipantStatus.ATTENDED:
            raise ValidationError(_("Đã điểm danh tham dự, không hủy được đăng ký."))
        old = participant.status
        participant.status = ParticipantStatus.CANCELLED
        participant.save(update_fields=["status"])
        _history(participant, old, ParticipantStatus.CANCELLED, actor)
        record(
            AuditAction.STATE_CHANGED,
            actor=actor,
            request=request,
            target=participant,
            unit=event.organiser,
            summary=f"{event.title[:120]}: {old} → cancelled",
        )
        return _promote(event, actor)


def set_capacity(event: Event, capacity: int, *, actor: Any, request: Any = None) -> list[Participant]:
    """Change the number of seats; a larger room promotes people waiting, in the order they registered."""
    if capacity < 1:
        raise ValidationError(_("Số chỗ phải lớn hơn 0."))
    with transaction.atomic():
        event = lock(event)
        old = event.capacity
        event.capacity = capacity
        event.save(update_fields=["capacity"])
        promoted = []
        while (person := _promote(event, actor)) is not None:
            promoted.append(person)
        record(
            AuditAction.STATE_CHANGED,
            actor=actor,
            request=request,
            target=event,
            unit=event.organiser,
            summary=f"{event.title[:120]}: capacity {old} → {capacity}",
        )
    return promoted


@dataclass
class CheckIn:
    participant: Participant
    already: bool


def check_in(
    event: Event, *, code: str = "", pk: int | None = None, actor: Any, at: datetime | None = None
) -> CheckIn:
    """Mark a participant present, by the code in their QR or by id (name search). Repeating it is harmless:
    a scan retried after a dropped connection answers `already`."""
    with transaction.atomic():
        lookup = {"checkin_code": code} if code else {"pk": pk}
        participant = (
            Participant.objects.select_for_update().filter(event=event, **lookup).first()
            if (code or pk)
            else None
        )
        if participant is None:
            raise ValidationError(_("Mã không thuộc sự kiện này."))
        if participant.status == ParticipantStatus.ATTENDED:
            return CheckIn(participant, True)
        if participant.status == ParticipantStatus.CANCELLED:
            raise ValidationError(_("Đăng ký của %(name)s đã hủy.") % {"name": participant.name})
        now = timezone.now()
        # A queued scan keeps the time it was made, if that is plausible (from half a day before the start).
        plausible = at is not None and event.starts_at - timedelta(hours=12) <= at <= now
        when = at if plausible else now
        old = participant.status
        participant.status = ParticipantStatus.ATTENDED
        participant.checked_in_at = when
        participant.save(update_fields=["status", "checked_in_at"])
        _history(participant, old, ParticipantStatus.ATTENDED, actor, note=_("điểm danh"))
    return CheckIn(participant, False)


def walk_in(event: Event, person: Person, *, actor: Any, request: Any = None) -> Participant:
    """Someone who came without registering: recorded as present straight away."""
    person = clean_person(person, event, contact_required=False)
    with transaction.atomic():
        event = lock(event)
        if event.status == EventStatus.CANCELLED:
            raise ValidationError(_("Sự kiện đã hủy."))
        participant = _insert(event, person, Source.WALK_IN, ParticipantStatus.ATTENDED, actor, "")
        participant.checked_in_at = timezone.now()
        participant.save(update_fields=["checked_in_at"])
        _history(participant, "", ParticipantStatus.ATTENDED, actor, note=_("đến trực tiếp"))
        record(
            AuditAction.CREATED,
            actor=actor,
            request=request,
            target=participant,
            unit=event.organiser,
            summary=f"{event.title[:120]}: walk-in",
        )
    return participant
