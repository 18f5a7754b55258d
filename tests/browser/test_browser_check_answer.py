"""The check on a 360 px phone, with and without JavaScript (issue 15): a bare look-alike link is answered red
with reasons; the answer is where the eye is (focus, #ket-qua near the top); a single indicator's answer has
a shareable address, "Chia sẻ cảnh báo" shares it or copies it; "Tố giác" opens the report form filled in;
113 and 5656 are tel:/sms: links; the page stays under 100 KB."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.citizen import MAX_PAGE_BYTES, PHONE, check_accessible, page_weight, phone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
LOOKALIKE = "https://vietcombank-hotro.top/login"
SCAM_MESSAGE = (
    "Vietcombank thông báo tài khoản của quý khách bị khóa, đăng nhập "
    f"{LOOKALIKE} để mở khóa hoặc gọi 0912 345 678"
)
# Records what the page hands to the phone's share sheet (Chromium on Linux has no Web Share API).
SHARE_SHEET = """
navigator.share = (data) => { window.sharedData = data; return Promise.resolve(); };
navigator.canShare = () => true;
"""


def _check(page: Any, text: str) -> None:
    page.get_by_label("Số điện thoại, số tài khoản, đường link", exact=False).fill(text)
    page.get_by_role("button", name="Kiểm tra", exact=True).click()
    page.wait_for_url("**/tra-cuu/#ket-qua")


def _answer_is_on_screen(page: Any) -> None:
    box = page.locator("#ket-qua").bounding_box()
    assert box is not None and -2 <= box["y"] < PHONE["height"] / 3, box
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def _help_links(page: Any) -> None:
    result = page.locator("#ket-qua")
    assert result.get_by_role("link", name="gọi 113").get_attribute("href") == "tel:113"
    assert result.get_by_role("link", name="nhắn tới 5656").get_attribute("href") == "sms:5656"


def _report_this(page: Any, expected: str) -> None:
    page.locator("#ket-qua").get_by_role("link", name="Tố giác đường link này").click()
    page.wait_for_url(re.compile(r"/to-giac/\?q="))
    expect(page.get_by_label("Số điện thoại, số tài khoản, đường link", exact=False)).to_have_value(expected)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_bare_link_is_answered_where_the_eye_is(
    browser: Any,
    live_server: Any,
    units: None,
    assert_accessible: Any,
    artifacts: Any,
    settings: Any,
    javascript: bool,
) -> None:
    settings.INDICATOR_PRESENCE_FILTER = False
    with phone(browser, live_server, javascript=javascript) as page:
        if javascript:
            page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
        page.goto(live_server.url + "/tra-cuu/")
        _check(page, LOOKALIKE)
        weight = page_weight(page)
        assert 5_000 < weight < MAX_PAGE_BYTES, weight
        card = page.locator("[data-verdict]")
        assert card.count() == 1 and card.get_attribute("data-risk") == "scam"
        text = card.inner_text()
        assert "Rất giống lừa đảo" in text and "không phải tên miền chính thức" in text
        assert "Chưa có tố giác – không có nghĩa là an toàn" in text
        _answer_is_on_screen(page)
        _help_links(page)
        share_url = page.locator("#share-url").input_value()
        assert parse_qs(urlsplit(share_url).query)["q"] == [LOOKALIKE] and share_url.endswith("#ket-qua")
        share = page.get_by_role("button", name="Chia sẻ cảnh báo")
        if javascript:
            expect(page.locator("#ket-qua")).to_be_focused()
            share.click()  # no Web Share API here: the address is copied
            expect(page.locator("#share-status")).to_contain_text("Đã chép đường link")
            assert page.evaluate("navigator.clipboard.readText()") == share_url
        else:
            expect(share).to_be_hidden()  # nothing to press without JavaScript: the address is in the box
        check_accessible(page, assert_accessible)
        name = "js" if javascript else "nojs"
        page.screenshot(path=str(artifacts / f"check-bare-link-360-{name}.png"), full_page=True)

        # The shared address shows the same answer to whoever opens it.
        page.goto(share_url)
        assert page.locator("[data-verdict]").get_attribute("data-risk") == "scam"
        _answer_is_on_screen(page)
        _report_this(page, LOOKALIKE)


def test_share_uses_the_phones_share_sheet(
    browser: Any, live_server: Any, units: None, settings: Any
) -> None:
    settings.INDICATOR_PRESENCE_FILTER = False
    with phone(browser, live_server) as page:
        page.context.add_init_script(SHARE_SHEET)
        page.goto(live_server.url + "/tra-cuu/?" + "q=0912345678")
        page.get_by_role("button", name="Chia sẻ cảnh báo").click()
        shared = page.evaluate("window.sharedData")
        assert shared["url"].endswith("/tra-cuu/?q=0912+345+678#ket-qua"), shared
        assert "0912 345 678" in shared["text"] and "không có nghĩa là an toàn" in shared["text"]


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_inside_a_message_the_link_card_agrees(
    browser: Any, live_server: Any, units: None, assert_accessible: Any, settings: Any, javascript: bool
) -> None:
    settings.INDICATOR_PRESENCE_FILTER = False
    with phone(browser, live_server, javascript=javascript) as page:
        page.goto(live_server.url + "/tra-cuu/")
        _check(page, SCAM_MESSAGE)
        assert page.locator("[data-triage]").get_attribute("data-triage") == "scam"
        risks = {
            card.get_attribute("data-value"): card.get_attribute("data-risk")
            for card in page.locator("[data-verdict]").all()
        }
        assert risks == {LOOKALIKE: "scam", "+84912345678": "scam"}
        # A message is never put in an address: no share box.
        assert page.locator("#share-url").count() == 0
        _answer_is_on_screen(page)
        if javascript:
            expect(page.locator("#ket-qua")).to_be_focused()
        check_accessible(page, assert_accessible)
