"""Deadline reminders: e-mailed to a unit's staff a few working days before and once overdue, never twice."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone
from django.utils.module_loading import import_string
from plan_factories import make_plan

from toandan.accounts.models import User
from toandan.orgs.models import Unit
from toandan.plans.models import PeriodReport, ProgressUpdate, ReminderLog, ReportingPeriod
from toandan.plans.reminders import due_reminders, send_reminders

pytestmark = pytest.mark.django_db
TODAY = date(2026, 3, 10)  # a Tuesday


@pytest.fixture
def plan(units: None, police_officer: User) -> Any:
    police_officer.email = "canbo@congan.vn"
    police_officer.save(update_fields=["email"])
    plan = make_plan(
        [
            ("1", date(2026, 1, 5), date(2026, 3, 13), ["ca-tinh"], ["so-gddt"]),  # due in 3 working days
            ("2", date(2026, 1, 5), date(2026, 3, 16), ["ca-tinh"], []),  # 4 working days: not yet
            ("3", date(2026, 1, 5), date(2026, 3, 6), ["ca-tinh"], []),  # overdue since Friday
            ("4", date(2025, 1, 5), date(2026, 1, 5), ["ca-tinh"], []),  # overdue for months: dashboard only
            ("5", date(2026, 1, 5), date(2026, 3, 12), ["ca-tinh"], []),  # done: nothing to remind
        ],
        frequencies=[],
    )
    done = plan.tasks.get(ref="5").assignments.get()
    ProgressUpdate.objects.create(assignment=done, state="done", narrative="Xong")
    return plan


def test_what_is_due(plan: Any) -> None:
    found = {(r.kind, r.line.split(" (")[0]) for r in due_reminders(TODAY)}
    assert found == {
        ("task_due_soon", "Nhiệm vụ 1"),
        ("task_overdue", "Nhiệm vụ 3"),
    }
    assert {r.unit.code for r in due_reminders(TODAY)} == {"ca-tinh", "so-gddt"}


def test_one_mail_per_unit_with_staff_and_never_twice(
    plan: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders(TODAY) == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["canbo@congan.vn"]
    assert "Sắp đến hạn" in message.body and "Nhiệm vụ 1" in message.body
    assert "Đã quá hạn" in message.body and "Nhiệm vụ 3" in message.body
    assert "Nhiệm vụ 4" not in message.body and "Nhiệm vụ 5" not in message.body
    assert ReminderLog.objects.filter(unit__code="ca-tinh").count() == 2
    # The Department of Education has nobody with an address: nothing recorded, tried again later.
    assert not ReminderLog.objects.filter(unit__code="so-gddt").exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders(TODAY) == 0
        assert send_reminders(date(2026, 3, 11)) == 1  # task 2 is now 3 working days away
        assert send_reminders(date(2026, 3, 14)) == 1  # task 1 has become overdue
    assert len(mail.outbox) == 3
    assert "Nhiệm vụ 2" in mail.outbox[1].body and "Nhiệm vụ 1" not in mail.outbox[1].body
    assert mail.outbox[2].body.split("Đã quá hạn:")[1].count("- Nhiệm vụ 1 (") == 1


def test_period_reports_due_and_overdue(plan: Any, django_capture_on_commit_callbacks: Any) -> None:
    soon = ReportingPeriod.objects.create(
        plan=plan,
        frequency="monthly",
        year=2026,
        index=3,
        starts_on=date(2026, 2, 15),
        ends_on=date(2026, 3, 14),
        due_on=date(2026, 3, 12),
    )
    late = ReportingPeriod.objects.create(
        plan=plan,
        frequency="monthly",
        year=2026,
        index=2,
        starts_on=date(2026, 1, 15),
        ends_on=date(2026, 2, 14),
        due_on=date(2026, 2, 23),
    )
    sent_at = datetime.combine(date(2026, 2, 20), time(9), tzinfo=timezone.get_current_timezone())
    PeriodReport.objects.create(
        period=late, unit=Unit.objects.get(code="so-gddt"), status="submitted", submitted_at=sent_at
    )
    kinds = {(r.kind, r.unit.code) for r in due_reminders(TODAY) if r.kind.startswith("report")}
    assert kinds == {
        ("report_due_soon", "ca-tinh"),
        ("report_due_soon", "so-gddt"),
        ("report_overdue", "ca-tinh"),
    }
    with django_capture_on_commit_callbacks(execute=True):
        send_reminders(TODAY)
    assert soon.label in mail.outbox[0].body and late.label in mail.outbox[0].body


def test_registered_as_a_daily_periodic_task(plan: Any) -> None:
    path = "toandan.plans.tasks.send_plan_reminders"
    assert settings.PERIODIC_TASKS[path] == 24 * 3600
    result = import_string(path).enqueue()
    assert result.return_value >= 0
