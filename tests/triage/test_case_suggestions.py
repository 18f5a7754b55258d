"""Suggestions for new reports: made by the worker's periodic sweep, from the priority signals, the message
scorer and the keyword fallback (no model accepted yet), with reasons and the reputation of indicators."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from toandan.identifiers.base import Indicator
from toandan.reports.models import Report, ReportCategory
from toandan.reports.services import ReportInput, submit_report
from toandan.triage.cases import priority
from toandan.triage.models import CaseSuggestion
from toandan.triage.reputation import report_counts
from toandan.triage.tasks import suggest_for_report, suggest_pending

pytestmark = pytest.mark.django_db
Factory = Callable[..., Report]


def test_the_sweep_suggests_for_each_new_report_once(report_factory: Factory) -> None:
    report = report_factory("Hàng xóm mở nhạc to, tôi muốn phản ánh.", category="khac")
    suggestion = CaseSuggestion.objects.get(report=report)
    assert suggestion.priority == "low" and suggestion.category.code == "khac"
    assert suggestion.category_source == "reporter" and suggestion.reported_category.code == "khac"
    assert suggest_pending.call() == 0  # nothing left to do: the next run reads no report


def test_intake_leaves_the_suggestion_to_the_sweep(units: None) -> None:
    khac = ReportCategory.objects.get(code="khac")
    data = ReportInput(category=khac, description="Tôi bị làm phiền qua tin nhắn.", consent=True)
    report = submit_report(data).report
    assert not CaseSuggestion.objects.filter(report=report).exists()
    assert suggest_pending.call() == 1
    assert CaseSuggestion.objects.get(report=report).priority == "low"


def test_the_sweep_reads_only_the_last_week(units: None) -> None:
    from datetime import timedelta

    from django.utils import timezone

    khac = ReportCategory.objects.get(code="khac")
    old = submit_report(ReportInput(category=khac, description="Tin nhắn lạ.", consent=True)).report
    Report.objects.filter(pk=old.pk).update(received_at=timezone.now() - timedelta(days=8))
    new = submit_report(ReportInput(category=khac, description="Cuộc gọi lạ.", consent=True)).report
    assert suggest_pending.call() == 1
    assert CaseSuggestion.objects.filter(report=new).exists()
    assert not CaseSuggestion.objects.filter(report=old).exists()


def test_a_failing_report_does_not_stop_the_sweep(
    report_factory: Factory, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from toandan.triage.cases import services as case_services

    real = case_services.suggest
    first = report_factory("Tin nhắn rác quảng cáo.", category="khac")
    CaseSuggestion.objects.filter(report=first).delete()
    khac = ReportCategory.objects.get(code="khac")
    data = ReportInput(category=khac, description="Cuộc gọi lạ.", consent=True)
    second = submit_report(data).report

    def flaky(report_id: int) -> Any:
        if report_id == first.pk:
            raise RuntimeError("model file unreadable")
        return real(report_id)

    monkeypatch.setattr(case_services, "suggest", flaky)
    assert suggest_pending.call() == 2
    assert CaseSuggestion.objects.filter(report=second).exists()
    assert not CaseSuggestion.objects.filter(report=first).exists()
    assert "triage suggestion failed" in caplog.text


def test_large_loss_ongoing_contact_and_child_make_it_urgent(report_factory: Factory) -> None:
    report = report_factory(
        "Con tôi 13 tuổi bị người lạ dụ chuyển khoản, đến nay đối tượng vẫn đang nhắn tin "
        "và hẹn gặp ngày mai.",
        money_lost=60_000_000,
        payment_method="bank_transfer",
    )
    suggestion = report.triage
    assert suggestion.priority == "urgent" and suggestion.points >= 6
    reasons = suggestion.reason_texts()
    assert "Đã mất 60.000.000 đồng" in reasons
    assert "Có trẻ em, học sinh liên quan" in reasons
    assert "Đối tượng vẫn đang liên lạc hoặc hẹn: còn có thể ngăn thiệt hại" in reasons


def test_keywords_suggest_a_category_when_no_model_exists(report_factory: Factory) -> None:
    report = report_factory(
        "Có người tham gia cá độ bóng đá trên trang nhà cái, rủ rê học sinh đánh bạc tài xỉu.",
        category="khac",
    )
    suggestion = report.triage
    assert suggestion.category.code == "co-bac" and suggestion.category_source == "keywords"
    assert suggestion.model_version == "keywords"
    assert "Nội dung có từ khóa của loại “Đánh bạc trực tuyến”" in suggestion.reason_texts()


def test_many_reports_on_the_same_indicator_raise_priority(report_factory: Factory) -> None:
    for i in range(3):
        report_factory(f"Bị lừa lần {i} qua số này.", identifiers=["0912 345 678"])
    report = report_factory("Số này gọi cho tôi.", identifiers=["0912345678"])
    reasons = report.triage.reason_texts()
    assert "Số điện thoại, tài khoản hoặc đường link đã có trong 3 tố giác khác" in reasons
    assert report.triage.priority == "normal"


def test_message_verdict_on_the_description_is_stored(report_factory: Factory) -> None:
    report = report_factory(
        "Tin nhắn: [VCB] Tai khoan cua quy khach se bi khoa, xac thuc tai "
        "https://vietcombank-xacthuc.top ngay"
    )
    assert report.triage.message_verdict == "scam" and report.triage.message_score >= 0.7
    assert "Nội dung mang dấu hiệu lừa đảo rõ" in report.triage.reason_texts()


def test_rerunning_the_task_keeps_a_decided_suggestion(
    report_factory: Factory, commune_a_officer: object
) -> None:
    from toandan.reports.models import ReportCategory
    from toandan.triage.cases.services import decide

    report = report_factory("Tôi bị lừa mất tiền khi mua hàng online, người bán chặn liên lạc.")
    decide(report, ReportCategory.objects.get(code="lua-dao"), "high", actor=commune_a_officer)
    assert suggest_for_report.call(report.pk) == report.triage.priority
    report.triage.refresh_from_db()
    assert report.triage.final_priority == "high"


def test_report_counts_come_from_links_and_leave_one_report_out(report_factory: Factory) -> None:
    first = report_factory(
        "Bị lừa qua số này.", identifiers=["0912345678", "Vietcombank 0123456789", "vcb-hotro.top/login"]
    )
    report_factory("Cũng số này.", identifiers=["+84 912 345 678"])
    phone = Indicator("phone", "0912345678")
    account = Indicator("bank_account", "0123456789")
    link = Indicator("url", "http://vcb-hotro.top/login")
    unknown = Indicator("phone", "0987000111")
    assert report_counts([phone, account, link, unknown]) == {phone: 2, account: 1, link: 1}
    assert report_counts([phone, account], exclude_report=first.pk) == {phone: 1}
    assert report_counts([]) == {}


def test_reputation_reaches_the_message_scorer(report_factory: Factory) -> None:
    from toandan.triage.message import score_message

    for i in range(12):
        report_factory(f"Số này lừa tôi lần {i}.", identifiers=["0912345678"])
    verdict = score_message("Chi oi lien he em qua so 0912345678 nhe", reputation=report_counts)
    assert "Số điện thoại đã bị tố giác 12 lần" in verdict.reasons and verdict.verdict == "scam"


@pytest.mark.parametrize(
    ("text", "child"),
    [("cháu nhà tôi bị dụ", True), ("em gái 15 tuổi", True), ("tôi 35 tuổi", False), ("khách hàng", False)],
)
def test_child_signal(text: str, child: bool) -> None:
    from toandan.triage.text import normalise

    assert priority.child_involved(normalise(text)) is child


def test_after_clearance_only_later_reports_count(report_factory: Factory) -> None:
    from django.utils import timezone

    from toandan.indicators.models import IndicatorRecord

    report_factory("Số này bị tố giác nhầm.", identifiers=["0912345678"])
    IndicatorRecord.objects.filter(kind="phone").update(status="cleared", status_changed_at=timezone.now())
    phone = Indicator("phone", "0912345678")
    assert report_counts([phone]) == {}
    report_factory("Số này lại gọi lừa đảo.", identifiers=["0912345678"])
    assert report_counts([phone]) == {phone: 1}
