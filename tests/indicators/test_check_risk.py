"""A bare link gets a verdict: the link scorer on every link, the message scorer on every message whatever its
length, the two agreeing inside a message; "no reports" never reads as "safe" (issue 15)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from toandan.identifiers.normalize import detect
from toandan.indicators import risk
from toandan.indicators.check import check_text

pytestmark = pytest.mark.django_db
LOOKALIKE = "https://vietcombank-hotro.top/login"


def test_a_bare_link_gets_the_link_scorers_verdict_in_the_api(no_seed_allowlist: None) -> None:
    body = Client().get("/api/v1/check", {"q": LOOKALIKE}).json()
    assert body["verdict"] == "no_reports" and body["reports"] == 0  # the existing fields stay
    assert body["risk"]["verdict"] == "scam" and 0.7 <= body["risk"]["score"] <= 1
    assert any("Vietcombank" in reason for reason in body["risk"]["reasons"])


def test_a_bare_domain_too(no_seed_allowlist: None) -> None:
    body = Client().get("/api/v1/check", {"q": "vietcombank-hotro.top"}).json()
    assert body["kind"] == "domain" and body["risk"]["verdict"] == "scam"


def test_the_official_site_is_not_called_a_scam(no_seed_allowlist: None) -> None:
    body = Client().get("/api/v1/check", {"q": "https://vietcombank.com.vn"}).json()
    assert body["risk"]["verdict"] == "no_signal"


def test_a_bare_link_on_the_page_is_red_with_reasons(no_seed_allowlist: None) -> None:
    page = Client().post("/tra-cuu/", {"q": LOOKALIKE}).content.decode()
    assert 'data-risk="scam"' in page and 'class="verdict alert"' in page
    assert "Rất giống lừa đảo" in page and "không phải tên miền chính thức" in page
    assert "Chưa có tố giác – không có nghĩa là an toàn" in page


def test_a_short_message_is_scored_whatever_its_length(no_seed_allowlist: None) -> None:
    text = "Bạn trúng thưởng, nhận quà ngay"
    assert len(text) < 40
    outcome = check_text(text)
    assert outcome.is_message and outcome.triage is not None and outcome.triage["verdict"] != "no_signal"
    page = Client().post("/tra-cuu/", {"q": text}).content.decode()
    assert "data-triage=" in page


def test_inside_a_message_the_link_card_agrees_with_the_message(no_seed_allowlist: None) -> None:
    text = f"Vietcombank thông báo tài khoản của quý khách bị khóa, đăng nhập {LOOKALIKE} hoặc gọi 0912345678"
    body = Client().post("/api/v1/check/message", json.dumps({"text": text}), content_type="application/json")
    answer = body.json()
    assert answer["message"]["verdict"] == "scam"
    for item in answer["indicators"]:
        assert item["risk"]["verdict"] == "scam", item  # no neutral card under a red message
    page = Client().post("/tra-cuu/", {"q": text}).content.decode()
    assert page.count('data-risk="scam"') == 2 and 'data-triage="scam"' in page


def test_a_plain_link_in_a_scam_message_is_raised_with_the_reason(no_seed_allowlist: None) -> None:
    message = {"score": 0.95, "verdict": "scam", "reasons": ["Đe dọa khóa tài khoản"]}
    link = detect("https://vi-du-binh-thuong.vn/trang")
    assert link is not None
    own = {"score": 0.1, "verdict": "no_signal", "reasons": []}
    agreed_message, (agreed,) = risk.agree(message, [(link, own, False)])
    assert agreed_message == message
    assert agreed is not None and agreed["verdict"] == "scam" and agreed["score"] == 0.95
    assert "tin nhắn có dấu hiệu lừa đảo" in agreed["reasons"][0]
    # An official (allow-listed) link keeps its own answer.
    _message, (official,) = risk.agree(message, [(link, own, True)])
    assert official == own


def test_a_message_is_at_least_as_risky_as_its_riskiest_link() -> None:
    message = {"score": 0.2, "verdict": "no_signal", "reasons": []}
    link = detect(LOOKALIKE)
    assert link is not None
    own = {"score": 0.99, "verdict": "scam", "reasons": ["Tên miền giả mạo"]}
    agreed_message, _risks = risk.agree(message, [(link, own, False)])
    assert agreed_message is not None
    assert agreed_message["verdict"] == "scam" and agreed_message["reasons"][0] == "Tên miền giả mạo"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (LOOKALIKE, False),
        ("0912 345 678", False),
        ("Vietcombank 0123456789", False),
        ("stk Vietcombank 0123456789", False),
        ("sđt 0912345678", False),
        ("Gọi 0912345678 ngay", True),
        ("trúng thưởng", True),
        ("chào", False),
    ],
)
def test_what_is_a_message(text: str, expected: bool) -> None:
    found = detect(text)
    assert risk.is_message(text, [found] if found else []) is expected


def test_the_schema_documents_the_risk(db: Any) -> None:
    schema = Client().get("/api/v1/openapi.json").json()
    components = schema["components"]["schemas"]
    risk_schema = components["RiskOut"]
    assert risk_schema["properties"]["verdict"]["enum"] == ["scam", "suspicious", "no_signal"]
    assert set(risk_schema["required"]) == {"score", "verdict", "reasons"}
    assert "risk" in components["CheckOut"]["properties"]
