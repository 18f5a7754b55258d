"""Participants' personal data is kept only as long as needed: EVENTS_PERSONAL_DATA_DAYS after the event
(default 180) names and contacts are removed; statuses, units, audiences, scores and feedback ratings stay, so
every figure can still be computed."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from toandan.core.audit import record
from toandan.core.models import AuditAction
from toandan.events.models import Certificate, Event, Feedback, Participant


def retention_days() -> int:
    return int(getattr(settings, "EVENTS_PERSONAL_DATA_DAYS", 180))


@transaction.atomic
def anonymise_event(event: Event) -> int:
    people = Participant.objects.filter(event=event, anonymised=False)
    count = people.update(
        name=_("(đã ẩn danh)"), phone="", email="", contact_hash="", link_base="", user=None, anonymised=True
    )
    Certificate.objects.filter(participant__event=event).update(holder_name="")
    Feedback.objects.filter(participant__event=event).update(comment="")
    Event.objects.filter(pk=event.pk).update(anonymised_at=timezone.now())
    record(AuditAction.STATE_CHANGED, target=event, unit=event.organiser, summary=f"anonymised {count}")
    return count


def anonymise_expired(now=None) -> int:  # type: ignore[no-untyped-def]
    cutoff = (now or timezone.now()) - timedelta(days=retention_days())
    total = 0
    for event in Event.objects.filter(ends_at__lt=cutoff, anonymised_at__isnull=True):
        total += anonymise_event(event)
    return total
