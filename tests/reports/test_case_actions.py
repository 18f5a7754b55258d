"""Every action of the staff case page through HTTP, with the fields its template sends; and the smaller
promises of the officers' pages (no open redirect, duplicates only among visible reports)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.reports.test_report_workflow import make_report
from toandan.accounts.models import User
from toandan.reports.models import EventKind, Outcome, Report, Status
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db


def _form_fields(page: str, action: str) -> dict[str, str]:
    """The fields the case page's form for `action` sends (names of inputs, textareas and selects)."""
    pattern = rf'<form method="post"[^>]* action="[^"]*/{action}/(?:#[^"]*)?">(.*?)</form>'
    match = re.search(pattern, page, re.S)
    assert match, action
    names = re.findall(r'name="([^"]+)"', match.group(1))
    return {name: "" for name in names}


@pytest.mark.parametrize("step", [EventKind.PROCURACY_NOTIFIED, EventKind.ACCEPTED])
def test_step_buttons_record_the_step_and_answer_with_the_case(commune_a_officer: User, step: str) -> None:
    report = make_report()
    client = staff_client(commune_a_officer)
    page = client.get(reverse("reports:detail", args=[report.code])).content.decode()
    fields = _form_fields(page, step)
    response = client.post(reverse("reports:act", args=[report.code, step]), fields)
    assert response.status_code == 302, response.status_code
    assert report.events.filter(kind=step).count() == 1
    # Pressed twice: refused with a message, nothing recorded twice.
    again = client.post(reverse("reports:act", args=[report.code, step]), fields, follow=True)
    assert again.status_code == 200 and report.events.filter(kind=step).count() == 1
    assert "đã được ghi nhận" in again.content.decode()


def test_every_case_action_through_http(commune_a_officer: User, commune_b_officer: User) -> None:
    report = make_report()
    client = staff_client(commune_a_officer)
    act = lambda action, data: client.post(reverse("reports:act", args=[report.code, action]), data)  # noqa: E731
    assert act("assign", {"officer": commune_a_officer.pk}).status_code == 302
    assert act("track", {"track": report.track, "multi_place": "on"}).status_code == 302
    assert act("status", {"status": Status.VERIFYING}).status_code == 302
    assert act("extend", {"step": "verify", "reason": "Cần xác minh thêm"}).status_code in (302, 400)
    assert act("message", {"message-text": "Chúng tôi đang xác minh."}).status_code == 302
    assert act("note", {"note-text": "Đã gọi ngân hàng."}).status_code == 302
    assert act("message", {"message-text": ""}).status_code == 400
    assert act("unknown", {}).status_code == 404
    report.refresh_from_db()
    assert report.assignee == commune_a_officer and report.status == Status.VERIFYING and report.multi_place
    kinds = set(report.events.values_list("kind", flat=True))
    assert {EventKind.ASSIGN, EventKind.TRACK, EventKind.STATUS, EventKind.MESSAGE, EventKind.NOTE} <= kinds
    unit = commune_b_officer.memberships.get().unit
    assert act("transfer", {"unit": unit.pk, "reason": "Đúng địa bàn"}).status_code == 302
    report.refresh_from_db()
    assert report.unit == unit and report.status == Status.TRANSFERRED


def test_duplicate_of_finds_only_reports_the_officer_may_see(commune_a_officer: User) -> None:
    report = make_report()
    elsewhere = make_report(commune="phuong-nghia-lo-21028")
    client = staff_client(commune_a_officer)
    response = client.post(
        reverse("reports:act", args=[report.code, "status"]),
        {"status": Status.RESOLVED, "outcome": Outcome.DUPLICATE, "duplicate_of": elsewhere.code},
    )
    assert response.status_code == 400 and "Không có tố giác mang mã này" in response.content.decode()
    report.refresh_from_db()
    assert report.status == Status.RECEIVED and report.duplicate_of is None


@pytest.mark.parametrize("target", ["https://evil.example/phish", "//evil.example/", "https:evil.example"])
def test_bulk_next_never_leaves_the_site(commune_a_officer: User, target: str) -> None:
    report = make_report()
    response = staff_client(commune_a_officer).post(
        reverse("reports:bulk"),
        {"codes": [report.code], "action": "assign", "officer": commune_a_officer.pk, "next": target},
    )
    assert response.status_code == 302 and response["Location"] == reverse("reports:queue")
    assert Report.objects.get(pk=report.pk).assignee == commune_a_officer


def test_bulk_next_on_the_site_is_kept(commune_a_officer: User) -> None:
    report = make_report()
    back = reverse("reports:queue") + "?view=mine"
    response = staff_client(commune_a_officer).post(
        reverse("reports:bulk"),
        {"codes": [report.code], "action": "assign", "officer": commune_a_officer.pk, "next": back},
    )
    assert response["Location"] == back
