"""Every public endpoint is rate-limited per address, with a clear answer in the visitor's language."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


@override_settings(PUBLIC_RATE_GET="3/m")
def test_pages_answer_429_after_the_allowance() -> None:
    client = Client(REMOTE_ADDR="203.0.113.5")
    assert [client.get("/").status_code for _ in range(3)] == [200, 200, 200]
    response = client.get("/")
    assert response.status_code == 429 and response["Retry-After"] == "60"
    assert "quá nhiều yêu cầu" in response.content.decode()
    # Another address is not affected.
    assert Client(REMOTE_ADDR="203.0.113.6").get("/").status_code == 200


@override_settings(PUBLIC_RATE_GET="2/m")
def test_api_answers_json_429_in_english_when_asked() -> None:
    client = Client(REMOTE_ADDR="203.0.113.7", HTTP_ACCEPT_LANGUAGE="en")
    client.get("/api/v1/communes")
    client.get("/api/v1/communes")
    response = client.get("/api/v1/communes")
    assert response.status_code == 429
    assert "Too many requests" in response.json()["detail"]


@override_settings(PUBLIC_RATE_WRITE="2/m")
def test_writes_have_their_own_smaller_allowance() -> None:
    client = Client(REMOTE_ADDR="203.0.113.8")
    codes = [client.post("/dang-nhap/", {"username": "x", "password": "y"}).status_code for _ in range(3)]
    assert codes[-1] == 429


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_forwarded_address_is_used_behind_a_trusted_proxy() -> None:
    with override_settings(PUBLIC_RATE_GET="1/m"):
        Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1").get("/")
        other = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.2").get("/")
        same = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1").get("/")
    assert other.status_code == 200 and same.status_code == 429
