"""The event journey in a real browser: a citizen registers on a phone-sized screen and gets a QR code; the
organiser's check-in page decodes that QR image with the vendored decoder, keeps a scan made offline and
sends it when the network is back, and checks in a third person found by name; the attendee takes the
after-test and downloads the certificate, whose check page confirms it. The public event pages have no
serious or critical axe-core violations (main's `assert_accessible`)."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from toandan.accounts.models import User
from toandan.events import links
from toandan.events.models import Certificate, Event, Participant, Question
from toandan.events.registration import Person, register
from toandan.orgs.models import Unit
from toandan.plans.services import load_seed_plan
from toandan.web.testing import staff_client

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def make_event(organiser: User) -> Event:
    plan = load_seed_plan()[0]
    start = timezone.now() + timedelta(minutes=30)
    event = Event.objects.create(
        task=plan.tasks.get(ref="II.6"),
        title="Tập huấn nhận diện lừa đảo qua mạng",
        kind="training",
        topic="Nhận diện lừa đảo",
        organiser=organiser.memberships.get().unit,
        audience="citizens",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        commune=Unit.objects.get(code="phuong-cam-thanh-21025"),
        venue="Hội trường UBND phường",
        capacity=30,
        status="published",
    )
    Question.objects.create(
        event=event, order=1, text="Có nên đọc mã OTP cho người lạ?", choices=["Có", "Không"], correct=1
    )
    return event


def signed_in_page(browser: Any, live_server: Any, user: User) -> Any:
    client = staff_client(user)
    context = browser.new_context(locale="vi-VN", accept_downloads=True)
    context.set_default_timeout(15_000)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context, context.new_page()


def test_register_qr_checkin_offline_name_search_certificate(
    browser: Any,
    live_server: Any,
    commune_a_officer: User,
    artifacts: Path,
    tmp_path: Path,
    settings: Any,
    assert_accessible: Any,
) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    event = make_event(commune_a_officer)

    # A citizen on a phone registers and gets a QR code.
    phone = browser.new_context(locale="vi-VN", viewport={"width": 375, "height": 740}, is_mobile=True)
    phone.set_default_timeout(15_000)
    citizen = phone.new_page()
    csp: list[str] = []  # Chromium reports each Content Security Policy violation on the console

    def watch(pg: Any) -> None:
        pg.on("console", lambda m: csp.append(m.text) if "Content Security Policy" in m.text else None)

    watch(citizen)
    citizen.goto(live_server.url + "/su-kien/")
    assert_accessible(citizen)
    citizen.get_by_role("link", name=event.title).click()
    assert_accessible(citizen)
    citizen.get_by_label("Họ và tên").fill("Trần Thị Bình")
    citizen.get_by_label("Số điện thoại").fill("0905123456")
    citizen.get_by_label("Xã, phường nơi ở").select_option(label="Phường Cẩm Thành")
    citizen.get_by_label("Tôi đồng ý").check()
    citizen.get_by_role("button", name="Đăng ký").click()
    citizen.wait_for_selector("#ticket-qr")
    assert citizen.locator("#ticket-status").inner_text() == "Đã đăng ký"
    # Locator waits, not wait_for_function: the CSP (no 'unsafe-eval') refuses a polled string predicate.
    qr = citizen.locator("#ticket-qr")
    expect(qr).to_have_attribute("src", re.compile(".+"))
    expect(qr).to_have_js_property("complete", True)
    assert qr.evaluate("img => img.naturalWidth") > 100
    citizen.screenshot(path=str(artifacts / "event-ticket-phone.png"), full_page=True)
    assert_accessible(citizen)
    ticket_url = citizen.url
    binh = Participant.objects.get(name="Trần Thị Bình")

    # The organiser's check-in page decodes the QR image itself (the camera's frames go the same way).
    qr_png = Client().get(links.ticket_path(binh.pk) + "qr.png").content
    context, organiser = signed_in_page(browser, live_server, commune_a_officer)
    watch(organiser)
    organiser.goto(live_server.url + f"/can-bo/su-kien/{event.pk}/diem-danh/")
    assert organiser.locator("#camera-start").is_visible()
    assert not organiser.locator("#camera-stop").is_visible()
    organiser.locator("#qr-photo").set_input_files(
        files=[{"name": "qr.png", "mimeType": "image/png", "buffer": qr_png}]
    )
    organiser.wait_for_selector("#scan-log li.ok:has-text('Có mặt: Trần Thị Bình')")
    assert Participant.objects.get(pk=binh.pk).status == "attended"

    # A scan while the network is down waits in localStorage and goes out when it is back.
    an = register(event, Person("Lê Văn An", phone="0912000111"))
    context.set_offline(True)
    organiser.evaluate(f"window.toandanCheckin.submit({an.checkin_code!r})")
    organiser.wait_for_selector("#scan-log li.error:has-text('Mất kết nối')")
    assert organiser.locator("#pending-count").inner_text() == "1"
    stored = organiser.evaluate(f"localStorage.getItem('toandan-checkin-{event.pk}')")
    assert an.checkin_code in stored
    assert Participant.objects.get(pk=an.pk).status == "registered"
    context.set_offline(False)
    organiser.evaluate("window.dispatchEvent(new Event('online'))")
    organiser.wait_for_selector("#scan-log li.ok:has-text('Có mặt: Lê Văn An')")
    assert organiser.locator("#pending-count").inner_text() == "0"
    assert Participant.objects.get(pk=an.pk).status == "attended"

    # By name: someone whose phone has no QR code with them.
    register(event, Person("Phạm Thị Hoa", phone="0912000222"))
    organiser.get_by_label("Họ và tên", exact=True).first.fill("Hoa")
    organiser.get_by_role("button", name="Tìm").click()
    organiser.get_by_role("button", name="Điểm danh Phạm Thị Hoa").click()
    organiser.wait_for_selector(".messages >> text=Đã điểm danh Phạm Thị Hoa.")
    assert Participant.objects.get(name="Phạm Thị Hoa").status == "attended"
    organiser.screenshot(path=str(artifacts / "event-checkin.png"), full_page=True)

    # The attendee takes the after-test and downloads the certificate; its check page confirms it.
    citizen.goto(ticket_url)
    citizen.get_by_role("link", name="Làm bài kiểm tra sau buổi học").click()
    citizen.get_by_label("Không").check()
    citizen.get_by_role("button", name="Nộp bài").click()
    citizen.wait_for_selector("text=Bạn trả lời đúng 1/1 câu.")
    with citizen.expect_download() as download:
        citizen.get_by_role("link", name="Tải giấy chứng nhận (PDF)").click()
    assert download.value.suggested_filename.startswith("chung-nhan-")
    number = Certificate.objects.get().number
    citizen.goto(live_server.url + f"/su-kien/chung-nhan/{number}/")
    assert citizen.locator("#verify-name").inner_text() == "Trần Thị Bình"
    assert_accessible(citizen)
    phone.close()
    context.close()
    assert not csp, csp
