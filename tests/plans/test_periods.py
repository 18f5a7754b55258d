"""Decree 09/2019 reporting periods: cut-off windows from the 15th to the 14th, due dates in working days,
configurable per plan."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from plan_factories import make_plan

from toandan.core.models import AuditAction, AuditEvent
from toandan.plans.models import PeriodReport
from toandan.plans.periods import label, window, windows_overlapping
from toandan.plans.services import set_reporting_rules

NO_EXTRA: frozenset[date] = frozenset()


@pytest.mark.parametrize(
    ("frequency", "year", "index", "starts", "ends"),
    [
        ("monthly", 2024, 1, date(2023, 12, 15), date(2024, 1, 14)),
        ("monthly", 2024, 7, date(2024, 6, 15), date(2024, 7, 14)),
        ("quarterly", 2022, 1, date(2021, 12, 15), date(2022, 3, 14)),
        ("quarterly", 2022, 3, date(2022, 6, 15), date(2022, 9, 14)),
        ("half_year", 2022, 1, date(2021, 12, 15), date(2022, 6, 14)),
        ("nine_month", 2022, 1, date(2021, 12, 15), date(2022, 9, 14)),
        ("annual", 2022, 1, date(2021, 12, 15), date(2022, 12, 14)),
    ],
)
def test_cut_off_windows(frequency: str, year: int, index: int, starts: date, ends: date) -> None:
    w = window(frequency, year, index)
    assert (w.starts_on, w.ends_on) == (starts, ends)


def test_consecutive_periods_leave_no_gap() -> None:
    for frequency, count in (("monthly", 12), ("quarterly", 4)):
        windows = [window(frequency, 2023, i) for i in range(1, count + 1)]
        for before, after in zip(windows, windows[1:], strict=False):
            assert (after.starts_on - before.ends_on).days == 1


def test_due_dates_count_working_days_after_the_cut_off() -> None:
    q3 = window("quarterly", 2022, 3)  # cut-off Wednesday 14 Sep 2022
    assert q3.due_on(1, NO_EXTRA) == date(2022, 9, 15)
    assert q3.due_on(3, NO_EXTRA) == date(2022, 9, 19)  # over the weekend
    assert q3.due_on(0, NO_EXTRA) == date(2022, 9, 15)  # never on the cut-off day itself
    # February 2026: cut-off Saturday 14 Feb, Tết holidays 16–20 Feb: due on Monday 23 Feb.
    assert window("monthly", 2026, 2).due_on(1, NO_EXTRA) == date(2026, 2, 23)
    assert window("monthly", 2026, 2).due_on(1, frozenset({date(2026, 2, 23)})) == date(2026, 2, 24)


def test_windows_overlapping_the_seed_year() -> None:
    found = windows_overlapping("quarterly", date(2022, 5, 25), date(2022, 12, 31))
    assert [(w.year, w.index) for w in found] == [(2022, 2), (2022, 3), (2022, 4), (2023, 1)]
    # Work done 15–31 Dec 2022 belongs to the 2023 windows.
    halves = windows_overlapping("half_year", date(2022, 5, 25), date(2022, 12, 31))
    assert [(w.year, w.index) for w in halves] == [(2022, 1), (2023, 1)]


def test_labels_and_bad_index() -> None:
    assert label("quarterly", 2022, 3) == "Quý III/2022"
    assert label("monthly", 2024, 9) == "Tháng 9/2024"
    assert label("half_year", 2022, 1) == "6 tháng đầu năm 2022"
    assert label("annual", 2022, 1) == "Năm 2022"
    with pytest.raises(ValueError):
        window("quarterly", 2022, 5)


@pytest.mark.django_db
def test_plan_rules_generate_periods_and_can_change(units: None) -> None:
    plan = make_plan(
        [("1", date(2022, 5, 25), date(2022, 12, 31), ["ca-tinh"], [])], issued_on=date(2022, 5, 25)
    )
    q3 = plan.periods.get(frequency="quarterly", year=2022, index=3)
    assert (q3.starts_on, q3.ends_on, q3.due_on) == (date(2022, 6, 15), date(2022, 9, 14), date(2022, 9, 15))
    PeriodReport.objects.create(period=q3, unit=plan.tasks.get().assignments.get().unit)
    set_reporting_rules(plan, ["annual", "monthly"], 3)
    assert plan.periods.filter(pk=q3.pk).exists()  # kept: a unit has reported on it
    assert not plan.periods.filter(frequency="quarterly").exclude(pk=q3.pk).exists()
    annual = plan.periods.get(frequency="annual", year=2022)
    assert annual.due_on == date(2022, 12, 19)  # 14 Dec 2022 is a Wednesday: +3 working days
    assert plan.periods.filter(frequency="monthly").count() == 8  # June 2022 … January 2023
    assert AuditEvent.objects.filter(action=AuditAction.STATE_CHANGED, object_id=str(plan.pk)).exists()
    before = list(plan.periods.values_list("pk", "due_on"))
    with pytest.raises(ValidationError):
        set_reporting_rules(plan, ["weekly"], 1)
    with pytest.raises(ValidationError):
        set_reporting_rules(plan, ["annual"], 0)
    assert list(plan.periods.values_list("pk", "due_on")) == before


@pytest.mark.django_db
def test_rules_form_on_the_dashboard(units: None, provincial_officer: Any, police_officer: Any) -> None:
    from django.urls import reverse

    from toandan.web.testing import staff_client

    plan = make_plan(
        [("1", date(2022, 5, 25), date(2022, 12, 31), ["ca-tinh"], [])], issued_on=date(2022, 5, 25)
    )
    url = reverse("plans:rules", args=[plan.pk])
    before = list(plan.periods.values_list("pk", "due_on"))
    assert (
        staff_client(police_officer)
        .post(url, {"frequencies": ["annual"], "due_working_days": "2"})
        .status_code
        == 403
    )
    client = staff_client(provincial_officer)
    refused = client.post(url, {"frequencies": ["annual"], "due_working_days": "0"}, follow=True)
    assert "ít nhất 1 ngày làm việc" in refused.content.decode()
    assert list(plan.periods.values_list("pk", "due_on")) == before
    client.post(url, {"frequencies": ["annual"], "due_working_days": "2"})
    assert list(plan.periods.values_list("frequency", "year", "due_on")) == [
        ("annual", 2022, date(2022, 12, 16)),
        ("annual", 2023, date(2023, 12, 18)),
    ]
