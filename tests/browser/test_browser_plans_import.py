"""A real plan in several layouts (activity blocks with "Đơn vị chủ trì:" lines and per-unit sections),
imported in a real browser: the officer moves between tasks and splits one with the keyboard, maps a unit the
directory does not know, and saves."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from test_browser_plans import signed_in_page

from toandan.accounts.models import User
from toandan.plans.models import Plan, UnitAlias

pytestmark = [pytest.mark.browser, pytest.mark.shared_data, pytest.mark.django_db(transaction=True)]
DOCUMENT = (
    Path(__file__).resolve().parents[2].parent
    / "shared"
    / "data"
    / "plans-dev"
    / "01-hanoi-173-festival-thang-long.txt"
)


def test_import_real_plan_split_map_and_save(
    browser: Any,
    live_server: Any,
    provincial_officer: User,
    artifacts: Path,
    assert_accessible: Callable[[Any], None],
) -> None:
    page = signed_in_page(browser, live_server, provincial_officer)
    page.set_default_timeout(60_000)  # a 70-task review on a busy CI machine
    page.goto(live_server.url + "/can-bo/ke-hoach/nhap/")
    page.get_by_label("Tệp kế hoạch (.docx, .txt hoặc .pdf có lớp chữ)").set_input_files(str(DOCUMENT))
    page.get_by_role("button", name="Đọc văn bản").click()
    page.wait_for_selector("#source-text")
    assert page.get_by_label("Số, ký hiệu").input_value() == "173/KH-UBND"
    tasks = page.locator("fieldset.task")
    count = tasks.count()
    assert count >= 60
    assert page.locator("select").count() < 5  # no unit select per task
    assert_accessible(page)
    # Unknown names are offered for mapping to a directory unit or for creation.
    unknown_box = page.locator("#unknown-units")
    assert unknown_box.locator("input[data-unit-picker]").count() >= 1
    assert (
        unknown_box.locator("input[type=checkbox]").count()
        == unknown_box.locator("input[data-unit-picker]").count()
    )

    # Keyboard: Alt+↓ / Alt+↑ move between tasks (also from inside a text field), j / k outside one.
    first, second = tasks.nth(0), tasks.nth(1)
    first.locator("textarea[name$='_title']").focus()
    page.keyboard.press("Alt+ArrowDown")
    expect(second.locator("textarea[name$='_title']")).to_be_focused()
    page.keyboard.press("Alt+ArrowUp")
    expect(first.locator("textarea[name$='_title']")).to_be_focused()
    first.locator("input[type=checkbox]").first.focus()
    page.keyboard.press("j")
    expect(second.locator("textarea[name$='_title']")).to_be_focused()
    page.keyboard.press("k")  # typed into the text field: no move
    expect(second.locator("textarea[name$='_title']")).to_be_focused()
    second.locator("input[type=checkbox]").first.focus()
    page.keyboard.press("k")
    expect(first.locator("textarea[name$='_title']")).to_be_focused()

    # The source lines of a task are highlighted when one works on it.
    task = page.locator("fieldset.task", has_text="Nhiệm vụ V.2[-1]")
    task.locator("textarea[name$='_title']").focus()
    assert page.locator("#source-text li.current").count() >= 1

    # Split: one line per part, then Alt+Shift+T (the "Tách nhiệm vụ" button's shortcut).
    title = task.locator("textarea[name$='_title']")
    title.fill("Chủ trì xây dựng nội dung kịch bản\nTổ chức dàn dựng, tập luyện và thực hiện Chương trình")
    assert (
        task.get_by_role("button", name="Tách nhiệm vụ").get_attribute("aria-keyshortcuts") == "Alt+Shift+T"
    )
    with page.expect_navigation():
        page.keyboard.press("Alt+Shift+T")
    assert "Đã tách thành 2 nhiệm vụ." in page.locator(".messages").inner_text()
    # Back on the page, the focus is on the task that was split, so keyboard work goes on from there.
    expect(
        page.locator("fieldset.task", has_text="Nhiệm vụ V.2[-1](1)").locator("textarea").first
    ).to_be_focused()
    assert page.locator("fieldset.task").count() == count + 1
    assert page.locator("fieldset.task", has_text="Nhiệm vụ V.2[-1](2)").count() == 1

    # Map a unit the directory does not know; the picker suggests as one types.
    unknown = page.get_by_label("Đơn vị trong danh bạ cho “Công an thành phố Hà Nội”", exact=False)
    unknown.press_sequentially("Công an tỉnh", delay=30)
    # A locator wait, not wait_for_function: the site's CSP (no 'unsafe-eval') refuses a string predicate.
    page.locator("#unit-options option").first.wait_for(state="attached")
    assert "Công an tỉnh Quảng Ngãi" in page.locator("#unit-options").inner_html()
    unknown.fill("Công an tỉnh Quảng Ngãi")
    page.screenshot(path=str(artifacts / "plan-review-real.png"), full_page=False)
    page.get_by_role("button", name="Xác nhận lưu kế hoạch").click()
    page.wait_for_selector("#by-task")

    plan = Plan.objects.get()
    assert plan.number == "173/KH-UBND" and plan.tasks.count() == count + 1
    parts = plan.tasks.filter(ref__startswith="V.2[-1](").order_by("ref")
    assert [t.title for t in parts] == [
        "Chủ trì xây dựng nội dung kịch bản",
        "Tổ chức dàn dựng, tập luyện và thực hiện Chương trình",
    ]
    policed = plan.tasks.get(ref="V.5[-1]")
    assert {a.unit.code for a in policed.assignments.filter(role="lead")} == {"ca-tinh"}
    alias = UnitAlias.objects.get(written="Công an thành phố Hà Nội")
    assert [u.code for u in alias.units.all()] == ["ca-tinh"]
