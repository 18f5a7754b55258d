"""What a report stores about its resolution (when, the final legal due date, in time or not) follows its
history through resolving, reopening and extensions; the data migration's filler gives the same answer; and
the money recovered is recorded by the officer with history and audit, bad input refused."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.reports.test_case_actions import _form_fields
from tests.reports.test_report_workflow import make_report
from toandan.accounts.models import User
from toandan.core.models import AuditEvent
from toandan.core.workdays import extra_days_off
from toandan.reports import workflow
from toandan.reports.deadlines import compute
from toandan.reports.models import DeadlinePolicy, EventKind, Outcome, Report, ReportEvent, Status
from toandan.reports.resolution import fill_in_batches, refresh_resolution
from toandan.reports.stats import compute_figures
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db


def _resolve(report: Report, officer: User, days_after: int) -> None:
    """Resolve, then move the resolution `days_after` days after receipt (as the history says it happened)."""
    workflow.transition(report, Status.RESOLVED, actor=officer, outcome=Outcome.ADMINISTRATIVE)
    ReportEvent.objects.filter(report=report, to_status=Status.RESOLVED).update(
        at=report.received_at + timedelta(days=days_after)
    )
    refresh_resolution(report)


def test_resolving_stores_the_final_due_date_and_reopening_clears_it(commune_a_officer: User) -> None:
    report = make_report()
    assert report.resolved_at is None and report.resolved_in_time is None
    workflow.transition(report, Status.RESOLVED, actor=commune_a_officer, outcome=Outcome.ADMINISTRATIVE)
    report.refresh_from_db()
    due = compute(report, list(report.events.all()))[-1].due
    assert report.resolved_due_on == due and report.resolved_in_time is True
    assert report.resolved_at == report.events.get(to_status=Status.RESOLVED).at
    workflow.transition(report, Status.VERIFYING, actor=commune_a_officer)
    report.refresh_from_db()
    assert (report.resolved_at, report.resolved_due_on, report.resolved_in_time) == (None, None, None)


def test_late_resolution_and_an_extension_that_makes_it_in_time(commune_a_officer: User) -> None:
    report = make_report()
    first_due = compute(report, [])[-1].due
    late_by = (first_due - timezone.localdate(report.received_at)).days + 2
    _resolve(report, commune_a_officer, late_by)
    report.refresh_from_db()
    assert report.resolved_in_time is False and report.resolved_due_on == first_due
    # Reopened, the time limit extended by a recorded decision, resolved again on the same late day: in time.
    workflow.transition(report, Status.VERIFYING, actor=commune_a_officer)
    step = compute(report, [])[-1].step
    workflow.extend(report, step, actor=commune_a_officer, reason="Cần giám định")
    _resolve(report, commune_a_officer, late_by)
    report.refresh_from_db()
    assert report.resolved_due_on > first_due and report.resolved_in_time is True


def test_the_migration_filler_agrees_with_the_services(commune_a_officer: User) -> None:
    reports = [make_report() for _ in range(5)]
    for n, report in enumerate(reports[:4]):
        _resolve(report, commune_a_officer, [1, 3, 200, 400][n])
    stored = {r.pk: (r.resolved_at, r.resolved_due_on, r.resolved_in_time) for r in Report.objects.all()}
    assert sum(1 for v in stored.values() if v[2] is True) == 2
    assert sum(1 for v in stored.values() if v[2] is False) == 2
    Report.objects.update(resolved_at=None, resolved_due_on=None, resolved_in_time=None)
    filled = fill_in_batches(
        Report, ReportEvent, list(DeadlinePolicy.objects.all()), extra_days_off(), batch=3
    )
    assert filled == 4
    again = {r.pk: (r.resolved_at, r.resolved_due_on, r.resolved_in_time) for r in Report.objects.all()}
    assert again == stored


def test_money_recovered_is_recorded_with_history_and_audit(commune_a_officer: User) -> None:
    report = make_report(money_lost=3_000_000)
    workflow.record_money_recovered(report, 1_000_000, actor=commune_a_officer)
    workflow.record_money_recovered(report, 2_500_000, actor=commune_a_officer, note="Ngân hàng hoàn trả")
    report.refresh_from_db()
    assert report.money_recovered == 2_500_000
    events = list(report.events.filter(kind=EventKind.MONEY_RECOVERED).order_by("id"))
    assert [e.data for e in events] == [
        {"amount": 1_000_000, "previous": None},
        {"amount": 2_500_000, "previous": 1_000_000},
    ]
    assert "2.500.000" in events[-1].text and "Ngân hàng hoàn trả" in events[-1].text
    assert not any(e.public for e in events)
    assert AuditEvent.objects.filter(summary__contains="money recovered").count() == 2
    for bad in (-1, 10**15, True, "5"):
        with pytest.raises(ValidationError):
            workflow.record_money_recovered(report, bad, actor=commune_a_officer)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        workflow.record_money_recovered(report, 2_500_000, actor=commune_a_officer)
    report.refresh_from_db()
    assert report.money_recovered == 2_500_000
    assert report.events.filter(kind=EventKind.MONEY_RECOVERED).count() == 2


def test_money_recovered_from_the_case_page(commune_a_officer: User) -> None:
    report = make_report(money_lost=3_000_000)
    client = staff_client(commune_a_officer)
    url = reverse("reports:act", args=[report.code, "recovered"])
    page = client.get(reverse("reports:detail", args=[report.code])).content.decode()
    fields = _form_fields(page, "recovered")
    assert set(fields) >= {"recovered-amount", "recovered-note"}
    bad = client.post(url, {**fields, "recovered-amount": "1.000.000"})
    assert bad.status_code == 400
    assert "Nhập số tiền bằng chữ số" in bad.content.decode()
    assert client.post(url, {**fields, "recovered-amount": "-5"}).status_code == 400
    report.refresh_from_db()
    assert report.money_recovered is None
    assert client.post(url, {**fields, "recovered-amount": "1000000"}).status_code == 302
    report.refresh_from_db()
    assert report.money_recovered == 1_000_000
    page = client.get(reverse("reports:detail", args=[report.code])).content.decode()
    assert 'id="case-recovered">1.000.000\u00a0đ' in page


def test_statistics_use_the_stored_resolution_and_list_money_recovered(commune_a_officer: User) -> None:
    # Four different incidents (a different number each): repeats of one incident would count once.
    reports = [
        make_report(money_lost=1_000_000, description=f"Bị lừa chuyển tiền qua số 091234567{n}, mất 1 triệu.")
        for n in range(4)
    ]
    for report, days in zip(reports[:3], [1, 2, 400], strict=True):
        _resolve(report, commune_a_officer, days)
    workflow.record_money_recovered(reports[0], 300_000, actor=commune_a_officer)
    figures = compute_figures(Report.objects.all())
    assert (figures.resolved, figures.resolved_in_time, figures.median_days) == (3, 2, 2.0)
    assert (figures.money_lost, figures.money_recovered) == (4_000_000, 300_000)
    page = staff_client(commune_a_officer).get(reverse("reports:stats")).content.decode()
    assert 'id="money-recovered" class="figures-money">300.000\u00a0đ' in page


def test_an_extension_after_the_resolution_moves_the_stored_due_date(commune_a_officer: User) -> None:
    report = make_report()
    first_due = compute(report, [])[-1].due
    _resolve(report, commune_a_officer, (first_due - timezone.localdate(report.received_at)).days + 2)
    report.refresh_from_db()
    assert report.resolved_in_time is False
    step = compute(report, [])[-1].step
    workflow.extend(report, step, actor=commune_a_officer, reason="Quyết định gia hạn")
    report.refresh_from_db()
    assert report.resolved_due_on > first_due and report.resolved_in_time is True
