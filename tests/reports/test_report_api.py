"""The reports API: categories, JSON and multipart submission, idempotency, following with code + key."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from toandan.core import antiabuse
from toandan.indicators.models import IndicatorRecord
from toandan.reports.models import Evidence, Report

pytestmark = pytest.mark.django_db
MINIMAL = {
    "category": "lua-dao",
    "description": "Tin nhắn báo trúng thưởng, bảo bấm link nhận quà rồi mất 2 triệu trong tài khoản.",
    "identifiers": ["0912.345.678", "bit.ly/qua-tang-vcb"],
    "anonymous": True,
    "consent": True,
}


def post(client: Client, body: Any, **headers: Any) -> Any:
    return client.post("/api/v1/reports", data=json.dumps(body), content_type="application/json", **headers)


def test_categories_list(units: None) -> None:
    body = Client().get("/api/v1/report-categories").json()
    assert {"code": "lua-dao", "name": "Lừa đảo, chiếm đoạt tài sản qua mạng"} in body
    english = Client(HTTP_ACCEPT_LANGUAGE="en").get("/api/v1/report-categories").json()
    assert {"code": "lua-dao", "name": "Online fraud and theft of money"} in english


def test_minimal_json_report(units: None) -> None:
    response = post(Client(), MINIMAL)
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"code", "key", "status", "deadline"} and body["status"] == "received"
    report = Report.objects.get(code=body["code"])
    assert report.anonymous and report.channel == "api"
    assert IndicatorRecord.objects.get(kind="phone").value == "+84912345678"


def test_follow_with_code_and_key(units: None) -> None:
    body = post(Client(), MINIMAL).json()
    status = Client().get(f"/api/v1/reports/{body['code'].lower()}", HTTP_X_REPORT_KEY=body["key"]).json()
    assert status["code"] == body["code"] and status["status"] == "received"
    assert status["messages"][0]["text"].startswith("Tố giác đã được tiếp nhận")
    wrong_key = Client().get(f"/api/v1/reports/{body['code']}", HTTP_X_REPORT_KEY="AAAA-BBBB-CCCC-DDDD")
    wrong_code = Client().get("/api/v1/reports/AAAA-AAAA-A", HTTP_X_REPORT_KEY=body["key"])
    no_key = Client().get(f"/api/v1/reports/{body['code']}")
    assert wrong_key.status_code == wrong_code.status_code == no_key.status_code == 404
    assert wrong_key.json() == wrong_code.json() == no_key.json()


def test_idempotent_retry_stores_nothing_twice(units: None) -> None:
    first = post(Client(), MINIMAL, HTTP_IDEMPOTENCY_KEY="retry-123")
    second = post(Client(), MINIMAL, HTTP_IDEMPOTENCY_KEY="retry-123")
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert Report.objects.count() == 1 and IndicatorRecord.objects.get(kind="phone").report_links.count() == 1
    conflict = post(
        Client(),
        {**MINIMAL, "description": MINIMAL["description"] + " Thêm."},
        HTTP_IDEMPOTENCY_KEY="retry-123",
    )
    assert conflict.status_code == 409 and Report.objects.count() == 1


def test_multipart_with_files(units: None, evidence_files: dict[str, bytes]) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = Client().post(
        "/api/v1/reports",
        {
            "data": json.dumps(MINIMAL),
            "evidence": [
                SimpleUploadedFile("a.png", evidence_files["png"]),
                SimpleUploadedFile("b.pdf", evidence_files["pdf"]),
            ],
        },
    )
    assert response.status_code == 201, response.content
    assert Evidence.objects.count() == 2


@pytest.mark.parametrize(
    ("body", "status", "fragment"),
    [
        ("not json", 400, "JSON"),
        ({**MINIMAL, "category": "khong-co"}, 422, "Loại tố giác"),
        ({**MINIMAL, "description": "ngắn"}, 422, "description"),
        ({k: v for k, v in MINIMAL.items() if k != "description"}, 422, "description"),
        ({**MINIMAL, "identifiers": "0912345678"}, 422, "identifiers"),
        ({**MINIMAL, "identifiers": ["x" * 301]}, 422, "identifiers"),
        ({**MINIMAL, "money_lost": -5}, 422, "money_lost"),
        ({**MINIMAL, "happened_on": "2099-01-01"}, 422, "happened_on"),
        ({**MINIMAL, "commune": "khong-co"}, 422, "xã, phường"),
        ({**MINIMAL, "payment_method": "vang"}, 422, "payment_method"),
        ({**MINIMAL, "anonymous": False}, 422, "Để lại số điện thoại"),
        ({**MINIMAL, "anonymous": False, "name": "A"}, 422, "Để lại số điện thoại"),
        ({**MINIMAL, "consent": False}, 400, "đồng ý"),
        ({k: v for k, v in MINIMAL.items() if k != "consent"}, 422, "consent"),
        ({**MINIMAL, "consent": "yes"}, 422, "consent"),
        ({**MINIMAL, "anonymous": False, "phone": "123"}, 422, "Số điện thoại không hợp lệ"),
        ({**MINIMAL, "anonymous": False, "email": "khong-phai-email"}, 422, "thư điện tử không hợp lệ"),
        ({**MINIMAL, "anonymous": False, "phone": "0905111222", "id_number": "abc"}, 422, "Số định danh"),
    ],
)
def test_bad_input_is_refused_and_nothing_stored(units: None, body: Any, status: int, fragment: str) -> None:
    client = Client()
    response = (
        client.post("/api/v1/reports", data=body, content_type="application/json")
        if isinstance(body, str)
        else post(client, body)
    )
    assert response.status_code == status, response.content
    assert fragment in response.json()["detail"]
    assert Report.objects.count() == 0


def test_bad_file_in_multipart_is_refused(units: None) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = Client().post(
        "/api/v1/reports",
        {
            "data": json.dumps(MINIMAL),
            "evidence": [SimpleUploadedFile("x.jpg", b"MZ not an image")],
        },
    )
    assert response.status_code == 400 and "không phải ảnh" in response.json()["detail"]
    assert Report.objects.count() == 0


def test_scripts_without_proof_of_work_are_slowed(units: None) -> None:
    client = Client(REMOTE_ADDR="192.0.2.10")
    codes = [post(client, MINIMAL).status_code for _ in range(4)]
    assert codes == [201, 201, 201, 429]
    challenge = client.get("/api/v1/reports/challenge").json()
    solved = {
        **MINIMAL,
        "pow_challenge": challenge["challenge"],
        "pow_nonce": antiabuse.solve(challenge["challenge"], challenge["difficulty"]),
    }
    assert post(client, solved).status_code == 201


def test_openapi_documents_report_endpoints() -> None:
    paths = Client().get("/api/v1/openapi.json").json()["paths"]
    assert {"/api/v1/reports", "/api/v1/reports/{code}", "/api/v1/report-categories"} <= set(paths)


def test_api_stores_contact_as_the_form_does(units: None) -> None:
    from toandan.core import crypto

    body = {
        **MINIMAL,
        "anonymous": False,
        "name": "Lê Thị Lan",
        "phone": "0905 111 222",
        "email": "lan@example.vn",
    }
    response = post(Client(), body)
    assert response.status_code == 201, response.content
    identity = Report.objects.get().identity
    assert crypto.decrypt(identity.phone) == "+84905111222"  # the form's E.164 form
