"""Data subjects' requests through the staff pages: recorded with a deadline, moved through statuses with
history rows, access shown only through an audited action, deletion carried out — or refused while a crime
report is still under handling, with the reason as the answer."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from privacy_helpers import report_with_evidence, resolve

from toandan.core import crypto
from toandan.core.models import AuditAction, AuditEvent
from toandan.privacy import subject_requests
from toandan.privacy.models import RequestStatus, SubjectRequest
from toandan.reports.models import Evidence, ReporterIdentity
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db


def open_request(client: Any, kind: str, reference: str, **extra: Any) -> SubjectRequest:
    data = {
        "kind": kind,
        "record_type": "reports.report",
        "reference": reference,
        "subject_name": "Nguyễn Văn Tố",
        "subject_contact": "0905 000 999",
        "details": "Tôi muốn xóa thông tin của mình.",
        **extra,
    }
    response = client.post(reverse("privacy:requests"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return SubjectRequest.objects.latest("received_at")


def test_deletion_refused_while_the_report_is_handled_then_done_after(
    provincial_officer: Any, commune_a_officer: Any, django_capture_on_commit_callbacks: Any
) -> None:
    report = report_with_evidence("Nguyễn Văn Tố", "+84905000999")
    client = staff_client(provincial_officer)
    item = open_request(client, "deletion", report.code.lower().replace("-", " "))
    assert crypto.decrypt(item.subject_name) == "Nguyễn Văn Tố"  # stored encrypted
    assert "Nguyễn Văn Tố" not in item.subject_name
    page = client.get(reverse("privacy:request", args=[item.code])).content.decode()
    assert "Nguyễn Văn Tố" not in page  # the requester is shown only through the audited button
    assert item.status == RequestStatus.RECEIVED
    assert subject_requests.due_at(item) == item.received_at + timedelta(hours=72)

    response = client.post(reverse("privacy:request_action", args=[item.code, "erase"]), {"note": ""})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == RequestStatus.REFUSED and "Bộ luật Tố tụng hình sự" in item.answer
    assert ReporterIdentity.objects.filter(report=report).exists()
    assert [e.to_status for e in item.events.all()] == ["received", "refused"]

    resolve(report, commune_a_officer, days_ago=1)
    again = open_request(client, "deletion", report.code)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("privacy:request_action", args=[again.code, "start"]), {"note": ""})
        client.post(reverse("privacy:request_action", args=[again.code, "erase"]), {"note": "Đã gọi lại."})
    again.refresh_from_db()
    assert again.status == RequestStatus.DONE and again.closed_at is not None
    assert not ReporterIdentity.objects.filter(report=report).exists()
    assert not Evidence.objects.filter(report=report).exists()
    assert [e.to_status for e in again.events.all()] == ["received", "in_progress", "done"]


def test_access_shows_the_records_only_with_a_purpose_and_audits_it(provincial_officer: Any) -> None:
    report = report_with_evidence("Trần Thị Xem", "+84905000777")
    client = staff_client(provincial_officer)
    item = open_request(client, "access", report.code, details="Xin bản sao thông tin đã cung cấp.")
    url = reverse("privacy:request_action", args=[item.code, "records"])
    refused = client.post(url, {"purpose": "xem"})
    assert refused.status_code == 400 and "Trần Thị Xem" not in refused.content.decode()
    before = AuditEvent.objects.filter(action=AuditAction.PERSONAL_DATA_VIEWED).count()
    shown = client.post(url, {"purpose": "Trả lời yêu cầu xem dữ liệu"})
    text = shown.content.decode()
    assert shown.status_code == 200 and "Trần Thị Xem" in text and "+84905000777" in text
    assert "no-store" in shown["Cache-Control"]
    assert AuditEvent.objects.filter(action=AuditAction.PERSONAL_DATA_VIEWED).count() == before + 1
    # An access request is closed with the answer, not with the erase button.
    assert client.post(reverse("privacy:request_action", args=[item.code, "erase"])).status_code == 400
    client.post(
        reverse("privacy:request_action", args=[item.code, "answer"]),
        {"note": "Đã gửi bản sao qua bưu điện."},
    )
    item.refresh_from_db()
    assert item.status == RequestStatus.DONE and item.answer == "Đã gửi bản sao qua bưu điện."


def test_bad_input_is_refused_clearly_and_nothing_is_stored(provincial_officer: Any) -> None:
    client = staff_client(provincial_officer)
    future = (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    for data in (
        {"kind": "nonsense", "record_type": "reports.report", "reference": "X", "details": "a"},
        {"kind": "access", "record_type": "other", "reference": "X", "details": "a"},
        {"kind": "access", "record_type": "reports.report", "reference": "", "details": "a"},
        {
            "kind": "access",
            "record_type": "reports.report",
            "reference": "X",
            "details": "a",
            "received_at": future,
        },
    ):
        response = client.post(reverse("privacy:requests"), data)
        assert response.status_code == 400
    assert not SubjectRequest.objects.exists()


def test_an_old_open_request_is_flagged_overdue(provincial_officer: Any) -> None:
    client = staff_client(provincial_officer)
    old = (timezone.localtime() - timedelta(days=4)).strftime("%Y-%m-%dT%H:%M")
    item = open_request(client, "correction", "ABCD-EFGH-1", received_at=old, details="Sửa số điện thoại.")
    assert subject_requests.overdue(item)
    page = client.get(reverse("privacy:requests")).content.decode()
    assert "quá hạn" in page


def test_only_administrators_and_standing_officers(
    commune_a_officer: Any, steering_member: Any, admin_user: Any
) -> None:
    for user in (commune_a_officer, steering_member):
        assert staff_client(user).get(reverse("privacy:requests")).status_code == 403
        assert staff_client(user).get(reverse("privacy:schedule")).status_code == 403
    assert staff_client(admin_user).get(reverse("privacy:requests")).status_code == 200
