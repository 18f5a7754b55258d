"""Structured logs carry the request id and no personal data."""

from __future__ import annotations

import json
import logging

import pytest
from django.test import Client

from toandan.core.logs import JsonFormatter

pytestmark = pytest.mark.django_db
REPORT = {
    "category": "lua-dao",
    "description": "Người gọi xưng công an, đọc đúng số căn cước rồi đòi chuyển tiền, số 0987654321.",
    "anonymous": False,
    "consent": True,
    "name": "Trần Thị Bình",
    "phone": "0987654321",
    "email": "tran.binh@example.vn",
}


def test_each_request_logs_one_json_line_with_its_id_and_nothing_personal(
    units: None, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    client = Client()
    created = client.post(
        "/api/v1/reports", json.dumps(REPORT), content_type="application/json", HTTP_X_REQUEST_ID="rq-42"
    )
    assert created.status_code == 201 and created["X-Request-ID"] == "rq-42"
    code = created.json()["code"]
    followed = client.get(f"/api/v1/reports/{code}?email=tran.binh@example.vn", HTTP_X_REPORT_KEY="sai")
    refused = client.post(
        "/api/v1/reports", json.dumps({**REPORT, "name": "a\x00"}), content_type="application/json"
    )
    assert followed.status_code == 404 and refused.status_code == 422
    assert len(followed["X-Request-ID"]) == 32  # made here: the caller sent none

    lines = [JsonFormatter().format(r) for r in caplog.records]
    entries = [json.loads(line) for line in lines]
    requests = [e for e in entries if e["logger"] == "toandan.request"]
    assert [(e["method"], e["status"]) for e in requests] == [("POST", 201), ("GET", 404), ("POST", 422)]
    assert requests[0]["request_id"] == "rq-42" and requests[0]["route"] == "api/v1/reports"
    assert requests[1]["route"] == "api/v1/reports/<code>"
    text = "\n".join(lines)
    for personal in ("tran.binh", "0987654321", "Trần Thị Bình", "Bình", code, "căn cước"):
        assert personal not in text


def test_a_caller_cannot_inject_into_the_request_id() -> None:
    response = Client().get("/healthz", HTTP_X_REQUEST_ID='x" \n{"level": "ERROR"}')
    assert response["X-Request-ID"] != 'x" \n{"level": "ERROR"}' and len(response["X-Request-ID"]) == 32
