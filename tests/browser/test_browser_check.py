"""Checking before paying, in a real browser on a 360 px phone: a number typed in the home page box, then a
pasted message with a reported number and a link, each with its own verdict."""

from __future__ import annotations

from typing import Any

import pytest

from toandan.orgs.models import Unit
from toandan.reports.models import ReportCategory
from toandan.reports.services import ReportInput, submit_report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def file_report(identifier: str) -> None:
    submit_report(
        ReportInput(
            category=ReportCategory.objects.get(code="lua-dao"),
            description="Có người gọi xưng nhân viên ngân hàng, bảo chuyển tiền để mở khóa tài khoản.",
            identifiers=[identifier],
            commune=Unit.objects.get(code="phuong-cam-thanh-21025"),
            consent=True,
        )
    )


def test_citizen_checks_a_number_then_a_message_on_a_phone(
    browser: Any, live_server: Any, units: None, artifacts: Any, settings: Any
) -> None:
    # No presence filter here: its thread would keep a connection to the test database open after the test.
    settings.INDICATOR_PRESENCE_FILTER = False
    file_report("0987.654.321")
    phone = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    page = phone.new_page()
    page.goto(live_server.url + "/")
    page.get_by_role("textbox", name="Kiểm tra trước khi chuyển tiền", exact=False).fill("+84 987 654 321")
    page.get_by_role("button", name="Kiểm tra").click()
    page.wait_for_url("**/tra-cuu/#ket-qua")
    verdict = page.locator("[data-verdict]")
    assert verdict.count() == 1 and verdict.get_attribute("data-verdict") == "reported"
    assert "chưa được cơ quan chức năng xác minh" in verdict.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path=str(artifacts / "check-number-360.png"), full_page=True)

    page.get_by_label("Số điện thoại, số tài khoản, đường link", exact=False).fill(
        "Chuc mung ban trung thuong iPhone! Nhan qua tai https://qua-tang-tri-an.top/nhan-qua "
        "hoac goi ngay 0987 654 321 de duoc huong dan."
    )
    page.get_by_role("button", name="Kiểm tra").click()
    page.wait_for_selector("#ket-qua")
    verdicts = {
        item.get_attribute("data-value"): item.get_attribute("data-verdict")
        for item in page.locator("[data-verdict]").all()
    }
    assert verdicts == {"+84987654321": "reported", "https://qua-tang-tri-an.top/nhan-qua": "no_reports"}
    assert "không có nghĩa là an toàn" in page.locator("#ket-qua").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path=str(artifacts / "check-message-360.png"), full_page=True)
    phone.close()
