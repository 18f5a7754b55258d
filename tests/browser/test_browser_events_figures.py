"""An event's figures reach the plan in a real browser: after the event the organiser posts its figures with
one button, the plan task's assignment page shows them, and the provincial police's period report opens with
the numbers already counted (no retyping)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from browser.test_browser_events import make_event, signed_in_page
from playwright.sync_api import expect

from toandan.accounts.models import User
from toandan.events.models import Event
from toandan.events.registration import Person, check_in, register, walk_in
from toandan.orgs.models import Unit
from toandan.plans.models import ReportingPeriod

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_event_figures_reach_the_task_and_the_period_report(
    browser: Any, live_server: Any, commune_a_officer: User, provincial_officer: User, assert_accessible: Any
) -> None:
    event = make_event(commune_a_officer)
    for n, name in enumerate(["Trần Thị Bình", "Lê Văn An", "Phạm Thị Hoa"]):
        p = register(event, Person(name, phone=f"090512345{n}"))
        if n < 2:
            check_in(event, pk=p.pk, actor=commune_a_officer)
    walk_in(event, Person("Võ Văn Tư", phone="0905999000"), actor=commune_a_officer)
    now = event.starts_at - timedelta(minutes=30)  # make_event starts it 30 minutes from now
    Event.objects.filter(pk=event.pk).update(
        starts_at=now - timedelta(hours=3), ends_at=now - timedelta(hours=1)
    )
    today = now.date()
    period = ReportingPeriod.objects.create(
        plan=event.task.plan,
        frequency="quarterly",
        year=today.year,
        index=4,
        starts_on=today - timedelta(days=30),
        ends_on=today + timedelta(days=30),
        due_on=today + timedelta(days=35),
    )

    context, organiser = signed_in_page(browser, live_server, commune_a_officer)
    organiser.set_viewport_size({"width": 360, "height": 740})
    organiser.goto(live_server.url + f"/can-bo/su-kien/{event.pk}/")
    expect(organiser.locator("#fig-attended")).to_contain_text("3")
    organiser.get_by_role("button", name="Đưa số liệu vào kế hoạch").click()
    # The task is led by the provincial police: the commune organiser sees where the figures went, without a
    # link to a page it may not open.
    expect(organiser.locator("#figures-posted")).to_contain_text("Công an tỉnh")
    expect(organiser.locator("#figures-posted a")).to_have_count(0)
    assert_accessible(organiser)
    context.close()

    context, province = signed_in_page(browser, live_server, provincial_officer)
    province.set_viewport_size({"width": 360, "height": 740})
    province.goto(live_server.url + f"/can-bo/su-kien/{event.pk}/")
    province.locator("#figures-posted a").click()
    body = province.locator("main")
    expect(body).to_contain_text("Đăng ký: 3; tham dự: 3 (trong đó 1 người đến trực tiếp).")
    expect(body).to_contain_text("Số lượt người được tuyên truyền")
    assert_accessible(province)
    unit = Unit.objects.get(code="ca-tinh")
    province.goto(live_server.url + f"/can-bo/ke-hoach/{event.task.plan.pk}/ky/{period.pk}/don-vi/{unit.pk}/")
    expect(province.get_by_label("Số lượt người được tuyên truyền (lượt người)")).to_have_value("3")
    expect(province.get_by_label("Số buổi tuyên truyền, hội nghị, tập huấn (buổi)")).to_have_value("1")
    assert_accessible(province)
    context.close()
