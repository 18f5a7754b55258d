"""The public calendar (filters by commune and audience), the iCalendar feed, rate limits on public pages,
and anonymisation of participants a set time after the event, with the figures kept."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from event_helpers import person
from icalendar import Calendar

from toandan.core.models import AuditEvent
from toandan.events.figures import figures
from toandan.events.models import Certificate, EventStatus, Participant
from toandan.events.privacy import anonymise_expired
from toandan.events.registration import check_in, register
from toandan.orgs.models import Unit

pytestmark = pytest.mark.django_db


def test_calendar_filters_and_hides_drafts(make_event: Any) -> None:
    here = make_event(title="Ở Cẩm Thành", audience="citizens")
    there = make_event(
        title="Ở Nghĩa Lộ", audience="students", commune=Unit.objects.get(code="phuong-nghia-lo-21028")
    )
    make_event(title="Bản nháp", status=EventStatus.DRAFT)
    make_event(title="Nội bộ", is_public=False)
    start = timezone.now() - timedelta(days=3)
    make_event(title="Đã qua", starts_at=start, ends_at=start + timedelta(hours=1))
    client = Client()
    page = client.get("/su-kien/").content.decode()
    assert here.title in page and there.title in page
    assert "Bản nháp" not in page and "Nội bộ" not in page and "Đã qua" not in page
    page = client.get("/su-kien/", {"commune": there.commune_id}).content.decode()
    assert there.title in page and here.title not in page
    page = client.get("/su-kien/", {"audience": "citizens"}).content.decode()
    assert here.title in page and there.title not in page
    assert client.get("/su-kien/", {"audience": "xyz"}).status_code == 200


def test_ical_feed_and_single_event(event: Any) -> None:
    client = Client()
    response = client.get("/su-kien/lich.ics")
    assert response["Content-Type"].startswith("text/calendar")
    cal = Calendar.from_ical(response.content)
    (item,) = [c for c in cal.walk("VEVENT")]
    assert str(item["summary"]) == event.title
    assert item.decoded("dtstart") == event.starts_at.replace(microsecond=0)
    assert "Phường Cẩm Thành" in str(item["location"])
    assert str(item["url"]).endswith(f"/su-kien/{event.pk}/")
    single = client.get(f"/su-kien/{event.pk}/lich.ics")
    assert b"BEGIN:VEVENT" in single.content


def test_public_reads_are_rate_limited(event: Any, settings: Any) -> None:
    settings.EVENTS_RATE_READ = "3/m"
    client = Client()
    codes = [client.get(f"/su-kien/{event.pk}/").status_code for _n in range(4)]
    assert codes == [200, 200, 200, 429]
    assert Client().get("/su-kien/chung-nhan/X/", REMOTE_ADDR="10.0.0.9").status_code == 404


def test_participants_anonymised_after_retention_figures_kept(
    make_event: Any, commune_a_officer: Any
) -> None:
    cutoff = timezone.now() - timedelta(days=30)  # the privacy app's run passes its schedule's cut-off
    start = timezone.now() - timedelta(days=40)
    old = make_event(title="Cũ", starts_at=start, ends_at=start + timedelta(hours=2))
    recent = make_event(title="Mới")
    p = register(recent, person(9, email="giu@example.vn"))
    Participant.objects.create(
        event=old,
        name="Người Cũ",
        phone="x",
        email="y",
        contact_hash="h",
        audience="citizens",
        source="public",
        status="attended",
        checkin_code="old-code",
        checked_in_at=start,
    )
    Certificate.objects.create(
        participant=Participant.objects.get(name="Người Cũ"), number="SK1", holder_name="Người Cũ"
    )
    before = figures(old)
    assert anonymise_expired(cutoff) == 1
    gone = Participant.objects.get(event=old)
    assert (
        gone.anonymised
        and gone.name == "(đã ẩn danh)"
        and gone.phone == gone.email == gone.contact_hash == ""
    )
    assert Certificate.objects.get().holder_name == ""
    assert figures(old).attended == before.attended == 1
    assert Participant.objects.get(pk=p.pk).name == person(9).name  # recent events keep their data
    assert anonymise_expired(cutoff) == 0
    assert AuditEvent.objects.filter(object_type="events.event", object_id=str(old.pk)).exists()
    check_in(recent, pk=p.pk, actor=commune_a_officer)
