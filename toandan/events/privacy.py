"""Participants' personal data is kept only as long as needed: a set time after the event (the privacy app's
retention schedule, kind "events.participants", 180 days unless an administrator changes it; declared in
events.personal_data) names and contacts are removed; statuses, units, audiences, scores and feedback
ratings stay, so every figure can still be computed."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from toandan.core.audit import record
from toandan.core.models import AuditAction
from toandan.events.models import Certificate, Event, Feedback, Participant


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


def expired_events(cutoff: datetime) -> QuerySet[Event]:
    return Event.objects.filter(ends_at__lt=cutoff, anonymised_at__isnull=True)


def anonymise_expired(cutoff: datetime) -> int:
    """Anonymise the participants of every event that ended before `cutoff`; returns how many people."""
    total = 0
    for event in expired_events(cutoff):
        total += anonymise_event(event)
    return total
