"""Events as iCalendar (RFC 5545) through the `icalendar` package: one event or the public feed."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from toandan.events.models import Event


def _where(event: Event) -> str:
    parts = [event.venue, event.commune.name if event.commune_id else ""]
    return ", ".join(p for p in parts if p) or event.online_url


def calendar(events: Iterable[Event], base_url: str, host: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Toan Dan//Su kien//VI")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Toàn Dân – sự kiện")
    for event in events:
        item = CalendarEvent()
        item.add("uid", f"event-{event.pk}@{host}")
        item.add("dtstamp", timezone.now())
        item.add("dtstart", event.starts_at)
        item.add("dtend", event.ends_at)
        item.add("summary", event.title)
        item.add("description", "\n\n".join(p for p in (event.description, event.agenda) if p))
        item.add("location", _where(event))
        item.add("url", base_url + f"/su-kien/{event.pk}/")
        item.add("categories", [event.get_kind_display()])
        if event.status == "cancelled":
            item.add("status", "CANCELLED")
        cal.add_component(item)
    return cal.to_ical()
