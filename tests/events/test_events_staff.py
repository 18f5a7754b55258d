"""Organisers create and publish events through the staff pages; bad input is explained and stores nothing;
materials go through the platform's upload cleaning; only the organiser unit's staff change an event."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from toandan.core.models import AuditEvent
from toandan.events.models import Event, EventMaterial, EventStatus
from toandan.orgs.models import Unit
from toandan.plans.models import Plan
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (40, 30), "red")
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (15.0, 7.0, 0.0)}
    exif[0x010F] = "CameraMaker"
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def form(plan: Plan, officer: Any, **extra: Any) -> dict[str, Any]:
    data = {
        "task": plan.tasks.get(ref="II.6").pk,
        "title": "Hội thảo phòng chống lừa đảo cho giáo viên",
        "kind": "workshop",
        "topic": "Lừa đảo qua mạng",
        "organiser": officer.memberships.get().unit_id,
        "audience": "teachers",
        "starts_at": "2031-05-10T08:00",
        "ends_at": "2031-05-10T11:00",
        "commune": Unit.objects.get(code="phuong-cam-thanh-21025").pk,
        "venue": "Trường THCS Nguyễn Nghiêm",
        "capacity": "50",
        "is_public": "on",
        "pass_percent": "70",
        "speakers": "Đại úy Nguyễn An\nThạc sĩ Lê Bình",
    }
    data.update(extra)
    return data


def test_create_with_material_then_publish(seed_plan: Plan, commune_a_officer: Any) -> None:
    client = staff_client(commune_a_officer)
    assert client.get("/can-bo/su-kien/moi/").status_code == 200
    upload = SimpleUploadedFile("bai-giang.jpg", jpeg_with_gps(), content_type="image/jpeg")
    response = client.post(
        "/can-bo/su-kien/moi/", {**form(seed_plan, commune_a_officer), "materials": [upload]}
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    event = Event.objects.get()
    assert event.status == EventStatus.DRAFT and event.speaker_list() == [
        "Đại úy Nguyễn An",
        "Thạc sĩ Lê Bình",
    ]
    material = EventMaterial.objects.get()
    with material.file.open("rb") as handle:
        stored = handle.read()
    assert b"CameraMaker" not in stored and Image.open(io.BytesIO(stored)).getexif().get(0x8825) is None
    assert AuditEvent.objects.filter(action="state.created", object_type="events.event").count() == 1
    # A draft is not public yet.
    assert client.get(f"/su-kien/{event.pk}/").status_code == 404
    client.post(f"/can-bo/su-kien/{event.pk}/tinh-trang/", {"status": "published"})
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED
    page = client.get(f"/su-kien/{event.pk}/").content.decode()
    assert "Trường THCS Nguyễn Nghiêm" in page and "bai-giang.jpg" in page
    assert client.get(f"/su-kien/tai-lieu/{material.pk}/").status_code == 200
    # Each status change is a history row with who made it, shown on the organiser's page.
    client.post(f"/can-bo/su-kien/{event.pk}/tinh-trang/", {"status": "cancelled"})
    assert list(event.history.values_list("from_status", "to_status", "actor")) == [
        ("", "draft", commune_a_officer.pk),
        ("draft", "published", commune_a_officer.pk),
        ("published", "cancelled", commune_a_officer.pk),
    ]
    staff_page = client.get(f"/can-bo/su-kien/{event.pk}/").content.decode()
    assert "Bản nháp → Đang mở" in staff_page and "Đang mở → Đã hủy" in staff_page


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"ends_at": "2031-05-10T07:00"}, "Giờ kết thúc phải sau giờ bắt đầu."),
        ({"commune": "", "venue": "", "online_url": ""}, "Nhập địa điểm"),
        ({"capacity": "0"}, "Số chỗ phải lớn hơn 0."),
        ({"starts_at": "mai"}, "Nhập một ngày/thời gian hợp lệ."),
    ],
)
def test_bad_event_input_is_explained(
    seed_plan: Plan, commune_a_officer: Any, extra: dict, message: str
) -> None:
    response = staff_client(commune_a_officer).post(
        "/can-bo/su-kien/moi/", form(seed_plan, commune_a_officer, **extra)
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Event.objects.exists()


def test_bad_material_refused_nothing_stored(seed_plan: Plan, commune_a_officer: Any) -> None:
    upload = SimpleUploadedFile("virus.exe", b"MZ\x90\x00" * 100)
    response = staff_client(commune_a_officer).post(
        "/can-bo/su-kien/moi/", {**form(seed_plan, commune_a_officer), "materials": [upload]}
    )
    assert response.status_code == 400
    assert "không phải ảnh" in response.content.decode()
    assert not Event.objects.exists() and not EventMaterial.objects.exists()


def test_task_not_assigned_to_organiser_is_refused(seed_plan: Plan, units: None) -> None:
    from toandan.orgs.models import Role
    from toandan.web.testing import make_staff

    officer = make_staff("canbo.sgd", "so-gddt", Role.UNIT_OFFICER)
    response = staff_client(officer).post("/can-bo/su-kien/moi/", form(seed_plan, officer))
    # The education department sees no plan task assigned to it in the seed plan's II.6: no such choice.
    assert response.status_code == 400
    assert not Event.objects.exists()


def test_other_units_cannot_change_or_see_event(
    event: Event, commune_b_officer: Any, provincial_officer: Any
) -> None:
    other = staff_client(commune_b_officer)
    assert other.get(f"/can-bo/su-kien/{event.pk}/").status_code == 404
    assert other.post(f"/can-bo/su-kien/{event.pk}/tinh-trang/", {"status": "cancelled"}).status_code == 404
    # The standing agency sees and may run every event.
    assert staff_client(provincial_officer).get(f"/can-bo/su-kien/{event.pk}/").status_code == 200
    assert Event.objects.get().status == EventStatus.PUBLISHED


def test_staff_list_query_count(
    event: Event, commune_a_officer: Any, django_assert_max_num_queries: Any
) -> None:
    client = staff_client(commune_a_officer)
    client.get("/can-bo/su-kien/")
    with django_assert_max_num_queries(12):
        assert event.title in client.get("/can-bo/su-kien/").content.decode()
