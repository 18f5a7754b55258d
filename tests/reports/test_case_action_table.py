"""The case page's actions: each is a form and a workflow service, looked up in one table."""

from __future__ import annotations

import pytest
from django.urls import reverse

from toandan.accounts.models import User
from toandan.core.models import AuditEvent
from toandan.orgs.models import Unit
from toandan.reports.case_actions import ACTIONS
from toandan.reports.models import EventKind, Report, ReportCategory
from toandan.reports.services import ReportInput, submit_report
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db


def _report() -> Report:
    data = ReportInput(
        category=ReportCategory.objects.get(code="lua-dao"),
        description="Bị lừa chuyển tiền qua số 0912345678, mất 3 triệu đồng.",
        commune=Unit.objects.get(code="phuong-cam-thanh-21025"),
        consent=True,
    )
    return submit_report(data).report


@pytest.mark.parametrize("step", [EventKind.PROCURACY_NOTIFIED, EventKind.ACCEPTED])
def test_a_legal_step_is_recorded_from_the_page_without_a_note(commune_a_officer: User, step: str) -> None:
    # The page's step buttons post no text; the step used to be recorded and answered with a 400 page.
    report = _report()
    response = staff_client(commune_a_officer).post(reverse("reports:act", args=[report.code, step]))
    assert response.status_code == 302
    assert report.events.filter(kind=step).count() == 1


def test_every_action_of_the_page_is_in_the_table(commune_a_officer: User) -> None:
    page = (
        staff_client(commune_a_officer).get(reverse("reports:detail", args=[_report().code])).content.decode()
    )
    posted = {action for action in ACTIONS if f"/{action}/" in page}
    # "not_repeat" is offered only on a likely repeat (tests/reports/test_repeats.py posts it).
    assert posted == set(ACTIONS) - {"not_repeat"}


def test_an_invalid_form_changes_nothing_and_says_why(commune_a_officer: User) -> None:
    report = _report()
    client = staff_client(commune_a_officer)
    before = (report.events.count(), AuditEvent.objects.count())
    response = client.post(reverse("reports:act", args=[report.code, "note"]), {"note-text": ""})
    assert response.status_code == 400 and "aria-invalid" in response.content.decode()
    assert (report.events.count(), AuditEvent.objects.count()) == before


def test_unknown_action_is_not_found(commune_a_officer: User) -> None:
    report = _report()
    response = staff_client(commune_a_officer).post(reverse("reports:act", args=[report.code, "delete"]))
    assert response.status_code == 404
