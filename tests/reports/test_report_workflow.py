"""Officers handle reports: routing, queues, transfer, messages vs notes, deadlines, confidentiality."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from toandan.accounts.models import User
from toandan.core.models import AuditAction, AuditEvent
from toandan.orgs.models import Role, Unit
from toandan.reports import workflow
from toandan.reports.deadlines import compute
from toandan.reports.models import EventKind, Outcome, Report, ReportCategory, Status, Track
from toandan.reports.services import ReportInput, submit_report
from toandan.web.testing import COMMUNE_A_POLICE, make_staff, staff_client

pytestmark = pytest.mark.django_db


def make_report(
    category: str = "lua-dao", commune: str | None = "phuong-cam-thanh-21025", **extra: Any
) -> Report:
    data = ReportInput(
        category=ReportCategory.objects.get(code=category),
        description=extra.pop("description", "Bị lừa chuyển tiền qua số 0912345678, mất 3 triệu đồng."),
        commune=Unit.objects.get(code=commune) if commune else None,
        consent=True,
        **extra,
    )
    return submit_report(data).report


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 9, 0, tzinfo=timezone.get_current_timezone())


def test_routing_by_category_and_place(units: None) -> None:
    assert make_report().unit.code == COMMUNE_A_POLICE
    assert make_report(category="xam-nhap").unit.code == "ca-pa05"
    assert make_report(commune=None).unit.code == "ca-pa05"


def test_commune_officer_queue_shows_only_own_reports(
    commune_a_officer: User, commune_b_officer: User
) -> None:
    report = make_report()
    page_a = staff_client(commune_a_officer).get(reverse("reports:queue")).content.decode()
    page_b = staff_client(commune_b_officer).get(reverse("reports:queue")).content.decode()
    assert report.code in page_a and report.code not in page_b
    assert (
        staff_client(commune_b_officer).get(reverse("reports:detail", args=[report.code])).status_code == 404
    )


def test_queue_search_ignores_diacritics(commune_a_officer: User) -> None:
    report = make_report(description="Đối tượng lừa đảo qua Zalo, giả danh nhân viên ngân hàng.")
    other = make_report(
        category="tin-rac", description="Tin nhắn quảng cáo vay tiền nhanh liên tục mỗi ngày."
    )
    page = staff_client(commune_a_officer).get(reverse("reports:queue"), {"q": "lua dao"}).content.decode()
    assert report.code in page and other.code not in page


def test_transfer_moves_the_case_and_tells_the_reporter(
    commune_a_officer: User, provincial_officer: User
) -> None:
    report = make_report()
    client = staff_client(commune_a_officer)
    response = client.post(
        reverse("reports:act", args=[report.code, "transfer"]),
        {"unit": Unit.objects.get(code="ca-pa05").pk, "reason": "Thuộc thẩm quyền PA05"},
    )
    assert response.status_code == 302 and response["Location"] == reverse("reports:queue")
    report.refresh_from_db()
    assert report.unit.code == "ca-pa05" and report.status == Status.TRANSFERRED
    assert client.get(reverse("reports:detail", args=[report.code])).status_code == 404
    assert (
        staff_client(provincial_officer).get(reverse("reports:detail", args=[report.code])).status_code == 200
    )
    public = [e.text for e in report.events.filter(public=True)]
    assert any("Phòng An ninh mạng" in text for text in public)
    assert "Thuộc thẩm quyền PA05" not in " ".join(public)


def test_transfer_without_reason_changes_nothing(commune_a_officer: User) -> None:
    report = make_report()
    response = staff_client(commune_a_officer).post(
        reverse("reports:act", args=[report.code, "transfer"]),
        {"unit": Unit.objects.get(code="ca-pa05").pk, "reason": ""},
    )
    assert response.status_code == 400
    report.refresh_from_db()
    assert report.unit.code == COMMUNE_A_POLICE and report.events.count() == 1


def test_messages_reach_the_reporter_notes_do_not(commune_a_officer: User) -> None:
    report = make_report()
    client = staff_client(commune_a_officer)
    client.post(
        reverse("reports:act", args=[report.code, "message"]), {"message-text": "Mời ông bà đến trụ sở."}
    )
    client.post(reverse("reports:act", args=[report.code, "note"]), {"note-text": "Nghi vấn đường dây lớn."})
    public = [e.text for e in report.events.filter(public=True)]
    assert "Mời ông bà đến trụ sở." in public and "Nghi vấn đường dây lớn." not in public


def test_status_workflow_and_outcomes(commune_a_officer: User) -> None:
    report = make_report()
    with pytest.raises(ValidationError):
        workflow.transition(report, Status.RESOLVED, actor=commune_a_officer)  # no outcome
    workflow.transition(report, Status.VERIFYING, actor=commune_a_officer)
    with pytest.raises(ValidationError):
        workflow.transition(report, Status.TRANSFERRED, actor=commune_a_officer)
    original = make_report()
    with pytest.raises(ValidationError):
        workflow.transition(report, Status.RESOLVED, actor=commune_a_officer, outcome=Outcome.DUPLICATE)
    workflow.transition(
        report, Status.RESOLVED, actor=commune_a_officer, outcome=Outcome.DUPLICATE, duplicate_of=original
    )
    report.refresh_from_db()
    assert report.status == Status.RESOLVED and report.duplicate_of == original and report.deadline_at is None
    kinds = list(report.events.values_list("kind", "from_status", "to_status"))
    assert kinds[-2:] == [
        (EventKind.STATUS, "received", "verifying"),
        (EventKind.STATUS, "verifying", "resolved"),
    ]


def test_crime_report_deadlines_in_calendar_days_with_holiday_roll(units: None) -> None:
    # Received on 10 Feb 2026: the 20-day limit ends 2 Mar 2026; the 3-day procuracy notice ends on
    # 13 Feb 2026, a Friday before Tết (16-20 Feb): no roll needed.
    report = make_report()
    report.received_at = at(date(2026, 2, 10))
    steps = {d.step: d.due for d in compute(report, [])}
    assert steps == {"procuracy_notice": date(2026, 2, 13), "decision": date(2026, 3, 2)}
    # Received 12 Feb: the 3-day limit would end on Sunday 15 Feb, then Tết: it moves to Monday 23 Feb.
    report.received_at = at(date(2026, 2, 12))
    assert compute(report, [])[0].due == date(2026, 2, 23)


def test_denunciation_counts_working_days_and_extensions(commune_a_officer: User) -> None:
    report = make_report()
    workflow.set_track(report, Track.DENUNCIATION, actor=commune_a_officer)
    report.received_at = at(date(2026, 2, 12))  # Thursday before Tết
    report.save(update_fields=["received_at"])
    # 7 working days: 13 Feb, then Tết 16-20 Feb off, then 23-27 Feb and 2 Mar.
    assert compute(report, list(report.events.all()))[0].due == date(2026, 3, 2)
    workflow.record_step(report, EventKind.ACCEPTED, actor=commune_a_officer)
    workflow.extend(report, "resolution", actor=commune_a_officer, reason="Vụ việc phức tạp")
    workflow.extend(report, "resolution", actor=commune_a_officer, reason="Đặc biệt phức tạp")
    with pytest.raises(ValidationError, match="hết số lần gia hạn"):
        workflow.extend(report, "resolution", actor=commune_a_officer, reason="Lần ba")
    accepted = timezone.localdate(report.events.get(kind=EventKind.ACCEPTED).at)
    resolution = compute(report, list(report.events.all()))[1]
    assert resolution.extensions == 2 and (resolution.due - accepted).days >= 90


def test_identity_is_revealed_only_deliberately_and_audited(commune_a_officer: User, units: None) -> None:
    report = make_report(anonymous=False, name="Trần Thị Hoa", phone="+84905111222", email="hoa@example.vn")
    leader = make_staff("leader", COMMUNE_A_POLICE, Role.UNIT_LEADER)
    steering = make_staff("steering2", "bcd138", Role.STEERING_MEMBER)
    detail = reverse("reports:detail", args=[report.code])
    page = staff_client(leader).get(detail).content.decode()
    assert "Trần Thị Hoa" not in page and "Xem danh tính người tố giác" in page
    assert "Xem danh tính" not in staff_client(commune_a_officer).get(detail).content.decode()
    before = AuditEvent.objects.filter(action=AuditAction.PERSONAL_DATA_VIEWED).count()
    revealed = staff_client(leader).post(
        reverse("reports:reveal", args=[report.code]), {"purpose": "Gọi lại"}
    )
    assert "Trần Thị Hoa" in revealed.content.decode()
    assert AuditEvent.objects.filter(action=AuditAction.PERSONAL_DATA_VIEWED).count() == before + 1
    assert staff_client(steering).post(reverse("reports:reveal", args=[report.code])).status_code == 403
    with pytest.raises(PermissionDenied):
        workflow.reveal_identity(report, actor=steering)


def test_exports_leave_identity_out(provincial_officer: User) -> None:
    make_report(anonymous=False, name="Lê Văn Tâm", phone="+84905111333")
    client = staff_client(provincial_officer)
    csv_text = client.get(reverse("reports:export", args=["csv"])).content.decode()
    assert "Lê Văn Tâm" not in csv_text and "905111333" not in csv_text and csv_text.count("\n") == 2
    xlsx = client.get(reverse("reports:export", args=["xlsx"]))
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    stats = client.get(reverse("reports:stats")).content.decode()
    assert "Phường Cẩm Thành" in stats
    before = AuditEvent.objects.filter(action=AuditAction.PERSONAL_DATA_VIEWED).count()
    explicit = client.post(
        reverse("reports:export_identity", args=["csv"]), {"purpose": "Đối chiếu danh sách"}
    ).content.decode()
    assert "Lê Văn Tâm" in explicit
    assert AuditEvent.objects.filter(action=AuditAction.PERSONAL_DATA_VIEWED).count() == before + 1
    steering = make_staff("steering3", "bcd138", Role.STEERING_MEMBER)
    assert (
        staff_client(steering)
        .post(reverse("reports:export_identity", args=["csv"]), {"purpose": "Đối chiếu danh sách"})
        .status_code
        == 403
    )


def test_bulk_assign_and_duplicate(commune_a_officer: User) -> None:
    first, second, third = make_report(), make_report(), make_report()
    client = staff_client(commune_a_officer)
    client.post(
        reverse("reports:bulk"),
        {"codes": [first.code, second.code], "action": "assign", "officer": commune_a_officer.pk},
    )
    assert Report.objects.filter(assignee=commune_a_officer).count() == 2
    client.post(
        reverse("reports:bulk"),
        {"codes": [second.code, third.code], "action": "duplicate", "original": first.code},
    )
    assert Report.objects.filter(outcome=Outcome.DUPLICATE, duplicate_of=first).count() == 2
    mine = client.get(reverse("reports:queue"), {"view": "mine"}).content.decode()
    assert first.code in mine and third.code not in mine


def test_related_reports_share_an_indicator(commune_a_officer: User) -> None:
    first = make_report(description="Gọi từ 0912345678 đòi tiền.")
    second = make_report(description="Số 0912.345.678 nhắn tin lừa nhận quà.")
    page = staff_client(commune_a_officer).get(reverse("reports:detail", args=[second.code])).content.decode()
    assert first.code in page


def test_evidence_download_is_access_checked(
    commune_a_officer: User, commune_b_officer: User, evidence_files: dict[str, bytes]
) -> None:
    from toandan.core.uploads import clean_upload

    data = ReportInput(
        category=ReportCategory.objects.get(code="lua-dao"),
        consent=True,
        description="Có ảnh chụp màn hình tin nhắn lừa đảo.",
        commune=Unit.objects.get(code="phuong-cam-thanh-21025"),
    )
    report = submit_report(data, [clean_upload(evidence_files["png"], "man-hinh.png")]).report
    url = reverse("reports:evidence", args=[report.code, report.evidence.get().pk])
    response = staff_client(commune_a_officer).get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert "attachment" in response["Content-Disposition"]
    assert staff_client(commune_b_officer).get(url).status_code == 404
    assert Client().get(url).status_code == 302
    assert not url.startswith("/media")


def test_overdue_and_due_soon_queues(commune_a_officer: User) -> None:
    old = make_report()
    Report.objects.filter(pk=old.pk).update(received_at=timezone.now() - timedelta(days=40))
    old.refresh_from_db()
    from toandan.reports.services import refresh_deadline

    refresh_deadline(old)
    fresh = make_report()
    client = staff_client(commune_a_officer)
    overdue = client.get(reverse("reports:queue"), {"view": "overdue"}).content.decode()
    assert old.code in overdue and fresh.code not in overdue
