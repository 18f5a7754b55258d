"""Officers confirm (with a case as evidence) and clear indicators; history rows, audit rows, permissions."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from toandan.core.models import AuditAction, AuditEvent
from toandan.indicators import status
from toandan.indicators.models import ClearReason, EventKind, IndicatorRecord, IndicatorStatus
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db


def test_confirm_with_a_case_writes_history_and_audit(
    file_report: Any, record_of: Any, commune_a_officer: Any
) -> None:
    report = file_report("0987 654 321", category="gia-mao")
    record = status.confirm(
        record_of("0987654321"), actor=commune_a_officer, report=report, note="Đã xác minh."
    )
    record.refresh_from_db()
    assert record.status == IndicatorStatus.CONFIRMED and record.category.code == "gia-mao"
    assert record.confirmed_at == record.status_changed_at
    event = record.events.get()
    assert (event.kind, event.from_status, event.to_status, event.report_id, event.actor_id) == (
        EventKind.CONFIRMED,
        "reported",
        "confirmed",
        report.pk,
        commune_a_officer.pk,
    )
    audit = AuditEvent.objects.get(action=AuditAction.STATE_CHANGED, object_id=str(record.pk))
    assert "confirmed" in audit.summary and audit.data["report"] == report.code
    with pytest.raises(ValidationError):
        status.confirm(record, actor=commune_a_officer, report=report)


def test_evidence_must_be_visible_and_name_the_indicator(
    file_report: Any, record_of: Any, commune_a_officer: Any, commune_b_officer: Any, steering_member: Any
) -> None:
    in_a = file_report("0987 654 321")
    other = file_report("0911 222 333")
    record = record_of("0987654321")
    with pytest.raises(PermissionDenied):
        status.confirm(record, actor=commune_b_officer, report=in_a)
    with pytest.raises(PermissionDenied):
        status.confirm(record, actor=steering_member, report=in_a)  # oversees figures, decides nothing
    with pytest.raises(ValidationError):
        status.confirm(record, actor=commune_a_officer, report=other)
    assert record_of("0987654321").status == IndicatorStatus.REPORTED


def test_allowlisted_can_never_be_confirmed(
    file_report: Any, record_of: Any, allow: Any, provincial_officer: Any
) -> None:
    report = file_report("vietcombank.com.vn")
    allow("vietcombank.com.vn", "Vietcombank", verified=False)
    with pytest.raises(ValidationError):
        status.confirm(record_of("vietcombank.com.vn"), actor=provincial_officer, report=report)


def test_clear_needs_a_reason_and_grounds(file_report: Any, record_of: Any, commune_a_officer: Any) -> None:
    file_report("0987 654 321")
    record = record_of("0987654321")
    with pytest.raises(ValidationError):
        status.clear(record, actor=commune_a_officer, reason=ClearReason.FALSE_REPORT, note=" ")
    with pytest.raises(ValidationError):
        status.clear(record, actor=commune_a_officer, reason="whim", note="x")
    status.clear(
        record, actor=commune_a_officer, reason=ClearReason.FALSE_REPORT, note="Số của người bán hàng."
    )
    record.refresh_from_db()
    assert record.status == IndicatorStatus.CLEARED
    assert record.events.get().reason == ClearReason.FALSE_REPORT
    with pytest.raises(ValidationError):
        status.clear(record, actor=commune_a_officer, reason=ClearReason.FALSE_REPORT, note="Lần nữa.")


def test_who_may_decide(
    file_report: Any,
    record_of: Any,
    commune_a_officer: Any,
    commune_b_officer: Any,
    provincial_officer: Any,
    steering_member: Any,
    citizen: Any,
) -> None:
    file_report("0987 654 321")
    record = record_of("0987654321")
    assert status.can_decide(commune_a_officer, record) and status.can_decide(provincial_officer, record)
    assert not status.can_decide(commune_b_officer, record)
    assert not status.can_decide(steering_member, record) and not status.can_decide(citizen, record)
    with pytest.raises(PermissionDenied):
        status.clear(record, actor=commune_b_officer, reason=ClearReason.FALSE_REPORT, note="x")


def test_staff_page_confirms_and_clears(file_report: Any, record_of: Any, commune_a_officer: Any) -> None:
    report = file_report("https://lua-dao-vcb.com/dang-nhap")
    record = record_of("https://lua-dao-vcb.com/dang-nhap")
    client = staff_client(commune_a_officer)
    page = client.get(reverse("indicators:detail", args=[record.pk]))
    assert page.status_code == 200 and report.code in page.content.decode()
    response = client.post(
        reverse("indicators:act", args=[record.pk, "confirm"]),
        {"confirm-report": report.code, "confirm-note": "Trang giả mạo.", "confirm-also_domain": "on"},
    )
    assert response.status_code == 302
    assert record_of("https://lua-dao-vcb.com/dang-nhap").status == IndicatorStatus.CONFIRMED
    domain = IndicatorRecord.objects.get(kind="domain", value="lua-dao-vcb.com")
    assert domain.status == IndicatorStatus.CONFIRMED and domain.events.get().report_id == report.pk
    bad = client.post(
        reverse("indicators:act", args=[record.pk, "clear"]),
        {"clear-reason": "false_report", "clear-note": ""},
    )
    assert bad.status_code == 400
    client.post(
        reverse("indicators:act", args=[record.pk, "clear"]),
        {"clear-reason": "false_report", "clear-note": "Nhầm."},
    )
    assert record_of("https://lua-dao-vcb.com/dang-nhap").status == IndicatorStatus.CLEARED
    history = client.get(reverse("indicators:detail", args=[record.pk])).content.decode()
    assert "Xác nhận lừa đảo" in history and "Gỡ bỏ" in history


def test_staff_page_is_hidden_from_officers_who_see_none_of_its_reports(
    file_report: Any, record_of: Any, commune_b_officer: Any, steering_member: Any
) -> None:
    file_report("0987 654 321")
    pk = record_of("0987654321").pk
    assert staff_client(commune_b_officer).get(reverse("indicators:detail", args=[pk])).status_code == 404
    seen = staff_client(steering_member).get(reverse("indicators:detail", args=[pk])).content.decode()
    assert "Xác nhận lừa đảo" not in seen  # province-wide view, no decision forms


def test_admin_allowlist_entry_withdraws_confirmed_records(
    file_report: Any, record_of: Any, admin_user: Any, provincial_officer: Any, no_seed_allowlist: None
) -> None:
    report = file_report("https://that.example.vn/trang")
    record = status.confirm(
        record_of("https://that.example.vn/trang"), actor=provincial_officer, report=report
    )
    response = staff_client(admin_user).post(
        "/quan-tri/indicators/allowedindicator/add/",
        {
            "kind": "domain",
            "value": "WWW.Example.VN",
            "organisation": "Cơ quan thật",
            "include_subdomains": "on",
        },
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.status == IndicatorStatus.CLEARED
    assert record.events.last().reason == ClearReason.ALLOWLISTED
