"""A receipt that is not lost, on a 360 px phone with and without JavaScript (issue 15): the report is sent,
the receipt page survives a reload, the codes can be copied (JavaScript) or selected, saved as a picture and
printed (print CSS keeps only the receipt), and the follow-up form opens the case."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.citizen import MAX_PAGE_BYTES, check_accessible, page_weight, phone
from toandan.reports.models import Report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
STORY = "Người gọi xưng công an yêu cầu chuyển tiền để xác minh tài khoản ngân hàng của tôi."


def _send_anonymous_report(page: Any, live_server: Any) -> None:
    page.goto(live_server.url + "/to-giac/")
    page.get_by_label("Bạn muốn tố giác việc gì?").select_option(label="Lừa đảo, chiếm đoạt tài sản qua mạng")
    page.get_by_label("Chuyện gì đã xảy ra?").fill(STORY)
    page.get_by_label("Xảy ra ngoài tỉnh Quảng Ngãi", exact=False).check()
    page.get_by_label("Không, tôi gửi ẩn danh").check()
    page.get_by_label("Tôi đồng ý", exact=False).check()
    page.get_by_role("button", name="Gửi tố giác").click()
    page.wait_for_url("**/to-giac/da-gui/")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_receipt_survives_a_reload_and_can_be_kept(
    browser: Any, live_server: Any, units: None, assert_accessible: Any, artifacts: Any, javascript: bool
) -> None:
    with phone(browser, live_server, javascript=javascript, accept_downloads=True) as page:
        if javascript:
            page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
        _send_anonymous_report(page, live_server)
        report = Report.objects.get()
        page.reload()  # the receipt is still there
        expect(page.locator("#report-code")).to_have_text(report.code)
        key = page.locator("#report-key").inner_text()
        assert len(key) >= 8
        assert page_weight(page) < MAX_PAGE_BYTES
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        check_accessible(page, assert_accessible)
        copy = page.get_by_role("button", name="Chép mã tra cứu")
        if javascript:
            copy.click()
            expect(page.locator("#copy-status")).to_contain_text(report.code)
            assert page.evaluate("navigator.clipboard.readText()") == report.code
            expect(page.get_by_role("button", name="In biên nhận")).to_be_visible()
        else:
            expect(copy).to_be_hidden()
            expect(page.get_by_role("button", name="In biên nhận")).to_be_hidden()

        # Save as a picture: a PNG download.
        with page.expect_download() as info:
            page.get_by_role("link", name="Lưu thành ảnh").click()
        download = info.value
        assert download.suggested_filename == f"to-giac-{report.code}.png"
        assert Path(download.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

        # Printed, only the receipt: no menu, no buttons.
        page.emulate_media(media="print")
        expect(page.locator("header.top")).to_be_hidden()
        expect(page.get_by_role("link", name="Lưu thành ảnh")).to_be_hidden()
        expect(page.locator("#report-key")).to_be_visible()
        page.emulate_media(media="screen")
        name = "js" if javascript else "nojs"
        page.screenshot(path=str(artifacts / f"receipt-360-{name}.png"), full_page=True)

        # The follow-up form knows the code; the receipt's own button opens the case.
        page.goto(live_server.url + "/theo-doi/")
        expect(page.get_by_label("Mã tra cứu")).to_have_value(report.code)
        page.go_back()
        page.get_by_role("button", name="Xem tình trạng tố giác này").click()
        expect(page.get_by_text(report.code).first).to_be_visible()
        check_accessible(page, assert_accessible)
