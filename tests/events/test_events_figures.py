"""An event's figures become one progress update on its plan task through the plans service, and the
period report's prefilled numbers count them."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from event_helpers import person

from toandan.events.models import Event
from toandan.events.registration import check_in, register, walk_in
from toandan.orgs.models import Unit
from toandan.plans.models import ProgressUpdate, ReportingPeriod
from toandan.plans.reporting import progress_totals
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db


def past_event(make_event: Any) -> Event:
    start = timezone.now() - timedelta(hours=3)
    event = make_event(starts_at=start - timedelta(minutes=1), ends_at=start + timedelta(hours=2), capacity=5)
    return event


def test_figures_posted_once_and_counted_in_period_report(make_event: Any, commune_a_officer: Any) -> None:
    event = make_event(capacity=5)
    a = register(event, person(1, audience="students"))
    register(event, person(2))
    b = register(event, person(3, unit_id=Unit.objects.get(code="ca-phuong-cam-thanh-21025").pk))
    for p in (a, b):
        check_in(event, pk=p.pk, actor=commune_a_officer)
    walk_in(event, person(4), actor=commune_a_officer)
    client = staff_client(commune_a_officer)
    response = client.post(f"/can-bo/su-kien/{event.pk}/so-lieu/")
    assert not ProgressUpdate.objects.exists()  # not before the event is over
    Event.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - timedelta(hours=3), ends_at=timezone.now() - timedelta(hours=1)
    )
    response = client.post(f"/can-bo/su-kien/{event.pk}/so-lieu/")
    assert response.status_code == 302
    update = ProgressUpdate.objects.get()
    # Posted on the task's assignment of the unit above the commune station: the provincial police.
    assert update.assignment.task.ref == "II.6" and update.assignment.unit.code == "ca-tinh"
    assert update.author == commune_a_officer
    assert "Đăng ký: 3; tham dự: 3 (trong đó 1 người đến trực tiếp)." in update.narrative
    assert "Công an phường Cẩm Thành: 1" in update.narrative and "Học sinh, sinh viên: 1" in update.narrative
    values = {v.indicator.name: v.value for v in update.values.all()}
    assert values == {"Số buổi tuyên truyền, hội nghị, tập huấn": 1, "Số lượt người được tuyên truyền": 3}

    client.post(f"/can-bo/su-kien/{event.pk}/so-lieu/")
    assert ProgressUpdate.objects.count() == 1  # a second post is refused

    today = timezone.localdate()
    period = ReportingPeriod.objects.create(
        plan=event.task.plan,
        frequency="quarterly",
        year=today.year,
        index=9,
        starts_on=today - timedelta(days=30),
        ends_on=today + timedelta(days=30),
        due_on=today + timedelta(days=35),
    )
    totals = progress_totals(period, Unit.objects.get(code="ca-tinh"))
    assert sorted(totals.values()) == [1, 3]
    page = client.get(f"/can-bo/su-kien/{event.pk}/").content.decode()
    assert 'id="figures-posted"' in page


def test_only_organisers_post_figures(make_event: Any, commune_b_officer: Any) -> None:
    event = past_event(make_event)
    assert staff_client(commune_b_officer).post(f"/can-bo/su-kien/{event.pk}/so-lieu/").status_code == 404
    assert not ProgressUpdate.objects.exists()
