"""Check-in: the scan endpoint (QR address or bare code, idempotent for retried scans, keeping the scan's
time), search by name, walk-ins, the QR's own address, and the attendance list in XLSX."""

from __future__ import annotations

import io
import json
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from event_helpers import person
from openpyxl import load_workbook

from toandan.events import links
from toandan.events.models import Event, Participant, ParticipantStatus
from toandan.events.registration import register
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db


def scan(client: Any, event: Event, code: str, at: str | None = None) -> Any:
    body = {"code": code} | ({"at": at} if at else {})
    return client.post(
        f"/can-bo/su-kien/{event.pk}/diem-danh/quet/", json.dumps(body), content_type="application/json"
    )


def test_scan_checks_in_once_and_repeats_harmlessly(make_event: Any, commune_a_officer: Any) -> None:
    start = timezone.now() - timedelta(hours=1)
    event = make_event(starts_at=start, ends_at=start + timedelta(hours=3))
    p = register(event, person(1))
    client = staff_client(commune_a_officer)
    qr_text = "http://testserver" + links.checkin_path(p.checkin_code)
    scanned_at = (timezone.now() - timedelta(minutes=2)).isoformat()
    first = scan(client, event, qr_text, scanned_at)
    assert first.json() == {"ok": True, "name": p.name, "already": False}
    p.refresh_from_db()
    assert p.status == ParticipantStatus.ATTENDED
    assert abs((p.checked_in_at - timezone.now()).total_seconds() - (-120)) < 5  # the queued scan's time
    again = scan(client, event, p.checkin_code)
    assert again.json()["already"] is True
    assert p.history.filter(to_status=ParticipantStatus.ATTENDED).count() == 1


def test_scan_of_another_event_or_garbage_is_refused(
    event: Event, make_event: Any, commune_a_officer: Any
) -> None:
    other = make_event(title="Buổi khác")
    p = register(other, person(1))
    client = staff_client(commune_a_officer)
    response = scan(client, event, p.checkin_code)
    assert response.status_code == 422 and response.json()["detail"] == "Mã không thuộc sự kiện này."
    assert (
        client.post(
            f"/can-bo/su-kien/{event.pk}/diem-danh/quet/", "{nope", content_type="application/json"
        ).status_code
        == 400
    )
    assert Participant.objects.get().status == ParticipantStatus.REGISTERED


def test_scan_needs_organiser(event: Event, commune_b_officer: Any) -> None:
    p = register(event, person(1))
    assert scan(staff_client(commune_b_officer), event, p.checkin_code).status_code == 404
    from django.test import Client

    assert scan(Client(), event, p.checkin_code).status_code == 302  # to sign-in
    assert Participant.objects.get().status == ParticipantStatus.REGISTERED


def test_cancelled_registration_cannot_check_in(event: Event, commune_a_officer: Any) -> None:
    from toandan.events.registration import cancel

    p = register(event, person(1))
    cancel(p)
    response = scan(staff_client(commune_a_officer), event, p.checkin_code)
    assert response.status_code == 422 and "đã hủy" in response.json()["detail"]


def test_search_by_name_and_check_in(event: Event, commune_a_officer: Any) -> None:
    from toandan.events.registration import Person

    p = register(event, Person("Phạm Thị Hoa", phone="0912111222"))
    register(event, Person("Võ Văn Minh", phone="0912111333"))
    client = staff_client(commune_a_officer)
    page = client.get(f"/can-bo/su-kien/{event.pk}/diem-danh/", {"q": "Hoa"}).content.decode()
    assert "Phạm Thị Hoa" in page and "Võ Văn Minh" not in page
    client.post(f"/can-bo/su-kien/{event.pk}/diem-danh/{p.pk}/")
    assert Participant.objects.get(pk=p.pk).status == ParticipantStatus.ATTENDED


def test_qr_address_opens_confirmation_for_organiser(event: Event, commune_a_officer: Any) -> None:
    p = register(event, person(1))
    client = staff_client(commune_a_officer)
    url = links.checkin_path(p.checkin_code)
    assert p.name in client.get(url).content.decode()
    assert Participant.objects.get().status == ParticipantStatus.REGISTERED  # GET changes nothing
    client.post(url)
    assert Participant.objects.get().status == ParticipantStatus.ATTENDED


def test_walk_in_recorded_present(event: Event, commune_a_officer: Any) -> None:
    client = staff_client(commune_a_officer)
    client.post(
        f"/can-bo/su-kien/{event.pk}/diem-danh/vang-lai/",
        {"name": "Đặng Văn Tới", "phone": "", "email": "", "unit": "", "audience": "citizens"},
    )
    p = Participant.objects.get()
    assert p.status == ParticipantStatus.ATTENDED and p.source == "walk_in" and p.checked_in_at
    response = client.post(
        f"/can-bo/su-kien/{event.pk}/diem-danh/vang-lai/", {"name": "", "audience": "citizens"}
    )
    assert response.status_code == 302 and Participant.objects.count() == 1


def test_attendance_export(event: Event, commune_a_officer: Any) -> None:
    present = register(event, person(1))
    register(event, person(2))
    client = staff_client(commune_a_officer)
    scan(client, event, present.checkin_code)
    response = client.get(f"/can-bo/su-kien/{event.pk}/diem-danh.xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cells and "Ký tên" in cells
    assert present.name in cells and person(2).name not in cells
    assert "Tổng số người tham dự: 1" in cells
