"""The breach register: the 72-hour clock from discovery, time left shown, overdue flagged, notification and
closing recorded with history; and the processing dossier generated from the inventory."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document

from toandan.privacy import breaches, registry, retention
from toandan.privacy.models import Breach, BreachStatus
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db


def local(dt: Any) -> str:
    return timezone.localtime(dt).strftime("%Y-%m-%dT%H:%M")


def new_breach(client: Any, hours_ago: int) -> Breach:
    data = {
        "title": f"Lộ danh sách người tham gia ({hours_ago} giờ)",
        "discovered_at": local(timezone.now() - timedelta(hours=hours_ago)),
        "description": "Bảng tính danh sách người tham gia bị gửi nhầm địa chỉ thư.",
        "data_kinds": "Họ tên, số điện thoại",
        "subjects_estimate": "40",
        "measures": "",
    }
    response = client.post(reverse("privacy:breaches"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Breach.objects.get(title=data["title"])


def test_the_72_hour_clock(provincial_officer: Any) -> None:
    client = staff_client(provincial_officer)
    fresh = new_breach(client, hours_ago=10)
    late = new_breach(client, hours_ago=80)
    assert 61 <= breaches.time_left(fresh).total_seconds() / 3600 <= 62
    assert breaches.overdue(late) and not breaches.overdue(fresh)
    page = client.get(reverse("privacy:breaches")).content.decode()
    assert "còn 61 giờ" in page or "còn 62 giờ" in page
    assert "quá hạn 8 giờ" in page or "quá hạn 7 giờ" in page

    url = reverse("privacy:breach", args=[late.pk])
    bad = client.post(
        url,
        {
            "action": "notify",
            "notified_at": local(late.discovered_at - timedelta(hours=1)),
            "reference": "123/CV",
        },
    )
    assert bad.status_code == 400
    late.refresh_from_db()
    assert late.status == BreachStatus.OPEN
    ok = client.post(
        url, {"action": "notify", "notified_at": local(timezone.now()), "reference": "123/CV-PA05"}
    )
    assert ok.status_code == 302
    late.refresh_from_db()
    assert late.status == BreachStatus.NOTIFIED and breaches.notified_late(late)
    assert "đã thông báo, quá 72 giờ" in client.get(url).content.decode()
    client.post(
        url, {"action": "close", "measures": "Đổi mật khẩu, thu hồi thư, thông báo người bị ảnh hưởng."}
    )
    late.refresh_from_db()
    assert late.status == BreachStatus.CLOSED
    assert [e.to_status for e in late.events.all()] == ["open", "notified", "closed"]


def test_a_breach_cannot_be_discovered_in_the_future(provincial_officer: Any) -> None:
    client = staff_client(provincial_officer)
    response = client.post(
        reverse("privacy:breaches"),
        {
            "title": "x",
            "discovered_at": local(timezone.now() + timedelta(days=1)),
            "description": "d",
            "data_kinds": "k",
        },
    )
    assert response.status_code == 400 and not Breach.objects.exists()


def test_the_dossier_lists_every_declared_field_and_the_schedule_in_force(admin_user: Any) -> None:
    retention.set_period("events.participants", 120, actor=admin_user, reason="Rút ngắn theo quy chế")
    response = staff_client(admin_user).get(reverse("privacy:dossier"))
    assert response.status_code == 200 and response["Content-Type"].endswith("wordprocessingml.document")
    doc = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert "HỒ SƠ ĐÁNH GIÁ TÁC ĐỘNG XỬ LÝ DỮ LIỆU CÁ NHÂN" in text
    for field in registry.declared_fields():
        assert f"({field})" in cells, field
    for kind in registry.kinds():
        assert str(kind.label) in cells
    assert "120 ngày" in cells  # the administrator's value, not the default
    assert "72 giờ" in text
