"""The evaluation journey in a real browser: a steering committee member opens the dashboard of the seed plan,
switches period and commune, drills down into a figure, and exports the XLSX; every page passes axe-core."""

from __future__ import annotations

import io
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from toandan.accounts.models import User
from toandan.evaluation.models import Population
from toandan.evaluation.services.metrics import define_metric, set_target
from toandan.orgs.models import Role, Unit
from toandan.plans.services import load_seed_plan, set_reporting_rules
from toandan.reports.models import Report, ReportCategory
from toandan.reports.services import ReportInput, submit_report
from toandan.web.testing import make_staff, staff_client

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
COMMUNE_A = "phuong-cam-thanh-21025"
COMMUNE_B = "phuong-nghia-lo-21028"


def _report(commune: str, day: Any) -> None:
    data = ReportInput(
        category=ReportCategory.objects.get(code="lua-dao"),
        description="Có người gọi điện xưng công an, yêu cầu chuyển tiền vào tài khoản.",
        commune=Unit.objects.get(code=commune),
        money_lost=2_000_000,
        consent=True,
    )
    report = submit_report(data).report
    at = datetime.combine(day, time(9), tzinfo=timezone.get_current_timezone())
    Report.objects.filter(pk=report.pk).update(received_at=at)


def test_steering_member_dashboard_journey(
    browser: Any,
    live_server: Any,
    units: None,
    assert_accessible: Any,
    artifacts: Path,
    tmp_path: Path,
    settings: Any,
) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    plan = load_seed_plan()[0]
    set_reporting_rules(plan, ["quarterly"], 5)
    q2 = plan.periods.get(frequency="quarterly", year=2022, index=2)
    q3 = plan.periods.get(frequency="quarterly", year=2022, index=3)
    for offset in (1, 2, 3):
        _report(COMMUNE_A, q2.starts_on + timedelta(days=offset))
    _report(COMMUNE_B, q2.starts_on + timedelta(days=4))
    for offset in (1, 2):
        _report(COMMUNE_B, q3.starts_on + timedelta(days=offset))
    metric = define_metric(plan, name="Tố giác tiếp nhận", source="computed", computed_key="reports_received")
    set_target(metric, q2, 8)
    steering: User = make_staff("bcd.thanhvien", "bcd138", Role.STEERING_MEMBER)
    a = Unit.objects.get(code=COMMUNE_A)
    Population.objects.create(commune=a, year=2022, residents=20_000, source="Niên giám thống kê (thử)")

    client = staff_client(steering)
    context = browser.new_context(locale="vi-VN", accept_downloads=True)
    context.set_default_timeout(15_000)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    page.goto(live_server.url + "/can-bo/")
    page.get_by_role("link", name="Đánh giá").first.click()
    assert_accessible(page)
    page.get_by_role("link", name="249/KH-BCĐ138").click()
    page.wait_for_selector("#board-lines")
    assert_accessible(page)

    page.get_by_label("Kỳ").select_option(label=q2.label)
    page.get_by_role("button", name="Xem").click()
    row = page.locator("#board-lines tr", has_text="Tố giác tiếp nhận")
    assert row.get_by_role("link").inner_text() == "4"
    assert "50%" in row.inner_text()
    page.get_by_label("Phạm vi").select_option(label="Phường Cẩm Thành")
    page.get_by_role("button", name="Xem").click()
    row = page.locator("#board-lines tr", has_text="Tố giác tiếp nhận")
    assert row.get_by_role("link").inner_text() == "3"
    assert_accessible(page)
    # Ranking per 10,000 residents: commune A has an entered population, B has none
    page.get_by_text("Xem bảng xếp hạng").click()
    first = page.locator("#ranking tbody tr").first
    assert "Phường Cẩm Thành" in first.inner_text() and "1,5" in first.inner_text()
    assert "Niên giám thống kê (thử)" in first.inner_text()
    other = page.locator("#ranking tbody tr", has_text="Phường Nghĩa Lộ")
    assert "chưa có số dân" in other.inner_text()
    assert_accessible(page)
    page.screenshot(path=str(artifacts / "evaluation-dashboard.png"), full_page=True)

    row.get_by_role("link").click()
    page.wait_for_selector("#drill-records")
    assert page.locator("#drill-records tbody tr").count() == 3
    assert "Phường Cẩm Thành" in page.locator("#drill-summary").inner_text()
    assert_accessible(page)
    page.go_back()
    page.wait_for_selector("#board-lines")

    with page.expect_download() as info:
        page.get_by_role("link", name="Tải bảng số liệu (.xlsx)").click()
    data = Path(info.value.path()).read_bytes()
    book = load_workbook(io.BytesIO(data))
    lines = list(book["Chỉ tiêu"].iter_rows(min_row=2, values_only=True))
    assert lines[0][1:6] == ("Phường Cẩm Thành", "Tố giác tiếp nhận", "tố giác", None, 3)
    context.close()
