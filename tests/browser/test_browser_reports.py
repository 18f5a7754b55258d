"""The report journey in a real browser: a citizen on a phone reports with a photo and gets a code; an
officer finds it in the right unit's queue, transfers it and writes; the citizen reads the message."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from PIL import Image

from toandan.accounts.models import User
from toandan.reports.models import Report
from toandan.web.testing import staff_client

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (120, 80), (10, 120, 200)).save(out, format="JPEG")
    return out.getvalue()


def signed_in_context(browser: Any, live_server: Any, user: User) -> Any:
    client = staff_client(user)
    context = browser.new_context(locale="vi-VN")
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context


def test_citizen_reports_officer_handles_citizen_reads(
    browser: Any, live_server: Any, commune_a_officer: User, provincial_officer: User, artifacts: Any
) -> None:
    phone = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    page = phone.new_page()
    page.goto(live_server.url + "/to-giac/")
    page.get_by_label("Bạn muốn tố giác việc gì?").select_option(label="Lừa đảo, chiếm đoạt tài sản qua mạng")
    page.get_by_label("Chuyện gì đã xảy ra?").fill(
        "Có người gọi xưng công an, bảo chuyển 20 triệu vào tài khoản Vietcombank 0123456789 để xác minh."
    )
    page.get_by_label("Xã, phường nơi xảy ra (hoặc nơi bạn ở)").fill("Phường Cẩm Thành")
    page.get_by_label("Số tiền bị mất (đồng)").fill("20 triệu")
    page.get_by_label(re.compile("^Số điện thoại, số tài khoản")).fill("0912345678\nVietcombank 0123456789")
    page.get_by_label("Ảnh chụp, ghi âm, tệp PDF làm bằng chứng").set_input_files(
        [{"name": "man-hinh.jpg", "mimeType": "image/jpeg", "buffer": photo()}]
    )
    page.get_by_label("Không, tôi gửi ẩn danh").check()
    page.get_by_label("Tôi đồng ý với việc xử lý dữ liệu cá nhân nêu trên.").check()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.get_by_role("button", name="Gửi tố giác").click()
    page.wait_for_url("**/to-giac/da-gui/")
    code = page.locator("#report-code").inner_text()
    key = page.locator("#report-key").inner_text()
    page.screenshot(path=str(artifacts / "report-done-360.png"), full_page=True)
    report = Report.objects.get(code=code)
    assert report.unit.code == "ca-phuong-cam-thanh-21025" and report.evidence.count() == 1

    officer = signed_in_context(browser, live_server, commune_a_officer).new_page()
    officer.goto(live_server.url + "/can-bo/to-giac/")
    officer.get_by_role("link", name=code).click()
    officer.get_by_label("Chuyển đến đơn vị").select_option(
        label="Phòng An ninh mạng và phòng chống tội phạm sử dụng công nghệ cao"
    )
    officer.get_by_label("Lý do chuyển").fill("Có dấu hiệu đường dây, chuyển PA05.")
    officer.get_by_role("button", name="Chuyển", exact=True).click()
    officer.wait_for_url(re.compile(r".*/can-bo/to-giac/(#.*)?$"))
    assert code not in officer.content()

    provincial = signed_in_context(browser, live_server, provincial_officer).new_page()
    provincial.goto(live_server.url + f"/can-bo/to-giac/{code}/")
    assert "Phòng An ninh mạng" in provincial.locator("#case-unit").inner_text()
    provincial.locator("#id_message-text").fill(
        "Đã tiếp nhận, chúng tôi sẽ liên hệ qua số điện thoại bạn để lại."
    )
    provincial.get_by_role("button", name="Gửi tin nhắn").click()
    provincial.wait_for_load_state()

    page.goto(live_server.url + "/theo-doi/")
    page.get_by_label("Mã tra cứu").fill(code.lower())
    page.get_by_label("Mã bí mật").fill(key)
    page.get_by_role("button", name="Xem").click()
    page.wait_for_selector("#report-messages")
    messages = page.locator("#report-messages").inner_text()
    assert "Đã tiếp nhận, chúng tôi sẽ liên hệ" in messages
    assert "đường dây" not in messages  # the internal transfer reason stays internal
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path=str(artifacts / "report-follow-360.png"), full_page=True)
