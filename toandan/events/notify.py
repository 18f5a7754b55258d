"""E-mails to participants: confirmation, promotion from the waiting list, the reminder the day before.
Sent by the worker after the commit (core.tasks.queue_email); nothing is sent without an address."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from toandan.core.tasks import queue_email
from toandan.events import contacts, links
from toandan.events.models import Event, EventStatus, Participant, ParticipantStatus


def _when(event: Event) -> str:
    return date_format(timezone.localtime(event.starts_at), "H:i, d/m/Y")


def _where(event: Event) -> str:
    parts = [event.venue, event.commune.name if event.commune_id else "", event.online_url]
    return ", ".join(p for p in parts if p)


def _links(participant: Participant) -> str:
    base = participant.link_base.rstrip("/")
    return _("Vé và mã QR điểm danh: %(ticket)s\nHủy đăng ký: %(cancel)s") % {
        "ticket": base + links.ticket_path(participant.pk),
        "cancel": base + links.cancel_path(participant.pk),
    }


def registered(participant: Participant, email: str) -> None:
    if not email:
        return
    event = participant.event
    if participant.status == ParticipantStatus.WAITLISTED:
        intro = _("Sự kiện đã đủ chỗ: bạn ở danh sách chờ và sẽ được báo khi có chỗ.")
    else:
        intro = _("Bạn đã đăng ký tham dự thành công.")
    body = _(
        "Chào %(name)s,\n\n%(intro)s\n\n%(title)s\nThời gian: %(when)s\nĐịa điểm: %(where)s\n\n%(links)s"
    ) % {
        "name": participant.name,
        "intro": intro,
        "title": event.title,
        "when": _when(event),
        "where": _where(event),
        "links": _links(participant),
    }
    queue_email([email], _("Xác nhận đăng ký: %(title)s") % {"title": event.title[:80]}, body)


def promoted(participant: Participant) -> None:
    email = contacts.unseal(participant.email)
    if not email or email == "?":
        return
    event = participant.event
    body = _("Chào %(name)s,\n\nĐã có chỗ cho bạn tại %(title)s (%(when)s, %(where)s).\n\n%(links)s") % {
        "name": participant.name,
        "title": event.title,
        "when": _when(event),
        "where": _where(event),
        "links": _links(participant),
    }
    queue_email([email], _("Đã có chỗ: %(title)s") % {"title": event.title[:80]}, body)


def send_reminders(now=None) -> int:  # type: ignore[no-untyped-def]
    """E-mail everyone holding a seat at an event that starts tomorrow (local date), once per event."""
    now = now or timezone.now()
    tomorrow = timezone.localtime(now).date() + timedelta(days=1)
    sent = 0
    due = Event.objects.filter(status=EventStatus.PUBLISHED, reminded_at__isnull=True)
    for event in due.filter(starts_at__date=tomorrow).select_related("commune"):
        with transaction.atomic():
            # The conditional update lets one worker claim the event; a second run finds nothing to do.
            if not Event.objects.filter(pk=event.pk, reminded_at__isnull=True).update(reminded_at=now):
                continue
            for participant in event.participants.filter(status=ParticipantStatus.REGISTERED).exclude(
                email=""
            ):
                email = contacts.unseal(participant.email)
                if not email or email == "?":
                    continue
                body = _(
                    "Chào %(name)s,\n\nNhắc lịch: %(title)s diễn ra lúc %(when)s tại %(where)s.\n\n%(links)s"
                ) % {
                    "name": participant.name,
                    "title": event.title,
                    "when": _when(event),
                    "where": _where(event),
                    "links": _links(participant),
                }
                queue_email([email], _("Nhắc lịch ngày mai: %(title)s") % {"title": event.title[:80]}, body)
                sent += 1
    return sent
