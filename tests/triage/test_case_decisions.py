"""The officer's decision on a suggestion: stored with who and when, the report's category changed through
the service with history and audit rows, only for reports the officer may see; accuracy measured."""

from __future__ import annotations

from collections.abc import Callable
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from toandan.accounts.models import User
from toandan.core.models import AuditAction, AuditEvent
from toandan.reports.models import EventKind, Report, ReportCategory
from toandan.triage.cases.services import decide
from toandan.triage.models import CaseCorrection
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db
Factory = Callable[..., Report]


def test_correcting_changes_the_category_with_history_and_audit(
    report_factory: Factory, commune_a_officer: User
) -> None:
    report = report_factory("Có người rủ cá độ bóng đá qua nhà cái trên mạng.", category="lua-dao")
    assert report.triage.category.code == "co-bac"
    correction = decide(
        report,
        ReportCategory.objects.get(code="tin-rac"),
        "low",
        actor=commune_a_officer,
        note="chỉ là tin rác",
    )
    report.refresh_from_db()
    report.triage.refresh_from_db()
    assert report.category.code == "tin-rac" and "tin nhan, cuoc goi rac" in report.search_text
    assert correction.actor == commune_a_officer and correction.at is not None
    assert (correction.category_before.code, correction.category_after.code) == ("lua-dao", "tin-rac")
    assert report.triage.final_category.code == "tin-rac" and report.triage.final_priority == "low"
    assert report.triage.category.code == "co-bac", "the suggestion itself is never overwritten"
    note = report.events.get(kind=EventKind.NOTE)
    assert "Lừa đảo" in note.text and "Tin nhắn, cuộc gọi rác" in note.text and not note.public
    audit = AuditEvent.objects.filter(action=AuditAction.STATE_CHANGED, object_id=str(report.pk)).get()
    assert audit.actor == commune_a_officer and "lua-dao → tin-rac" in audit.summary


def test_confirming_keeps_the_category_and_adds_a_row(
    report_factory: Factory, commune_a_officer: User
) -> None:
    report = report_factory("Bị lừa chuyển khoản mua hàng online.", money_lost=3_000_000)
    decide(report, report.category, report.triage.priority, actor=commune_a_officer)
    decide(report, report.category, "urgent", actor=commune_a_officer)
    assert CaseCorrection.objects.filter(suggestion__report=report).count() == 2
    report.triage.refresh_from_db()
    assert report.triage.current_priority == "urgent"


def test_case_page_shows_the_suggestion_reasons_and_message_verdict(
    report_factory: Factory, commune_a_officer: User
) -> None:
    report = report_factory(
        "Tin nhắn: [VCB] Tai khoan cua quy khach se bi khoa, xac thuc tai "
        "https://vietcombank-xacthuc.top ngay. Tôi đã bấm vào và mất tiền.",
        money_lost=5_000_000,
    )
    page = staff_client(commune_a_officer).get(reverse("reports:detail", args=[report.code])).content.decode()
    assert 'id="triage"' in page and "Phân loại đề xuất" in page
    assert "Đã mất 5.000.000 đồng" in page
    assert "Có dấu hiệu lừa đảo" in page and "Đường link giả mạo tên miền của Vietcombank" in page
    assert 'name="triage-category"' in page and 'name="triage-priority"' in page


def test_decision_through_the_case_page(report_factory: Factory, commune_a_officer: User) -> None:
    report = report_factory("Có người đăng tin bịa đặt, xuyên tạc về chính quyền xã.", category="khac")
    client = staff_client(commune_a_officer)
    category = ReportCategory.objects.get(code="tin-sai")
    response = client.post(
        reverse("triage:decide", args=[report.code]),
        {"triage-category": category.pk, "triage-priority": "high", "triage-note": ""},
    )
    assert response.status_code == 302 and response["Location"].endswith(f"/can-bo/to-giac/{report.code}/")
    report.refresh_from_db()
    assert report.category == category and report.triage.final_priority == "high"
    page = client.get(reverse("reports:detail", args=[report.code])).content.decode()
    assert 'id="triage-decision"' in page


def test_officers_of_other_units_cannot_decide(report_factory: Factory, commune_b_officer: User) -> None:
    report = report_factory("Bị lừa chuyển tiền.")
    response = staff_client(commune_b_officer).post(
        reverse("triage:decide", args=[report.code]),
        {"triage-category": report.category_id, "triage-priority": "low"},
    )
    assert response.status_code == 404
    assert not CaseCorrection.objects.exists()


def test_citizens_are_not_let_in(report_factory: Factory, citizen: User) -> None:
    from django.test import Client

    client = Client()
    client.force_login(citizen)
    report = report_factory("Bị lừa chuyển tiền.")
    assert client.post(reverse("triage:decide", args=[report.code]), {}).status_code == 403
    assert client.get(reverse("triage:accuracy")).status_code == 403


def test_accuracy_page_and_command(
    report_factory: Factory, commune_a_officer: User, commune_b_officer: User
) -> None:
    gambling = report_factory("Rủ cá độ bóng đá qua nhà cái.", category="khac")
    fraud = report_factory("Bị lừa đặt cọc thuê nhà, chuyển tiền xong bị chặn.", category="khac")
    report_factory("Bị lừa chuyển tiền.", commune="phuong-nghia-lo-21028")
    decide(
        gambling, ReportCategory.objects.get(code="co-bac"), gambling.triage.priority, actor=commune_a_officer
    )
    decide(fraud, ReportCategory.objects.get(code="gia-mao"), "high", actor=commune_a_officer)
    page = staff_client(commune_a_officer).get(reverse("triage:accuracy")).content.decode()
    assert "2 đề xuất đã được cán bộ xác nhận hoặc sửa; 0 đề xuất chưa xem." in page
    other = staff_client(commune_b_officer).get(reverse("triage:accuracy")).content.decode()
    assert "0 đề xuất đã được cán bộ xác nhận hoặc sửa; 1 đề xuất chưa xem." in other
    out = StringIO()
    call_command("triage_accuracy", stdout=out)
    text = out.getvalue()
    assert "reviewed: 2, not reviewed yet: 1" in text
    assert "suggested category     accuracy 0.500" in text and "reporter's category    accuracy 0.000" in text
