"""Awareness journeys in a real browser: an editor drafts and a reviewer publishes, the article is in the
feed (parsed by feedparser) and found by a search typed without diacritics on a 360 px phone; its PDF leaflet
holds the QR code's URL; an approved wave warning is published with its audio; a citizen takes a quiz on a
phone and sees the explanations, and the aggregated result page counts the attempt. axe-core checks the
citizen pages."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import feedparser
import pytest
from django.utils import timezone

from toandan.accounts.models import User
from toandan.awareness import audio
from toandan.awareness.demo import load as load_demo_content
from toandan.awareness.models import ContentItem, QuizAttempt
from toandan.orgs.models import Unit
from toandan.reports.models import ReportCategory
from toandan.reports.services import ReportInput, submit_report
from toandan.triage.models import WarningDraft, Wave, WaveMember
from toandan.web.testing import staff_client

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")


def signed_in(browser: Any, live_server: Any, user: User, width: int = 1024) -> Any:
    client = staff_client(user)
    context = browser.new_context(locale="vi-VN", viewport={"width": width, "height": 900})
    context.set_default_timeout(10_000)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context.new_page()


def phone(browser: Any) -> Any:
    context = browser.new_context(locale="vi-VN", viewport={"width": 360, "height": 740})
    context.set_default_timeout(10_000)
    return context.new_page()


def test_editor_drafts_reviewer_publishes_then_feed_search_and_pdf(
    browser: Any,
    live_server: Any,
    commune_a_officer: User,
    assert_accessible: Callable[[Any], None],
    artifacts: Path,
) -> None:
    from toandan.orgs.models import Role
    from toandan.web.testing import COMMUNE_A_POLICE, make_staff

    leader = make_staff("leader_a", COMMUNE_A_POLICE, Role.UNIT_LEADER)
    editor = signed_in(browser, live_server, commune_a_officer)
    editor.goto(f"{live_server.url}/can-bo/tuyen-truyen/moi/?loai=article")
    editor.get_by_label("Tiêu đề").fill("Lừa đảo tuyển cộng tác viên bán hàng online")
    editor.get_by_label("Tóm tắt").fill("Kẻ gian hứa hoa hồng cao rồi bắt nạp tiền để “nhận đơn”.")
    editor.get_by_label("Nội dung (Markdown)").fill(
        "## Dấu hiệu\n\n- Yêu cầu **nạp tiền trước**.\n- Hứa lãi cao."
    )
    editor.get_by_role("button", name="Lưu bản nháp").click()
    editor.get_by_role("button", name="Gửi duyệt").click()
    assert editor.locator("#status").inner_text() == "Chờ duyệt"
    assert editor.get_by_role("button", name="Duyệt và đăng").count() == 0
    item = ContentItem.objects.get()

    reviewer = signed_in(browser, live_server, leader)
    reviewer.goto(f"{live_server.url}/can-bo/tuyen-truyen/{item.pk}/")
    reviewer.get_by_role("button", name="Duyệt và đăng").click()
    assert reviewer.locator("#status").inner_text() == "Đã đăng"
    assert "Chờ duyệt → Đã đăng" in reviewer.locator("#history").inner_text()

    citizen = phone(browser)
    citizen.goto(f"{live_server.url}/tuyen-truyen/")
    citizen.get_by_label("Tìm cảnh báo, bài viết, văn bản (gõ có dấu hoặc không dấu)").fill(
        "lua dao cong tac vien"
    )
    citizen.get_by_role("button", name="Tìm", exact=True).click()
    citizen.locator("#results").get_by_role(
        "link", name="Lừa đảo tuyển cộng tác viên bán hàng online"
    ).click()
    assert "nạp tiền trước" in citizen.locator("#body").inner_text()
    assert citizen.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(citizen)
    citizen.screenshot(path=str(artifacts / "awareness-article-360.png"), full_page=True)

    feed = feedparser.parse(citizen.request.get(f"{live_server.url}/tuyen-truyen/atom/").body())
    assert [e.title for e in feed.entries] == ["Lừa đảo tuyển cộng tác viên bán hàng online"]
    assert "<strong>nạp tiền trước</strong>" in feed.entries[0].content[0].value

    from pypdf import PdfReader

    leaflet = citizen.request.get(f"{live_server.url}/tuyen-truyen/{item.slug}/in.pdf")
    assert leaflet.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(leaflet.body()))
    uris = [a.get_object()["/A"]["/URI"] for p in reader.pages for a in p.get("/Annots", [])]
    assert f"{live_server.url}/tuyen-truyen/{item.slug}/" in uris


def test_approved_wave_warning_is_published_with_its_audio(
    browser: Any, live_server: Any, provincial_officer: User, assert_accessible: Callable[[Any], None]
) -> None:
    if audio.espeak_path() is None:
        if os.environ.get("CI", "").lower() in ("1", "true"):
            pytest.fail("espeak-ng is required in CI")
        pytest.skip("espeak-ng not installed: apt-get install espeak-ng")
    now = timezone.now()
    wave = Wave.objects.create(
        first_seen=now,
        last_seen=now,
        size=5,
        signature=b"",
        sample="[Điện lực] Nhà bạn sẽ bị cắt điện hôm nay, gọi [số điện thoại] để thanh toán tiền nợ.",
    )
    report = submit_report(
        ReportInput(
            category=ReportCategory.objects.get(code="lua-dao"),
            description="Tin nhắn giả danh điện lực đòi thanh toán tiền điện qua đường link lạ",
            commune=Unit.objects.get(code="phuong-cam-thanh-21025"),
            consent=True,
        )
    ).report
    WaveMember.objects.create(report=report, wave=wave)
    WarningDraft.objects.create(
        wave=wave, title="Cảnh báo tin nhắn giả danh điện lực", body="Nội dung", wave_size=5
    )
    officer = signed_in(browser, live_server, provincial_officer)
    officer.goto(f"{live_server.url}/can-bo/dot-lua-dao/{wave.pk}/")
    officer.get_by_role("button", name="Duyệt", exact=True).click()
    item = ContentItem.objects.get()
    officer.goto(f"{live_server.url}/can-bo/tuyen-truyen/{item.pk}/")
    officer.get_by_role("button", name="Gửi duyệt").click()
    officer.get_by_role("button", name="Duyệt và đăng").click()
    assert officer.locator("#status").inner_text() == "Đã đăng"

    citizen = phone(browser)
    citizen.goto(f"{live_server.url}{item.get_absolute_url()}")
    assert "Nhà bạn sẽ bị cắt điện" in citizen.locator("#example").inner_text()
    source = citizen.locator("#listen audio").get_attribute("src")
    sound = citizen.request.get(f"{live_server.url}{source}")
    assert sound.headers["content-type"] == "audio/mpeg"
    # The phone's browser decodes it: the player learns the length of the speech.
    seconds = citizen.locator("#listen audio").evaluate(
        """a => new Promise((done, fail) => {
            a.addEventListener('loadedmetadata', () => done(a.duration));
            a.addEventListener('error', () => fail(new Error('cannot play: ' + (a.error && a.error.code))));
            a.preload = 'auto'; a.load();
        })"""
    )
    assert seconds > 2
    assert citizen.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(citizen)


def test_citizen_takes_a_quiz_on_a_phone_and_the_aggregate_counts_it(
    browser: Any,
    live_server: Any,
    provincial_officer: User,
    assert_accessible: Callable[[Any], None],
    artifacts: Path,
) -> None:
    load_demo_content(None, None)
    citizen = phone(browser)
    citizen.goto(f"{live_server.url}/tuyen-truyen/trac-nghiem/")
    citizen.get_by_role("link", name="Nhận biết tin nhắn lừa đảo").click()
    assert_accessible(citizen)
    citizen.get_by_label("Lừa đảo", exact=True).check()
    citizen.locator("fieldset.question").nth(1).get_by_label("Sai").check()
    citizen.get_by_label("Cúp máy").check()
    citizen.get_by_label("Tra cứu trên Toàn Dân").check()
    citizen.get_by_label("Nhóm tuổi (không bắt buộc)").select_option(label="Từ 60 tuổi trở lên")
    citizen.get_by_role("button", name="Nộp bài và xem đáp án").click()
    assert citizen.locator("#score").inner_text() == "Bạn trả lời đúng 3/4 câu."
    assert "Ngân hàng không bao giờ hỏi mã OTP" in citizen.locator("main").inner_text()
    assert citizen.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(citizen)
    citizen.screenshot(path=str(artifacts / "awareness-quiz-360.png"), full_page=True)
    assert QuizAttempt.objects.get().age_group == "60_plus"

    officer = signed_in(browser, live_server, provincial_officer)
    officer.goto(f"{live_server.url}/can-bo/tuyen-truyen/trac-nghiem/nhan-biet-tin-nhan-lua-dao/ket-qua/")
    row = officer.locator("#by-age tbody tr").first.inner_text()
    assert "Từ 60 tuổi trở lên" in row and "75%" in row
