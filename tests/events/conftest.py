"""Fixtures for the events tests: the seed plan, an event of a commune police station carrying out task II.6
(led by the provincial police), and media in a temporary folder."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from event_helpers import person

from toandan.accounts.models import User
from toandan.events.models import Event, EventStatus, Question
from toandan.events.registration import register
from toandan.orgs.models import Unit
from toandan.plans.models import Plan
from toandan.plans.services import load_seed_plan

COMMUNE = "phuong-cam-thanh-21025"
OTHER_COMMUNE = "phuong-nghia-lo-21028"


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def seed_plan(units: None) -> Plan:
    return load_seed_plan()[0]


@pytest.fixture
def make_event(seed_plan: Plan, commune_a_officer: User) -> Callable[..., Event]:
    organiser = commune_a_officer.memberships.get().unit

    def make(**overrides: Any) -> Event:
        start = timezone.now() + timedelta(days=3)
        values: dict[str, Any] = {
            "task": seed_plan.tasks.get(ref="II.6"),
            "title": "Tập huấn nhận diện lừa đảo qua mạng",
            "kind": "training",
            "topic": "Nhận diện lừa đảo",
            "organiser": organiser,
            "audience": "citizens",
            "starts_at": start,
            "ends_at": start + timedelta(hours=2),
            "commune": Unit.objects.get(code=COMMUNE),
            "venue": "Hội trường UBND phường",
            "capacity": 2,
            "status": EventStatus.PUBLISHED,
        }
        values.update(overrides)
        return Event.objects.create(**values)

    return make


@pytest.fixture
def event(make_event: Callable[..., Event]) -> Event:
    return make_event()


@pytest.fixture
def quiz_event(make_event: Callable[..., Event]) -> Event:
    event = make_event(capacity=10)
    Question.objects.create(
        event=event, order=1, text="Có nên đọc mã OTP cho người lạ?", choices=["Có", "Không"], correct=1
    )
    Question.objects.create(
        event=event,
        order=2,
        text="Cơ quan nào nhận tố giác?",
        choices=["Công an", "Người bán hàng"],
        correct=0,
    )
    return event


@pytest.fixture
def registered(event: Event) -> Callable[[int], Any]:
    def make(n: int) -> Any:
        return register(event, person(n), link_base="http://testserver")

    return make
