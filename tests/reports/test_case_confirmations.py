"""Issue #15, officers: every action of the case page says what it did where the officer acted (the message
carries the action's anchor and the redirect returns there), the legal deadlines with "còn N ngày" head the
page, labels are Vietnamese, money and dates in Vietnamese formats, and the transfer list holds only the
units competent to handle reports."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.reports.test_report_workflow import make_report
from toandan.accounts.models import User
from toandan.indicators.models import KIND_LABELS
from toandan.orgs.models import Unit, UnitKind
from toandan.reports import workflow
from toandan.reports.case_actions import ACTIONS
from toandan.reports.models import Status
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("action", "data", "said"),
    [
        ("status", {"status": Status.VERIFYING}, "Đã cập nhật trạng thái: Đang xác minh."),
        ("message", {"message-text": "Chúng tôi đang xác minh."}, "Đã gửi tin nhắn cho người tố giác."),
        ("note", {"note-text": "Đã gọi ngân hàng."}, "Đã lưu ghi chú nội bộ."),
        ("assign", {"officer": ""}, "Đã bỏ phân công"),
    ],
)
def test_each_action_confirms_at_its_place(
    commune_a_officer: User, action: str, data: dict, said: str
) -> None:
    report = make_report()
    client = staff_client(commune_a_officer)
    response = client.post(reverse("reports:act", args=[report.code, action]), data)
    anchor = ACTIONS[action].anchor
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:detail", args=[report.code]) + f"#{anchor}"
    page = client.get(response["Location"]).content.decode()
    form = re.search(rf'<form method="post" id="{anchor}"[^>]*>(.*?)</form>', page, re.S)
    assert form and said in form.group(1), page[:0]
    # Shown once, in its place, not also at the top of the page.
    assert page.count(said) == 1


def test_assign_names_the_officer(commune_a_officer: User) -> None:
    report = make_report()
    client = staff_client(commune_a_officer)
    response = client.post(
        reverse("reports:act", args=[report.code, "assign"]), {"officer": commune_a_officer.pk}, follow=True
    )
    assert f"Đã phân công cho {commune_a_officer}." in response.content.decode()


def test_refusal_is_also_shown_at_its_place(commune_a_officer: User) -> None:
    report = make_report()
    client = staff_client(commune_a_officer)
    step = "procuracy_notified"
    client.post(reverse("reports:act", args=[report.code, step]), {})
    again = client.post(reverse("reports:act", args=[report.code, step]), {})
    assert again["Location"].endswith("#" + ACTIONS[step].anchor)
    page = client.get(again["Location"]).content.decode()
    assert 'class="msg error"' in page and "đã được ghi nhận" in page


def test_deadlines_head_the_page_with_days_left(commune_a_officer: User) -> None:
    report = make_report(money_lost=5_000_000, payment_method="bank_transfer")
    page = staff_client(commune_a_officer).get(reverse("reports:detail", args=[report.code])).content.decode()
    deadlines = page.index('id="deadlines"')
    assert deadlines < page.index('id="noi-dung"') < page.index('id="xu-ly"')
    assert re.search(r"còn \d+ ngày", page[deadlines : page.index('id="noi-dung"')])
    assert "5.000.000\u00a0đ" in page
    # Indicator kinds by their Vietnamese labels, never the stored values.
    indicators = page[page.index('id="indicators"') :]
    indicators = indicators[: indicators.index("</ul>")]
    kinds = [str(label) for label in KIND_LABELS.values()]
    assert any(label in indicators for label in kinds)
    assert not re.search(r"\b(bank_account|social|url|phone)\b", re.sub(r"<[^>]+>", " ", indicators))


def test_transfer_list_holds_only_units_competent_for_reports(commune_a_officer: User) -> None:
    report = make_report()
    page = staff_client(commune_a_officer).get(reverse("reports:detail", args=[report.code])).content.decode()
    select = re.search(r'<select name="unit"[^>]*>(.*?)</select>', page, re.S).group(1)  # type: ignore[union-attr]
    names = re.findall(r"<option value=\"\d+\"[^>]*>([^<]+)</option>", select)
    police = Unit.objects.handling_reports().exclude(pk=report.unit_id)
    assert len(names) == police.count() and len(names) < 227
    assert "Báo và Phát thanh, Truyền hình Quảng Ngãi" not in select
    assert "Hội đồng nhân dân tỉnh Quảng Ngãi" not in select
    assert "Phòng An ninh mạng" in select and report.unit.name not in names
    assert select.count("<optgroup") == 2


def test_transfer_to_a_unit_without_competence_is_refused(commune_a_officer: User) -> None:
    report = make_report()
    council = Unit.objects.get(kind=UnitKind.COUNCIL)
    client = staff_client(commune_a_officer)
    response = client.post(
        reverse("reports:act", args=[report.code, "transfer"]), {"unit": council.pk, "reason": "Thử"}
    )
    assert response.status_code == 400
    assert "Chọn một đơn vị công an trong danh sách." in response.content.decode()
    with pytest.raises(ValidationError):
        workflow.transfer(report, council, actor=commune_a_officer, reason="Thử")
    report.refresh_from_db()
    assert report.unit.kind == UnitKind.POLICE and report.events.count() == 1
