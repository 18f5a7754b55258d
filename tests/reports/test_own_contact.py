"""A victim's own phone number written in the story never makes it "reported" in the public check."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.reports.test_report_workflow import make_report

pytestmark = pytest.mark.django_db
STORY = (
    "Số điện thoại của tôi là 0905 111 222. Hôm qua có người gọi từ 0912 345 678 xưng công an, "
    "bảo tôi chuyển tiền."
)


def verdict(number: str) -> str:
    return Client().get("/api/v1/check", {"q": number}).json()["verdict"]


def test_own_number_in_the_story_is_not_reported(units: None) -> None:
    make_report(description=STORY, anonymous=False, name="Hoa", phone="+84905111222")
    assert verdict("0905111222") == "no_reports"
    assert verdict("0912345678") == "reported"


def test_a_self_introduced_number_in_an_anonymous_story_is_not_reported(units: None) -> None:
    make_report(description=STORY)
    assert verdict("0905111222") == "no_reports"
    assert verdict("0912345678") == "reported"


def test_a_contact_given_as_the_scammers_identifier_is_kept(units: None) -> None:
    """Typed in the identifiers field on purpose: the reporter says it is the scammer's."""
    make_report(description=STORY, identifiers=["0905111222"])
    assert verdict("0905111222") == "reported"
