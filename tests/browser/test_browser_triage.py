"""The officer's case page in a real browser: the suggested category and priority with their reasons and the
message scorer's verdict on the description, then the officer corrects the category."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from toandan.accounts.models import User
from toandan.orgs.models import Unit
from toandan.reports.models import ReportCategory
from toandan.reports.services import ReportInput, submit_report
from toandan.triage.tasks import suggest_pending
from toandan.web.testing import staff_client

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _model_dir(settings: Any, tmp_path: Path) -> None:
    settings.TRIAGE_MODEL_DIR = str(tmp_path / "triage-models")


def signed_in_page(browser: Any, live_server: Any, user: User) -> Any:
    client = staff_client(user)
    context = browser.new_context(locale="vi-VN", viewport={"width": 1024, "height": 900})
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context.new_page()


def test_officer_sees_suggestion_and_reasons_and_corrects_the_category(
    browser: Any, live_server: Any, commune_a_officer: User, artifacts: Path
) -> None:
    # A real commit (transactional test); then the worker's periodic sweep makes the suggestion.
    report = submit_report(
        ReportInput(
            category=ReportCategory.objects.get(code="khac"),
            description=(
                "Tôi nhận tin nhắn: [VCB] Tai khoan cua quy khach se bi khoa, xac thuc tai "
                "https://vietcombank-xacthuc.top ngay. Tôi bấm vào, nhập mã OTP và bị chuyển mất tiền. "
                "Đối tượng vẫn đang gọi điện đòi chuyển thêm."
            ),
            commune=Unit.objects.get(code="phuong-cam-thanh-21025"),
            money_lost=80_000_000,
            payment_method="bank_transfer",
            consent=True,
        )
    ).report
    assert suggest_pending.call() == 1

    page = signed_in_page(browser, live_server, commune_a_officer)
    page.goto(f"{live_server.url}/can-bo/to-giac/{report.code}/")
    panel = page.locator("#triage")
    assert "Trang web, đường link lừa đảo" in page.locator("#triage-category").inner_text()
    assert page.locator("#triage-priority").inner_text().strip() == "Khẩn cấp"
    reasons = page.locator("#triage-reasons").inner_text()
    assert "Đã mất 80.000.000 đồng" in reasons
    assert "Đối tượng vẫn đang liên lạc hoặc hẹn" in reasons
    assert "Có dấu hiệu lừa đảo" in page.locator("#message-verdict").inner_text()
    assert "Đường link giả mạo tên miền của Vietcombank" in page.locator("#message-reasons").inner_text()
    panel.screenshot(path=str(artifacts / "triage-case-panel.png"))

    page.get_by_label("Loại tố giác").select_option(label="Lừa đảo, chiếm đoạt tài sản qua mạng")
    page.get_by_label("Mức ưu tiên").select_option(label="Cao")
    page.get_by_label("Ghi chú (không bắt buộc)").fill("Trọng tâm là số tiền bị chiếm đoạt")
    page.get_by_role("button", name="Lưu phân loại").click()
    page.wait_for_selector("#triage-decision")
    assert "Lừa đảo, chiếm đoạt tài sản qua mạng · Cao" in page.locator("#triage-decision").inner_text()
    assert "Phân loại: Vi phạm pháp luật khác trên mạng → Lừa đảo, chiếm đoạt tài sản qua mạng" in (
        page.locator("#history").inner_text()
    )
    report.refresh_from_db()
    assert report.category.code == "lua-dao"
    assert report.triage.final_priority == "high" and report.triage.category.code == "link-lua-dao"
