"""Registration through the public page and the services: seats, waiting list, automatic promotion,
cancellation by the signed link, bad input, rate limits and the privacy of contact details."""

from __future__ import annotations

import re
import threading
from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from event_helpers import person

from toandan.core.models import AuditEvent
from toandan.events import links
from toandan.events.models import Event, Participant, ParticipantHistory, ParticipantStatus
from toandan.events.registration import Person, cancel, register, set_capacity
from toandan.orgs.models import Unit

pytestmark = pytest.mark.django_db


def form(**extra: Any) -> dict[str, Any]:
    data = {
        "name": "Trần Thị Bình",
        "phone": "0905 123 456",
        "email": "binh@example.vn",
        "commune": Unit.objects.get(code="phuong-cam-thanh-21025").pk,
        "audience": "citizens",
        "consent": "on",
    }
    data.update(extra)
    return data


def test_citizen_registers_without_account_and_gets_ticket(
    event: Event, django_capture_on_commit_callbacks: Any
) -> None:
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/su-kien/{event.pk}/", form())
    assert response.status_code == 302
    participant = Participant.objects.get()
    assert participant.status == ParticipantStatus.REGISTERED
    # Contact details are encrypted at rest, never stored as typed.
    assert "0905123456" not in participant.phone and participant.phone
    assert "binh@example.vn" not in participant.email
    assert response["Location"] == links.ticket_path(participant.pk)
    ticket = client.get(response["Location"])
    assert "Trần Thị Bình" in ticket.content.decode()
    assert client.get(links.ticket_path(participant.pk) + "qr.png")["Content-Type"] == "image/png"
    assert len(mail.outbox) == 1 and "binh@example.vn" in mail.outbox[0].to
    assert "http://testserver/su-kien/huy/" in mail.outbox[0].body
    assert ParticipantHistory.objects.get().to_status == ParticipantStatus.REGISTERED


def test_bad_input_is_explained_and_nothing_stored(event: Event) -> None:
    client = Client()
    response = client.post(f"/su-kien/{event.pk}/", form(phone="12ab", email=""))
    assert response.status_code == 400
    assert "Số điện thoại “12ab” không hợp lệ." in response.content.decode()
    response = client.post(f"/su-kien/{event.pk}/", form(phone="", email=""))
    assert "Nhập số điện thoại hoặc thư điện tử" in response.content.decode()
    response = client.post(f"/su-kien/{event.pk}/", form(consent=""))
    assert response.status_code == 400
    assert not Participant.objects.exists()


def test_same_contact_cannot_register_twice(event: Event) -> None:
    register(event, Person("A", phone="0912000001"))
    with pytest.raises(Exception, match="đã đăng ký"):
        register(event, Person("B", phone="+84 912 000 001"))
    assert Participant.objects.count() == 1


def test_full_event_waitlists_and_cancellation_promotes_first_waiting(
    event: Event, django_capture_on_commit_callbacks: Any
) -> None:
    a = register(event, person(1))
    register(event, person(2))
    c = register(event, person(3, email="c@example.vn"))
    d = register(event, person(4))
    assert [p.status for p in (c, d)] == [ParticipantStatus.WAITLISTED] * 2
    client = Client()
    url = links.cancel_path(a.pk)
    assert "Xác nhận hủy" in client.get(url).content.decode()  # a GET (a mail scanner) changes nothing
    assert Participant.objects.get(pk=a.pk).status == ParticipantStatus.REGISTERED
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert "Đăng ký đã được hủy" in response.content.decode()
    statuses = dict(Participant.objects.values_list("pk", "status"))
    assert statuses[a.pk] == ParticipantStatus.CANCELLED
    assert statuses[c.pk] == ParticipantStatus.REGISTERED  # first come, first promoted
    assert statuses[d.pk] == ParticipantStatus.WAITLISTED
    assert [m.to for m in mail.outbox] == [["c@example.vn"]]
    assert "Đã có chỗ" in mail.outbox[0].subject
    assert client.post(url).status_code == 200  # cancelling twice is harmless
    assert Participant.objects.seated().count() == 2


def test_forged_or_swapped_links_are_refused(event: Event) -> None:
    a = register(event, person(1))
    client = Client()
    assert client.post(f"/su-kien/huy/{links.ticket_token(a.pk)}/").status_code == 404  # ticket ≠ cancel
    assert client.get(f"/su-kien/ve/{links.cancel_token(a.pk)}/").status_code == 404
    assert client.get("/su-kien/ve/1:abc/").status_code == 404
    assert Participant.objects.get().status == ParticipantStatus.REGISTERED


def test_more_seats_promote_people_waiting(event: Event, commune_a_officer: Any) -> None:
    for n in range(5):
        register(event, person(n))
    promoted = set_capacity(event, 4, actor=commune_a_officer)
    assert [p.name for p in promoted] == [person(2).name, person(3).name]
    assert Participant.objects.seated().count() == 4


def test_cancelled_contact_may_register_again(event: Event) -> None:
    a = register(event, person(1))
    cancel(a)
    again = register(event, person(1))
    assert again.status == ParticipantStatus.REGISTERED


def test_registration_rate_limited_per_address_and_contact(event: Event, settings: Any) -> None:
    event.capacity = 100
    event.save()
    settings.EVENTS_RATE_REGISTER_CONTACT = "1/h"
    settings.EVENTS_RATE_REGISTER = "3/h"
    client = Client()
    assert client.post(f"/su-kien/{event.pk}/", form()).status_code == 302
    assert client.post(f"/su-kien/{event.pk}/", form(name="Khác")).status_code == 429  # same contact
    assert client.post(f"/su-kien/{event.pk}/", form(phone="0913000001", email="")).status_code == 302
    assert client.post(f"/su-kien/{event.pk}/", form(phone="0913999999", email="")).status_code == 429
    assert Participant.objects.count() == 2


def test_public_pages_show_no_participant_data(event: Event) -> None:
    register(event, person(1))
    page = Client().get(f"/su-kien/{event.pk}/").content.decode()
    assert person(1).name not in page
    assert "Còn 1 chỗ." in page


def test_contacts_only_for_organisers_and_audited(
    event: Event, commune_a_officer: Any, commune_b_officer: Any
) -> None:
    from toandan.web.testing import staff_client

    register(event, Person("Lê Văn Cường", phone="0912345678", email="cuong@example.vn"))
    assert staff_client(commune_b_officer).get(f"/can-bo/su-kien/{event.pk}/lien-he/").status_code in (
        403,
        404,
    )
    page = staff_client(commune_a_officer).get(f"/can-bo/su-kien/{event.pk}/lien-he/").content.decode()
    assert "0912345678" in page and "cuong@example.vn" in page
    assert AuditEvent.objects.filter(action="pii.viewed", object_id=str(event.pk)).count() == 1
    detail = staff_client(commune_a_officer).get(f"/can-bo/su-kien/{event.pk}/").content.decode()
    assert "0912345678" not in detail


@pytest.mark.django_db(transaction=True)
def test_last_seat_race_on_postgresql(make_event: Any) -> None:
    """Twelve sign-ups at once for ten seats: the row lock lets exactly ten through."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's; SQLite serialises writers itself")
    event = make_event(capacity=10)
    barrier = threading.Barrier(12)
    errors: list[BaseException] = []

    def sign_up(n: int) -> None:
        try:
            barrier.wait()
            register(Event.objects.get(pk=event.pk), person(n))
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign_up, args=(n,)) for n in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert Participant.objects.filter(event=event, status="registered").count() == 10
    assert Participant.objects.filter(event=event, status="waitlisted").count() == 2


def test_ticket_links_in_mail_are_absolute(event: Event, django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        register(event, person(1, email="x@example.vn"), link_base="https://toandan.example")
    assert re.search(r"https://toandan\.example/su-kien/ve/[^/\s]+/", mail.outbox[0].body)
