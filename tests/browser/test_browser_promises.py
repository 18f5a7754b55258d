"""In a real browser: every action of the staff case page records what it says and comes back to the case
(the step buttons used to answer 400), and no page visited reports a Content Security Policy violation."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.test_browser_reports import signed_in_context
from tests.reports.test_report_workflow import make_report
from toandan.accounts.models import User
from toandan.reports.models import EventKind, Status

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _csp_watch(page: Any) -> list[str]:
    found: list[str] = []
    page.on("console", lambda m: found.append(m.text) if "Content Security Policy" in m.text else None)
    return found


def _submit(page: Any, action: str, button: str) -> Any:
    form = page.locator(f'form[action*="/{action}/"]')
    with page.expect_navigation() as navigation:
        form.get_by_role("button", name=button).click()
    return navigation.value


def test_every_case_page_action_through_the_browser(
    browser: Any, live_server: Any, commune_a_officer: User, commune_b_officer: User
) -> None:
    report = make_report()
    context = signed_in_context(browser, live_server, commune_a_officer)
    page = context.new_page()
    violations = _csp_watch(page)
    url = f"{live_server.url}/can-bo/to-giac/{report.code}/"
    page.goto(url)

    for action, button in (
        (EventKind.PROCURACY_NOTIFIED, "Đã thông báo Viện kiểm sát"),
        (EventKind.ACCEPTED, "Ghi nhận thụ lý"),
    ):
        response = _submit(page, action, button)
        assert response.status == 200 and page.url.split("#")[0] == url, (action, response.status)
        assert report.events.filter(kind=action).count() == 1

    page.locator('form[action*="/assign/"] select').select_option(str(commune_a_officer.pk))
    assert _submit(page, "assign", "Phân công").status == 200
    page.locator('form[action*="/track/"] input[type=checkbox]').check()
    assert _submit(page, "track", "Lưu").status == 200
    page.locator('form[action*="/message/"] textarea').fill("Chúng tôi đang xác minh.")
    assert _submit(page, "message", "Gửi tin nhắn").status == 200
    page.locator('form[action*="/note/"] textarea').fill("Đã gọi ngân hàng.")
    note_form = page.locator('form[action*="/note/"]')
    with page.expect_navigation():
        note_form.locator("button[type=submit]").click()
    page.locator('form[action*="/extend/"] textarea').fill("Cần xác minh thêm ở ngân hàng.")
    with page.expect_navigation():
        page.locator('form[action*="/extend/"] button[type=submit]').click()
    page.locator('form[action*="/status/"] select[name=status]').select_option(Status.RESOLVED)
    page.locator('form[action*="/status/"] select[name=outcome]').select_option(index=1)
    assert _submit(page, "status", "Cập nhật").status in (200, 400)
    unit = commune_b_officer.memberships.get().unit
    page.locator('form[action*="/transfer/"] select').select_option(str(unit.pk))
    page.locator('form[action*="/transfer/"] textarea').fill("Đúng địa bàn phường Nghĩa Lộ.")
    assert _submit(page, "transfer", "Chuyển").status == 200

    report.refresh_from_db()
    kinds = set(report.events.values_list("kind", flat=True))
    assert {EventKind.ASSIGN, EventKind.TRACK, EventKind.MESSAGE, EventKind.NOTE, EventKind.TRANSFER} <= kinds
    assert report.assignee is None and report.unit == unit  # a transfer clears the assignee
    context.close()
    assert not violations, violations


PUBLIC_PAGES = [
    "/",
    "/to-giac/",
    "/theo-doi/",
    "/tra-cuu/",
    "/tra-cuu/khieu-nai/",
    "/dang-nhap/",
    "/api/v1/docs",
]


def test_public_pages_keep_the_content_security_policy(page: Any, live_server: Any, units: None) -> None:
    # The `page` fixture fails the test on any violation reported on the console.
    for path in PUBLIC_PAGES:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        policy = response.headers["content-security-policy"]
        assert "unsafe-inline" not in policy and "script-src 'self'" in policy, path


def test_staff_pages_keep_the_content_security_policy(
    browser: Any, live_server: Any, admin_user: User
) -> None:
    report = make_report()
    context = signed_in_context(browser, live_server, admin_user)
    page = context.new_page()
    violations = _csp_watch(page)
    for path in (
        "/can-bo/",
        "/can-bo/to-giac/",
        f"/can-bo/to-giac/{report.code}/",
        "/can-bo/to-giac/thong-ke/",
        "/can-bo/nhat-ky/",
        "/can-bo/dau-hieu/",
        "/quan-tri/",
    ):
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert "unsafe-inline" not in response.headers["content-security-policy"]
    context.close()
    assert not violations, violations
