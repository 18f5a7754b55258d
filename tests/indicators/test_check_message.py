"""A pasted message: every indicator answered, the triage score added when the triage module is installed."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db
MESSAGE = (
    "Vietcombank thong bao: tai khoan cua quy khach bi khoa. Vui long truy cap https://vcb-xacthuc.com/login "
    "hoac goi 0987 654 321 de mo khoa, chuyen phi 500.000d vao STK 0123456789 Vietcombank."
)
# A message whose score is not pinned at 0 or 1, so that the sender's type visibly moves it.
MILD = "Vietcombank: quy khach co giao dich moi, chi tiet lien he 0987654321"


def post(text: str) -> Any:
    return Client().post(
        "/api/v1/check/message", data=json.dumps({"text": text}), content_type="application/json"
    )


def test_every_indicator_is_answered(file_report: Any) -> None:
    file_report("0987654321")
    response = post(MESSAGE)
    assert response.status_code == 200
    body = response.json()
    answers = {item["kind"]: item for item in body["indicators"]}
    assert set(answers) == {"url", "phone", "bank_account"}
    assert answers["phone"]["verdict"] == "reported" and answers["phone"]["reports"] == 1
    assert answers["url"]["verdict"] == "no_reports"
    for item in body["indicators"]:
        assert set(item) == {"kind", "value", "verdict", "reports", "advice", "risk"}


def test_message_score_from_triage(file_report: Any) -> None:
    file_report("0987654321")
    message = post(MESSAGE).json()["message"]
    assert set(message) == {"score", "verdict", "reasons"}
    assert 0 <= message["score"] <= 1 and message["verdict"] in ("scam", "suspicious", "no_signal")
    assert message["reasons"]


@pytest.mark.parametrize(("text", "code"), [("", 400), ("a" * 5001, 400)])
def test_bad_messages(db: Any, text: str, code: int) -> None:
    response = post(text)
    assert response.status_code == code and response.json()["detail"]


def test_not_json(db: Any) -> None:
    response = Client().post("/api/v1/check/message", data="{", content_type="application/json")
    assert response.status_code in (400, 422)


def test_message_rate_limit(db: Any, settings: Any) -> None:
    settings.CHECK_MESSAGE_RATE = "2/m"
    assert post("0912345678").status_code == 200
    assert post("0912345678").status_code == 200
    assert post("0912345678").status_code == 429


def test_message_lookup_is_one_query_for_all_indicators(
    no_seed_allowlist: None, django_assert_max_num_queries: Any
) -> None:
    post("0912000111")
    # Indicators in one query, the triage reputation lookup in one more.
    with django_assert_max_num_queries(2):
        assert post(MESSAGE).status_code == 200


def test_the_sender_type_reaches_the_scorer(db: Any) -> None:
    """The check calls triage through the scorer registry: the sender's type must come through it (a
    bank's text from a personal number weighs more than the same text under no stated sender)."""
    from toandan.indicators.check import _triage

    unknown = _triage(MILD)
    personal = _triage(MILD, "personal_number")
    assert unknown is not None and personal is not None
    assert personal["score"] != unknown["score"]
    assert _triage(MILD, "not-a-type") == unknown  # an unknown type is ignored, not an error


def _message_with(sender: Any) -> Any:
    return Client().post(
        "/api/v1/check/message",
        data=json.dumps({"text": MILD, "sender_type": sender}),
        content_type="application/json",
    )


def test_the_api_takes_the_sender_type_optionally(db: Any) -> None:
    plain = post(MILD).json()["message"]
    assert _message_with(None).json()["message"] == plain
    assert _message_with("unknown").json()["message"] == plain
    personal = _message_with("personal_number")
    assert personal.status_code == 200
    assert set(personal.json()) == {"indicators", "message"}
    assert personal.json()["message"]["score"] != plain["score"]
    refused = _message_with("hang-xom")
    assert refused.status_code == 422 and refused.json()["detail"]


def test_the_api_schema_documents_the_optional_sender_type(db: Any) -> None:
    schema = Client().get("/api/v1/openapi.json").json()
    body = schema["components"]["schemas"]["MessageIn"]
    assert "sender_type" in body["properties"] and body.get("required") == ["text"]


def test_the_page_takes_the_sender_type_and_works_without_it(db: Any) -> None:
    page = Client().get(reverse("indicators:check"))
    assert page.status_code == 200 and 'name="sender_type"' in page.content.decode()
    plain = Client().post(reverse("indicators:check"), {"q": MILD})
    personal = Client().post(reverse("indicators:check"), {"q": MILD, "sender_type": "personal_number"})
    assert plain.status_code == personal.status_code == 200
    assert plain.context["outcome"].triage["score"] != personal.context["outcome"].triage["score"]
    bad = Client().post(reverse("indicators:check"), {"q": MESSAGE, "sender_type": "hang-xom"})
    assert bad.status_code == 400 and "Hãy chọn một nguồn gửi trong danh sách." in bad.content.decode()
