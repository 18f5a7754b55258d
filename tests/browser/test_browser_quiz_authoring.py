"""Writing a quiz in a real browser on a phone-sized screen: the editor creates a bank and an "is this message
a scam?" question, is told plainly what is wrong with a bad one, the unit's leader publishes it, and the
public quiz page shows it. No serious or critical axe-core violation on the staff pages."""

from __future__ import annotations

from typing import Any

import pytest
from browser.test_browser_awareness import signed_in
from playwright.sync_api import expect

from toandan.awareness.models import QuizBank
from toandan.orgs.models import Role
from toandan.web.testing import make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_writes_a_quiz_and_the_leader_publishes_it(
    browser: Any, live_server: Any, commune_a_officer: Any, assert_accessible: Any
) -> None:
    editor = commune_a_officer
    reviewer = make_staff("leader_a", editor.memberships.get().unit.code, Role.UNIT_LEADER)
    page = signed_in(browser, live_server, editor, width=360)
    page.goto(live_server.url + "/can-bo/tuyen-truyen/")
    page.get_by_role("link", name="Bộ câu hỏi trắc nghiệm").click()
    assert_accessible(page)
    page.get_by_role("link", name="Tạo bộ câu hỏi").click()
    page.get_by_label("Tên bộ câu hỏi").fill("Tin nhắn nào là lừa đảo?")
    page.get_by_label("Chủ đề").fill("Tin nhắn giả mạo")
    page.get_by_role("button", name="Tạo").click()
    expect(page.locator(".messages")).to_contain_text("Đã tạo bộ câu hỏi")
    assert_accessible(page)

    page.get_by_label("Loại câu hỏi").select_option(label="Tin nhắn này có phải lừa đảo?")
    page.get_by_role("textbox", name="Câu hỏi").fill("Tin nhắn dưới đây có phải lừa đảo?")
    page.get_by_label("Các đáp án").fill("* Lừa đảo\nKhông phải lừa đảo")
    page.get_by_label("Giải thích").fill("Đường dẫn lạ, hối thúc đóng phí: dấu hiệu lừa đảo.")
    page.get_by_role("button", name="Thêm câu hỏi").click()
    expect(page.locator("main")).to_contain_text("cần nội dung tin nhắn mẫu")
    assert_accessible(page)
    page.get_by_label("Tin nhắn mẫu").fill(
        "EVN: Quý khách nợ tiền điện, bấm http://evn-thanhtoan.top để tránh cắt điện."
    )
    page.get_by_role("button", name="Thêm câu hỏi").click()
    expect(page.locator("#questions")).to_contain_text("Tin nhắn dưới đây có phải lừa đảo?")
    expect(page.get_by_role("button", name="Công khai bộ câu hỏi")).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.context.close()

    bank = QuizBank.objects.get()
    page = signed_in(browser, live_server, reviewer, width=360)
    page.goto(live_server.url + f"/can-bo/tuyen-truyen/trac-nghiem/{bank.pk}/")
    page.get_by_role("button", name="Công khai bộ câu hỏi").click()
    expect(page.locator("#bank-published")).to_contain_text("Có")
    page.get_by_role("link", name="Trang làm bài").click()
    expect(page.locator("main")).to_contain_text("evn-thanhtoan.top")
    assert_accessible(page)
    page.context.close()
