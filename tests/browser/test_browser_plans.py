"""The plan journey in a real browser: a standing-agency officer uploads the seed plan, corrects one unit
match, confirms, posts a progress update and downloads the consolidated report as .docx."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx import Document

from toandan.accounts.models import User
from toandan.plans.models import Plan, ProgressUpdate
from toandan.web.testing import staff_client

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SEED = Path(__file__).resolve().parents[2] / "toandan" / "plans" / "data" / "ke-hoach-249-KH-BCD138.txt"


def signed_in_page(browser: Any, live_server: Any, user: User) -> Any:
    client = staff_client(user)
    context = browser.new_context(locale="vi-VN", accept_downloads=True)
    context.set_default_timeout(15_000)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context.new_page()


def test_upload_correct_confirm_update_download(
    browser: Any, live_server: Any, provincial_officer: User, artifacts: Path, tmp_path: Path, settings: Any
) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    page = signed_in_page(browser, live_server, provincial_officer)
    page.goto(live_server.url + "/can-bo/ke-hoach/")
    page.get_by_role("link", name="Nhập kế hoạch từ văn bản").click()
    page.get_by_label("Tệp kế hoạch (.docx, .txt hoặc .pdf có lớp chữ)").set_input_files(str(SEED))
    page.get_by_role("button", name="Đọc văn bản").click()
    page.wait_for_selector("#source-text")
    assert "VĂN BẢN ĐẾN" in page.locator("#source-text").inner_text()
    assert page.get_by_label("Số, ký hiệu").input_value() == "249/KH-BCĐ138"
    assert Plan.objects.count() == 0  # nothing saved before confirmation
    match = page.get_by_label("Đơn vị chủ trì khớp với “Sở Thông tin và Truyền thông”")
    assert match.input_value() == "Sở Thông tin và Truyền thông"
    match.fill("Sở Khoa học và Công nghệ")
    page.screenshot(path=str(artifacts / "plan-review.png"), full_page=False)
    page.get_by_role("button", name="Xác nhận lưu kế hoạch").click()
    page.wait_for_selector("#by-task")
    plan = Plan.objects.get()
    task3 = plan.tasks.get(ref="II.3")
    assert {a.unit.code for a in task3.assignments.filter(role="lead")} == {"so-khcn"}

    page.locator("details", has=page.locator("#assignments")).locator("summary").click()
    page.locator("#assignments tr", has_text="II.3").get_by_role(
        "link", name="Sở Khoa học và Công nghệ"
    ).click()
    page.get_by_label("Đã hoàn thành").check()
    page.get_by_label("Kết quả thực hiện").fill(
        "Đã mở chuyên mục phổ biến pháp luật về an ninh mạng trên cổng tỉnh."
    )
    page.get_by_label("Số tin, bài đăng tải (tin, bài)").fill("12")
    page.get_by_label("Đường dẫn (mỗi dòng một đường dẫn)").fill(
        "https://quangngai.gov.vn/chuyen-muc-an-ninh-mang"
    )
    page.get_by_role("button", name="Gửi cập nhật").click()
    page.wait_for_selector("#updates")
    assert "Đã hoàn thành" in page.locator("#assignment-status").inner_text()
    update = ProgressUpdate.objects.get()
    assert update.assignment.unit.code == "so-khcn" and update.values.get().value == 12

    page.goto(live_server.url + f"/can-bo/ke-hoach/{plan.pk}/")
    page.get_by_role("link", name="Báo cáo tổng hợp (.docx, .xlsx)").click()
    page.get_by_label("Số văn bản").fill("5")
    with page.expect_download() as caught:
        page.get_by_role("button", name="Tải báo cáo (.docx)").click()
    saved = tmp_path / "bao-cao.docx"
    caught.value.save_as(saved)
    doc = Document(str(saved))
    assert "Số: 05/BC-BCĐ138" in doc.tables[0].rows[0].cells[0].text
    texts = "\n".join(p.text for p in doc.paragraphs)
    assert "BÁO CÁO" in texts and "Đã mở chuyên mục phổ biến pháp luật" in texts
    khcn_rows = [
        [c.text for c in row.cells]
        for table in doc.tables[1:]
        for row in table.rows
        if "Khoa học" in row.cells[1].text
    ]
    assert ["1", "Sở Khoa học và Công nghệ", "Chủ trì", "Đã hoàn thành", "0", "0", "12"] in khcn_rows
