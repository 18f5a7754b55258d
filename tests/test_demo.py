"""`toandan load-demo` loads the directory, one account per role and the seed plan's header, idempotently."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from toandan.accounts.models import User
from toandan.orgs.models import Membership, Role
from toandan.plans.models import Plan

pytestmark = pytest.mark.django_db


def test_load_demo_twice() -> None:
    out = StringIO()
    call_command("load_demo", stdout=out)
    call_command("load_demo", stdout=StringIO())
    assert "quantri" in out.getvalue() and "ToanDan@2026" in out.getvalue()
    assert set(Membership.objects.values_list("role", flat=True)) == set(Role.values)
    assert User.objects.filter(memberships__isnull=True, username="congdan").exists()
    assert User.objects.filter(is_demo=True).count() == 6
    plan = Plan.objects.get()
    assert plan.number == "249/KH-BCĐ138" and plan.issued_on == date(2022, 5, 25)
    assert plan.issuer.code == "bcd138" and plan.title.startswith("Thực hiện Chỉ thị số 03/CT-UBND")


def test_load_demo_publishes_example_awareness_content() -> None:
    from toandan.awareness.models import ContentItem, QuizBank

    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    live = ContentItem.objects.live()
    assert set(live.values_list("kind", flat=True)) == {"article", "warning", "legal", "faq"}
    assert live.count() == ContentItem.objects.count() == 4
    assert QuizBank.objects.get().questions.count() == 4


def test_load_demo_adds_two_events_once() -> None:
    from toandan.events.models import Event

    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    events = Event.objects.order_by("starts_at")
    assert events.count() == 2 and all(e.status == "published" and e.questions.count() == 3 for e in events)
    assert {e.task.ref for e in events} == {"II.4", "II.6"}
