"""NUL characters in any input and out-of-range partner `since` values get a clear 422, never a 500."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from toandan.indicators import partners
from toandan.indicators.models import Partner
from toandan.reports.models import Report

pytestmark = pytest.mark.django_db
NUL_MESSAGE = "Dữ liệu gửi lên có ký tự không hợp lệ (ký tự NUL). Vui lòng bỏ ký tự đó rồi gửi lại."
REPORT = {
    "category": "lua-dao",
    "description": "Tin nhắn báo trúng thưởng, bảo bấm link nhận quà rồi mất 2 triệu trong tài khoản.",
    "identifiers": ["0912.345.678"],
    "anonymous": False,
    "consent": True,
    "name": "Nguyễn Văn A",
    "phone": "0912345678",
    "email": "nguoi.bao@example.vn",
    "id_number": "051234567890",
    "commune": None,
    "payment_method": "",
}


def post_json(path: str, body: Any, **headers: Any) -> Any:
    return Client().post(path, data=json.dumps(body), content_type="application/json", **headers)


def assert_refused(response: Any) -> None:
    assert response.status_code == 422, response.content
    assert response.json()["detail"] == NUL_MESSAGE


@pytest.mark.parametrize("field", ["description", "name", "phone", "email", "id_number", "category"])
def test_nul_in_any_report_field_is_422_and_nothing_stored(units: None, field: str) -> None:
    body = {**REPORT, field: "a\x00" + str(REPORT[field])}
    assert_refused(post_json("/api/v1/reports", body))
    assert Report.objects.count() == 0


def test_the_crafted_email_of_the_issue(units: None) -> None:
    body = {**REPORT, "email": "victim@example.vn\x00<script>"}
    assert_refused(post_json("/api/v1/reports", body, HTTP_IDEMPOTENCY_KEY="k-1"))
    assert post_json("/api/v1/reports", REPORT).status_code == 201  # the platform answers on


def test_nul_in_identifiers_keys_header_and_multipart(units: None) -> None:
    assert_refused(post_json("/api/v1/reports", {**REPORT, "identifiers": ["09\x0012"]}))
    assert_refused(post_json("/api/v1/reports", {**REPORT, "x\x00": 1}))
    multipart = Client().post("/api/v1/reports", {"data": json.dumps({**REPORT, "description": "\x00" * 30})})
    assert_refused(multipart)
    assert_refused(Client().post("/api/v1/reports", {**REPORT, "identifiers": "a\x00", "commune": ""}))
    assert Report.objects.count() == 0


def test_escaped_backslash_before_u0000_is_not_a_nul(units: None) -> None:
    body = {**REPORT, "description": REPORT["description"] + " \\u0000 là chữ, không phải ký tự NUL."}
    response = post_json("/api/v1/reports", body)
    assert response.status_code == 201, response.content


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/check?q=0912%00345678",
        "/api/v1/reports/AB%00CD",
        "/api/v1/report-categories?x=%00",
        "/api/v1/partners/feed/csv?since=%00",
    ],
)
def test_nul_in_path_or_query_string_is_422(path: str) -> None:
    assert_refused(Client().get(path))


def test_nul_in_check_message(units: None) -> None:
    assert_refused(post_json("/api/v1/check/message", {"text": "Chuyển tiền vào 0912\x00345678"}))


@pytest.mark.parametrize("path", ["/tra-cuu/?q=0912%00345678", "/theo-doi/?code=%00"])
def test_pages_refuse_nul_in_the_query_string(units: None, path: str) -> None:
    response = Client().get(path)
    assert response.status_code == 422
    assert "ký tự NUL" in response.content.decode()


def test_page_form_with_nul_is_refused_and_nothing_stored(units: None) -> None:
    response = Client().post(
        "/to-giac/", {"description": "Lừa đảo \x00 qua mạng xã hội, mất tiền.", "category": 1}
    )
    assert response.status_code == 422 and "ký tự NUL" in response.content.decode()
    assert Report.objects.count() == 0


@pytest.fixture
def token(db: Any) -> str:
    partner = Partner.objects.create(name="Nhà mạng thử nghiệm", kind="telecom")
    return partners.issue_token(partner, actor=None)[1]


@pytest.mark.parametrize(
    "since",
    [
        "2026-01-01T00:00:00+16:00",
        "2026-01-01T00:00:00-23:59",
        "0001-01-01T00:00:00",
        "0001-01-01T00:00:00+01:00",
    ],
)
def test_partner_feed_since_out_of_range_is_422(token: str, since: str) -> None:
    response = Client().get(
        "/api/v1/partners/feed/csv", {"since": since}, HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert response.status_code == 422, response.content
    assert "since" in response.json()["detail"]


@pytest.mark.parametrize(
    "since", ["2026-01-01T00:00:00+15:59", "2026-01-01T00:00:00-15:59", "2026-01-01T00:00:00"]
)
def test_partner_feed_since_within_range(token: str, since: str) -> None:
    response = Client().get(
        "/api/v1/partners/feed/csv", {"since": since}, HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert response.status_code == 200, response.content
