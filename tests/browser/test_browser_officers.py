"""Issue #15, officers on a 360 px phone: each case action confirms what it did where the officer is, the
legal deadlines head the case page, the transfer list is short and searchable (and still works without
JavaScript), labels and formats are Vietnamese, tables become cards, the staff menu folds, the identity export
is a button with a purpose, and the demo plan and its Decree 30 report read as they should."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from docx import Document
from playwright.sync_api import expect

from tests.reports.test_report_workflow import make_report
from toandan.accounts.models import User
from toandan.core.models import AuditEvent
from toandan.orgs.models import Unit
from toandan.plans.services import load_seed_plan
from toandan.reports.models import EventKind, ReportEvent
from toandan.web.demo_plan import bring_to_life
from toandan.web.testing import staff_client

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 360, "height": 740}


@pytest.fixture
def phone_as(browser: Any, live_server: Any) -> Iterator[Callable[..., Any]]:
    """A 360 px page signed in as a user; the Content Security Policy must hold (console) on every page."""
    contexts: list[Any] = []
    violations: list[str] = []

    def open_page(user: User, *, javascript: bool = True) -> Any:
        client = staff_client(user)
        context = browser.new_context(
            locale="vi-VN", viewport=PHONE, java_script_enabled=javascript, accept_downloads=True
        )
        context.set_default_timeout(30_000)
        context.add_cookies(
            [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
        )
        contexts.append(context)
        page = context.new_page()
        page.on(
            "console",
            lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
        )
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert not violations, violations


def fits(page: Any) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_case_page_confirms_each_action_where_the_officer_is(
    phone_as: Any, live_server: Any, commune_a_officer: User, assert_accessible: Any
) -> None:
    report = make_report(money_lost=5_000_000, payment_method="bank_transfer")
    page = phone_as(commune_a_officer)
    page.goto(f"{live_server.url}/can-bo/to-giac/{report.code}/")
    fits(page)
    assert_accessible(page)
    # The legal deadlines first, with the days left, visible without scrolling.
    deadlines = page.locator("#deadlines")
    expect(deadlines).to_be_in_viewport()
    expect(deadlines).to_contain_text(re.compile(r"còn \d+ ngày"))
    # Vietnamese labels and formats.
    expect(page.locator("#case-money")).to_contain_text("5.000.000 đ")
    indicators = page.locator("#indicators").inner_text()
    assert not re.search(r"\b(bank_account|phone|social|url)\b", indicators), indicators
    assert re.search(r"\d{2}/\d{2}/\d{4}", page.locator("#history").inner_text())

    for button, anchor, said in (
        ("Cập nhật", "xu-ly-trang-thai", "Đã cập nhật trạng thái: Đang xác minh."),
        ("Phân công", "xu-ly-phan-cong", f"Đã phân công cho {commune_a_officer}."),
        ("Gửi tin nhắn", "xu-ly-tin-nhan", "Đã gửi tin nhắn cho người tố giác."),
    ):
        form = page.locator(f"#{anchor}")
        if anchor == "xu-ly-trang-thai":
            form.get_by_label("Trạng thái mới").select_option(label="Đang xác minh")
        elif anchor == "xu-ly-phan-cong":
            form.get_by_label("Cán bộ xử lý").select_option(label=str(commune_a_officer))
        else:
            form.get_by_label("Nội dung").fill("Chúng tôi đang xác minh, xin giữ máy.")
        form.get_by_role("button", name=button, exact=True).click()
        page.wait_for_url(f"**/{report.code}/#{anchor}")
        message = page.locator(f"#{anchor} .msg")
        expect(message).to_have_text(said)
        expect(message).to_be_in_viewport()
        fits(page)
    assert_accessible(page)
    assert ReportEvent.objects.filter(report=report, kind=EventKind.MESSAGE, public=True).exists()


def test_transfer_list_is_short_and_searchable_with_and_without_javascript(
    phone_as: Any, live_server: Any, commune_a_officer: User, assert_accessible: Any
) -> None:
    report = make_report()
    page = phone_as(commune_a_officer)
    page.goto(f"{live_server.url}/can-bo/to-giac/{report.code}/#xu-ly-chuyen")
    select = page.get_by_label("Chuyển đến đơn vị")
    options = select.locator("option:not([value=''])")
    total = options.count()
    assert total == Unit.objects.handling_reports().count() - 1 and total < 227
    assert not select.locator("option", has_text="Báo và Phát thanh").count()
    assert not select.locator("option", has_text="Hội đồng nhân dân").count()
    search = page.get_by_label("Tìm đơn vị (gõ tên xã, phường hoặc phòng)")
    search.fill("nghia lo")  # without diacritics
    expect(page.locator("#id_unit-filter-count")).to_have_text("Số đơn vị khớp: 1")
    assert select.evaluate("s => s.options[s.selectedIndex].text") == "Công an phường Nghĩa Lộ"
    assert_accessible(page)
    page.locator("#xu-ly-chuyen").get_by_label("Lý do chuyển").fill("Xảy ra tại phường Nghĩa Lộ.")
    page.get_by_role("button", name="Chuyển", exact=True).click()
    page.wait_for_url(re.compile(r".*/can-bo/to-giac/(#.*)?$"))
    expect(page.locator(".messages")).to_contain_text("Đã chuyển tố giác đến Công an phường Nghĩa Lộ.")
    report.refresh_from_db()
    assert report.unit.name == "Công an phường Nghĩa Lộ"

    # Without JavaScript: no filter box, the plain grouped list works.
    other = make_report()
    plain = phone_as(commune_a_officer, javascript=False)
    plain.goto(f"{live_server.url}/can-bo/to-giac/{other.code}/")
    assert not plain.locator(".select-filter").count()
    assert plain.locator("#id_unit optgroup").count() == 2
    plain.get_by_label("Chuyển đến đơn vị").select_option(
        label="Phòng An ninh mạng và phòng chống tội phạm sử dụng công nghệ cao"
    )
    plain.get_by_label("Lý do chuyển").fill("Dấu hiệu đường dây.")
    plain.get_by_role("button", name="Chuyển", exact=True).click()
    plain.wait_for_url(re.compile(r".*/can-bo/to-giac/(#.*)?$"))
    other.refresh_from_db()
    assert other.unit.code == "ca-pa05"


def _cards(page: Any, table: str) -> None:
    """At 360 px the table is a list of cards: header row hidden, each cell labelled, nothing cut mid-word."""
    fits(page)
    head = page.locator(f"{table} thead")
    if head.count():
        assert head.bounding_box()["height"] <= 1
    cell = page.locator(f"{table} tbody td[data-label]").first
    label = cell.get_attribute("data-label")
    before = cell.evaluate("td => getComputedStyle(td, '::before').content")
    assert before == f'"{label}"', before
    assert cell.evaluate("td => getComputedStyle(td).display") == "grid"
    assert cell.evaluate("td => getComputedStyle(td).overflowWrap") != "anywhere"


def test_tables_are_cards_and_the_staff_menu_folds(
    phone_as: Any,
    live_server: Any,
    commune_a_officer: User,
    provincial_officer: User,
    assert_accessible: Any,
) -> None:
    make_report(money_lost=12_500_000, payment_method="bank_transfer")
    page = phone_as(commune_a_officer)
    page.goto(live_server.url + "/can-bo/to-giac/")
    _cards(page, "#queue")
    assert_accessible(page)
    # The staff menu is folded: its links appear once the summary is pressed (a <details>, no JavaScript).
    menu = page.locator("details.staff-menu")
    expect(menu.locator("summary")).to_be_visible()
    expect(menu.get_by_role("link", name="Kế hoạch")).to_be_hidden()
    expect(page.locator(".staff-wide")).to_be_hidden()
    menu.locator("summary").click()
    expect(menu.get_by_role("link", name="Kế hoạch")).to_be_visible()

    page.goto(live_server.url + "/can-bo/to-giac/thong-ke/")
    _cards(page, "#by_month")
    assert re.fullmatch(r"\d{2}/\d{4}", page.locator("#by_month tbody td").first.inner_text().strip())
    expect(page.locator("#figures")).to_contain_text("12.500.000 đ")
    assert_accessible(page)

    plain = phone_as(provincial_officer, javascript=False)
    plain.goto(live_server.url + "/can-bo/to-giac/")
    plain.locator("details.staff-menu summary").click()
    expect(plain.locator("details.staff-menu").get_by_role("link", name="Hồ sơ tố giác")).to_be_visible()


def test_identity_export_is_a_button_with_a_purpose(
    phone_as: Any, live_server: Any, units: None, assert_accessible: Any
) -> None:
    from toandan.orgs.models import Role
    from toandan.web.testing import COMMUNE_A_POLICE, make_staff

    leader = make_staff("leader_a", COMMUNE_A_POLICE, Role.UNIT_LEADER)
    make_report(anonymous=False, name="Nguyễn Văn B", phone="0905123456")
    page = phone_as(leader)
    page.goto(live_server.url + "/can-bo/to-giac/thong-ke/")
    fits(page)
    page.locator("#identity-export summary").click()
    button = page.get_by_role("button", name="Xuất CSV kèm danh tính")
    expect(button).to_be_visible()
    assert_accessible(page)
    before = AuditEvent.objects.count()
    button.click()  # without a purpose the browser refuses to send (the server refuses too: HTTP tests)
    purpose = page.get_by_label("Mục đích xuất danh tính")
    assert purpose.evaluate("i => i.required && !i.validity.valid")
    assert AuditEvent.objects.count() == before
    page.get_by_label("Mục đích xuất danh tính").fill("Phối hợp xác minh vụ việc theo yêu cầu của PA05")
    with page.expect_download() as download:
        page.get_by_role("button", name="Xuất CSV kèm danh tính").click()
    assert "0905123456" in download.value.path().read_text(encoding="utf-8-sig")
    assert "?identity=1" not in page.content()
    assert AuditEvent.objects.count() > before


def test_demo_plan_lives_and_its_report_is_signed_by_the_committee(
    phone_as: Any, live_server: Any, steering_member: User, assert_accessible: Any
) -> None:
    plan, _created = load_seed_plan()
    bring_to_life(plan)
    page = phone_as(steering_member)
    page.goto(f"{live_server.url}/can-bo/ke-hoach/{plan.pk}/")
    overall = page.locator("#overall").inner_text()
    done, total = map(int, re.match(r"(\d+)/(\d+)", overall).groups())  # type: ignore[union-attr]
    assert done > total // 2, overall
    _cards(page, "#by-task")
    assert_accessible(page)
    page.goto(f"{live_server.url}/can-bo/ke-hoach/{plan.pk}/tong-hop/")
    fits(page)
    assert page.get_by_label("Thẩm quyền ký (TM., KT., …)").input_value() == "TM. BAN CHỈ ĐẠO"
    assert page.get_by_label("Chức vụ người ký").input_value() == "TRƯỞNG BAN"
    assert_accessible(page)
    page.get_by_label("Kỳ báo cáo").select_option(label="Quý III/2022 (Hằng quý)")
    with page.expect_download() as download:
        page.get_by_role("button", name="Tải báo cáo (.docx)").click()
    doc = Document(io.BytesIO(download.value.path().read_bytes()))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI" in text and "KIẾN NGHỊ, ĐỀ XUẤT" in text
    assert "thực hiện quý III/2022" in text and "GIÁM ĐỐC CÔNG AN TỈNH" not in text
    assert "Phường Cẩm Thành" in "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
