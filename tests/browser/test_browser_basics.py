"""The journeys of the foundation in a real browser: language, staff sign-in with TOTP, a 360 px phone."""

from __future__ import annotations

from typing import Any

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from toandan.accounts.models import User
from toandan.web.testing import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_in_vietnamese_then_english_and_back(page: Any, live_server: Any) -> None:
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.get_by_role("heading", level=1).inner_text() == "Cùng nhau an toàn trên không gian mạng"
    page.get_by_role("button", name="English").click()
    page.wait_for_url(live_server.url + "/")
    assert page.get_by_role("heading", level=1).inner_text() == "Safe together in cyberspace"
    # The choice is remembered on the next visit.
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("button", name="Tiếng Việt").click()
    page.wait_for_url(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "vi"


def test_staff_sign_in_with_totp(page: Any, live_server: Any, commune_a_officer: User) -> None:
    page.goto(live_server.url + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("officer_a")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/dang-nhap/xac-thuc/")
    assert page.locator(".qr svg").count() == 1
    device = TOTPDevice.objects.get(user=commune_a_officer)
    code = f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"
    page.get_by_label("Mã xác thực 6 chữ số").fill(code)
    page.get_by_role("button", name="Xác nhận").click()
    page.wait_for_url("**/can-bo/")
    assert page.get_by_role("heading", level=1).inner_text() == "Trang cán bộ"
    assert "Công an phường Cẩm Thành" in page.content()


def test_form_errors_are_announced_and_tied_to_fields(
    page: Any, live_server: Any, commune_a_officer: User
) -> None:
    page.goto(live_server.url + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("officer_a")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/dang-nhap/xac-thuc/")
    field = page.get_by_label("Mã xác thực 6 chữ số")
    field.fill("12ab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    field = page.get_by_label("Mã xác thực 6 chữ số")
    assert field.get_attribute("aria-invalid") == "true"
    error_id = field.get_attribute("aria-describedby")
    assert "Mã gồm đúng 6 chữ số" in page.locator(f"#{error_id}").inner_text()


def test_phone_width_has_no_horizontal_scroll(browser: Any, live_server: Any, artifacts: Any) -> None:
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, device_scale_factor=2, locale="vi-VN"
    )
    phone = context.new_page()
    for path in ("/", "/dang-nhap/"):
        phone.goto(live_server.url + path)
        scroll_width = phone.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= 360, f"{path} is {scroll_width}px wide"
    phone.goto(live_server.url + "/")
    phone.screenshot(path=str(artifacts / "home-360.png"), full_page=True)
    context.close()
