"""Period reports: prefilled from progress, saved as drafts, sent, late after the due date, returned for
completion; bad input changes nothing."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from plan_factories import make_plan

from toandan.accounts.models import User
from toandan.core.models import AuditAction, AuditEvent
from toandan.orgs.models import Unit
from toandan.plans.models import (
    PeriodReport,
    PeriodReportEvent,
    PeriodReportStatus,
    ProgressUpdate,
    ProgressValue,
)
from toandan.plans.reporting import progress_totals, return_period_report, save_period_report
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 9, 0, tzinfo=timezone.get_current_timezone())


@pytest.fixture
def plan(units: None) -> Any:
    return make_plan(
        [("1", date(2022, 6, 1), date(2022, 12, 31), ["ca-tinh"], ["so-gddt"])],
        issued_on=date(2022, 5, 25),
    )


def q3(plan: Any) -> Any:
    return plan.periods.get(frequency="quarterly", year=2022, index=3)


def test_numbers_are_prefilled_from_updates_in_the_window(plan: Any, police_officer: User) -> None:
    sessions = plan.indicators.first()
    assignment = plan.tasks.get().assignments.get(role="lead")
    for day, value in (
        (date(2022, 6, 14), 100),
        (date(2022, 6, 15), 2),
        (date(2022, 9, 14), 3),
        (date(2022, 9, 15), 50),
    ):
        update = ProgressUpdate.objects.create(
            assignment=assignment, state="in_progress", narrative="x", at=at(day)
        )
        ProgressValue.objects.create(update=update, indicator=sessions, value=value)
    period = q3(plan)
    assert progress_totals(period, assignment.unit) == {sessions.pk: 5}
    client = staff_client(police_officer)
    url = reverse("plans:period_report", args=[plan.pk, period.pk, assignment.unit.pk])
    page = client.get(url)
    assert page.status_code == 200 and page.context["form"].initial[f"indicator_{sessions.pk}"] == 5


def test_draft_then_submit_then_locked(plan: Any, police_officer: User) -> None:
    period = q3(plan)
    unit = Unit.objects.get(code="ca-tinh")
    sessions = plan.indicators.first()
    client = staff_client(police_officer)
    url = reverse("plans:period_report", args=[plan.pk, period.pk, unit.pk])
    assert (
        client.post(url, {"narrative": "", f"indicator_{sessions.pk}": "4", "save": "1"}).status_code == 302
    )
    report = PeriodReport.objects.get()
    assert report.status == PeriodReportStatus.DRAFT and report.submitted_at is None
    refused = client.post(url, {"narrative": " ", "submit": "1"})
    assert refused.status_code == 400 and "Nhập nội dung báo cáo trước khi gửi" in refused.content.decode()
    sent = client.post(
        url, {"narrative": "Quý III đã tổ chức 4 buổi.", f"indicator_{sessions.pk}": "4", "submit": "1"}
    )
    assert sent.status_code == 302
    report.refresh_from_db()
    assert report.status == PeriodReportStatus.SUBMITTED and report.submitted_at is not None
    assert report.values.get().value == 4
    assert report.is_late()  # sent in the test's present, long after 15 Sep 2022
    again = client.post(url, {"narrative": "Sửa", "submit": "1"})
    assert again.status_code == 400 and "chỉ sửa được khi" in again.content.decode()
    assert 'name="submit"' not in again.content.decode()
    report.refresh_from_db()
    assert report.narrative == "Quý III đã tổ chức 4 buổi."
    with pytest.raises(ValidationError, match="chỉ sửa được khi"):
        save_period_report(period, unit, actor=police_officer, narrative="x", values={}, submit=True)
    assert [e.to_status for e in PeriodReportEvent.objects.order_by("id")] == ["draft", "submitted"]
    assert AuditEvent.objects.filter(
        object_type="plans.periodreport", action=AuditAction.STATE_CHANGED
    ).exists()


def test_on_time_and_late(units: None) -> None:
    today = timezone.localdate()
    plan = make_plan([("1", today - timedelta(days=400), today + timedelta(days=400), ["ca-tinh"], [])])
    unit = Unit.objects.get(code="ca-tinh")
    future = plan.periods.filter(due_on__gte=today).first()
    past = plan.periods.filter(due_on__lt=today).last()
    on_time = save_period_report(future, unit, actor=None, narrative="Đúng hạn", values={}, submit=True)
    late = save_period_report(past, unit, actor=None, narrative="Muộn", values={}, submit=True)
    assert not on_time.is_late() and late.is_late()


def test_bad_numbers_change_nothing(plan: Any, police_officer: User) -> None:
    period, unit = q3(plan), Unit.objects.get(code="ca-tinh")
    sessions = plan.indicators.first()
    save_period_report(
        period, unit, actor=police_officer, narrative="Bản nháp", values={sessions.pk: 3}, submit=False
    )
    client = staff_client(police_officer)
    url = reverse("plans:period_report", args=[plan.pk, period.pk, unit.pk])
    for value, message in (("-2", "Số liệu không được âm"), ("ba", "Nhập một số nguyên")):
        response = client.post(url, {"narrative": "Đổi", f"indicator_{sessions.pk}": value, "submit": "1"})
        assert response.status_code == 400 and message in response.content.decode()
    report = PeriodReport.objects.get()
    assert (report.status, report.narrative, report.values.get().value) == ("draft", "Bản nháp", 3)
    other = make_plan([("9", None, None, ["ca-tinh"], [])], number="77/KH-BCĐ138")
    with pytest.raises(ValidationError, match="Chỉ tiêu không thuộc"):
        save_period_report(
            period, unit, actor=None, narrative="x", values={other.indicators.first().pk: 1}, submit=True
        )
    with pytest.raises(ValidationError, match="không được giao nhiệm vụ"):
        save_period_report(
            period, Unit.objects.get(code="so-yt"), actor=None, narrative="x", values={}, submit=True
        )
    report.refresh_from_db()
    assert report.status == "draft"


def test_return_for_completion(plan: Any, police_officer: User, provincial_officer: User) -> None:
    police_officer.email = "canbo@congan.vn"
    police_officer.save(update_fields=["email"])
    period, unit = q3(plan), Unit.objects.get(code="ca-tinh")
    report = save_period_report(period, unit, actor=police_officer, narrative="Xong", values={}, submit=True)
    url = reverse("plans:period_report_return", args=[plan.pk, period.pk, unit.pk])
    assert staff_client(police_officer).post(url, {"note": "Bổ sung số liệu"}).status_code == 403
    client = staff_client(provincial_officer)
    client.post(url, {"note": ""})
    report.refresh_from_db()
    assert report.status == PeriodReportStatus.SUBMITTED
    with pytest.raises(ValidationError):
        return_period_report(report, actor=provincial_officer, note="")
    response = client.post(url, {"note": "Bổ sung số lượt người tham dự."})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == PeriodReportStatus.RETURNED
    submitted_first = report.submitted_at
    resent = save_period_report(
        period, unit, actor=police_officer, narrative="Đã bổ sung", values={}, submit=True
    )
    assert resent.status == PeriodReportStatus.SUBMITTED and resent.submitted_at == submitted_first
    assert [e.to_status for e in report.events.order_by("id")] == ["submitted", "returned", "submitted"]


def test_return_mails_the_unit(
    plan: Any, police_officer: User, provincial_officer: User, django_capture_on_commit_callbacks: Any
) -> None:
    police_officer.email = "canbo@congan.vn"
    police_officer.save(update_fields=["email"])
    report = save_period_report(
        q3(plan), Unit.objects.get(code="ca-tinh"), actor=None, narrative="x", values={}, submit=True
    )
    with django_capture_on_commit_callbacks(execute=True):
        return_period_report(report, actor=provincial_officer, note="Thiếu số liệu")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["canbo@congan.vn"]
    assert "Thiếu số liệu" in mail.outbox[0].body


def test_period_report_pages_are_scoped(plan: Any, edu_officer: User, commune_a_officer: User) -> None:
    period = q3(plan)
    police = Unit.objects.get(code="ca-tinh")
    edu = Unit.objects.get(code="so-gddt")
    assert (
        staff_client(edu_officer)
        .get(reverse("plans:period_report", args=[plan.pk, period.pk, police.pk]))
        .status_code
        == 404
    )
    assert (
        staff_client(edu_officer)
        .get(reverse("plans:period_report", args=[plan.pk, period.pk, edu.pk]))
        .status_code
        == 200
    )
    health = Unit.objects.get(code="so-yt")
    assert (
        staff_client(edu_officer)
        .get(reverse("plans:period_report", args=[plan.pk, period.pk, health.pk]))
        .status_code
        == 404
    )
    assert (
        staff_client(commune_a_officer)
        .get(reverse("plans:period_report", args=[plan.pk, period.pk, edu.pk]))
        .status_code
        == 404
    )
