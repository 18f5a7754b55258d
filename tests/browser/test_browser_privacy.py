"""In a real browser, as an administrator: change a retention period and run the schedule, record and carry
out a data subject's deletion request, record a breach and its notification. Each page passes axe-core and
reports no Content Security Policy violation."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from tests.browser.test_browser_reports import signed_in_context
from toandan.accounts.models import User
from toandan.privacy.models import Breach, BreachStatus, RequestStatus, RetentionRuleChange, RetentionRun
from toandan.reports.models import ReporterIdentity

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "privacy"))
from privacy_helpers import report_with_evidence, resolve  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_privacy_pages_in_the_browser(
    browser: Any,
    live_server: Any,
    admin_user: User,
    commune_a_officer: User,
    assert_accessible: Any,
    settings: Any,
    tmp_path: Path,
) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    report = resolve(report_with_evidence("Lê Văn Xóa", "+84905000321"), commune_a_officer, days_ago=3)
    context = signed_in_context(browser, live_server, admin_user)
    page = context.new_page()
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    base = f"{live_server.url}/can-bo/du-lieu-ca-nhan/"

    page.goto(base)
    assert_accessible(page)
    row = page.locator("#kind-eventsparticipants")
    row.get_by_label("Số ngày").fill("120")
    row.get_by_label("Lý do").fill("Rút ngắn theo quy chế của tỉnh")
    with page.expect_navigation():
        row.get_by_role("button", name="Lưu").click()
    assert RetentionRuleChange.objects.get().to_days == 120
    with page.expect_navigation():
        page.get_by_role("button", name="Chạy ngay").click()
    assert RetentionRun.objects.count() == 1
    assert "120 ngày" in page.locator("#kind-eventsparticipants").inner_text()

    page.get_by_role("link", name="Yêu cầu của chủ thể dữ liệu").click()
    assert_accessible(page)
    page.get_by_label("Loại yêu cầu").select_option(label="Xóa dữ liệu")
    page.get_by_label("Hồ sơ liên quan").select_option(label="Tố giác")
    page.get_by_label("Mã hồ sơ").fill(report.code)
    page.get_by_label("Họ tên người yêu cầu").fill("Lê Văn Xóa")
    page.get_by_label("Nội dung yêu cầu").fill("Đề nghị xóa thông tin cá nhân của tôi.")
    with page.expect_navigation():
        page.get_by_role("button", name="Ghi nhận").click()
    assert_accessible(page)
    page.get_by_label("Nội dung").fill("Đã xóa theo yêu cầu.")
    with page.expect_navigation():
        page.get_by_role("button", name="Thực hiện xóa").click()
    assert page.locator("#request-status").inner_text() == RequestStatus.DONE.label
    assert not ReporterIdentity.objects.filter(report=report).exists()

    page.get_by_role("link", name="Sổ sự cố").click()
    assert_accessible(page)
    page.get_by_label("Tóm tắt").fill("Máy tính xách tay bị mất")
    page.get_by_label("Diễn biến").fill("Máy của cán bộ có bản tải về danh sách người tham gia.")
    page.get_by_label("Loại dữ liệu bị ảnh hưởng").fill("Họ tên, số điện thoại")
    with page.expect_navigation():
        page.get_by_role("button", name="Ghi nhận").click()
    assert "còn" in page.locator("#clock").inner_text()
    assert_accessible(page)
    page.get_by_label("Số văn bản thông báo").fill("15/CV-PA05")
    page.get_by_label("Thời điểm đã thông báo").fill(
        Breach.objects.get().discovered_at.astimezone().strftime("%Y-%m-%dT%H:%M")
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Ghi nhận").click()
    assert Breach.objects.get().status == BreachStatus.NOTIFIED
    assert "đúng hạn" in page.locator("#clock").inner_text()
    assert_accessible(page)
    context.close()
    assert not violations, violations
