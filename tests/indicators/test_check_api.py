"""GET /api/v1/check: the four verdicts, the ScamShield rules, bad input, query counts, and a report filed
through POST /api/v1/reports counted at once whatever form its identifier was typed in."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from toandan.core import refcache
from toandan.indicators import status
from toandan.indicators.models import ClearReason, IndicatorRecord, IndicatorStatus
from toandan.reports import repeats

pytestmark = pytest.mark.django_db


def check(q: str, **headers: Any) -> Any:
    return Client().get("/api/v1/check", {"q": q}, **headers)


def confirm(record: IndicatorRecord, officer: Any) -> IndicatorRecord:
    report = record.report_links.first().report
    return status.confirm(record, actor=officer, report=report)


def test_no_reports_is_never_called_safe(no_seed_allowlist: None) -> None:
    response = check("0912 345 678")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"kind", "value", "verdict", "reports", "advice", "risk"}
    assert body["risk"] is None  # a phone number alone: nothing for the link scorer
    assert body == {**body, "kind": "phone", "value": "+84912345678", "verdict": "no_reports", "reports": 0}
    assert "không có nghĩa là an toàn" in body["advice"]
    assert "an toàn" not in body["advice"].replace("không có nghĩa là an toàn", "")


def test_report_filed_through_the_api_is_counted_at_once_whatever_the_spelling(units: None) -> None:
    report = {
        "category": "lua-dao",
        "description": "Người lạ gọi từ số này bảo tôi chuyển tiền để nhận quà tri ân khách hàng.",
        "identifiers": [
            "0912.345.678",
            "Vietcombank 0123 456 789",
            "HTTP://VCB-HoTro.com/dang-nhap?utm_source=x",
        ],
        "anonymous": True,
        "consent": True,
    }
    before = check("+84 912 345 678").json()
    assert before["verdict"] == "no_reports"
    created = Client().post("/api/v1/reports", data=json.dumps(report), content_type="application/json")
    assert created.status_code == 201
    for spelling in ("+84 912 345 678", "84-912-345-678", "0912345678", "(091) 234-5678"):
        body = check(spelling).json()
        assert (body["value"], body["verdict"], body["reports"]) == ("+84912345678", "reported", 1), spelling
    account = check("STK 0123456789 Vietcombank").json()
    assert (account["kind"], account["verdict"], account["reports"]) == ("bank_account", "reported", 1)
    link = check("https://vcb-hotro.com/dang-nhap").json()
    assert (link["kind"], link["verdict"], link["reports"]) == ("url", "reported", 1)
    # The same story sent again is the same incident: counted once once the worker's sweep has compared it
    # (reports.repeats); another story counts.
    Client().post("/api/v1/reports", data=json.dumps(report), content_type="application/json")
    assert repeats.sweep() == 2
    assert check("0912 345 678").json()["reports"] == 1
    other = {**report, "description": "Kẻ gian nhắn Zalo mời đầu tư tiền ảo lãi cao, nạp 10 triệu rồi mất."}
    Client().post("/api/v1/reports", data=json.dumps(other), content_type="application/json")
    repeats.sweep()
    assert check("0912 345 678").json()["reports"] == 2


def test_reported_is_a_warning_without_accusation(file_report: Any) -> None:
    file_report("0987 654 321")
    body = check("0987654321").json()
    assert body["verdict"] == "reported" and body["reports"] == 1
    assert "chưa được cơ quan chức năng xác minh" in body["advice"]
    assert "lừa đảo" not in body["advice"]


def test_confirmed_names_the_category_and_count(
    file_report: Any, record_of: Any, provincial_officer: Any
) -> None:
    file_report("0987 654 321")
    file_report("0987.654.321", category="gia-mao")
    confirm(record_of("0987654321"), provincial_officer)
    body = check("0987 654 321").json()
    assert body["verdict"] == "confirmed" and body["reports"] == 2
    assert "Lừa đảo, chiếm đoạt tài sản qua mạng" in body["advice"]


def test_answer_reveals_no_reporter_and_no_case(file_report: Any) -> None:
    report = file_report("0987 654 321", anonymous=False, name="Nguyễn Văn Bí Mật", phone="0905111222")
    text = check("0987654321").content.decode()
    assert report.code not in text and "Bí Mật" not in text and "0905111222" not in text
    assert report.unit.name not in text


def test_verified_allowlist_is_official_even_when_reported(file_report: Any, allow: Any) -> None:
    allow("1900 545413", "Vietcombank")
    file_report("1900545413")
    body = check("1900 54 54 13").json()
    assert body["verdict"] == "allowlisted" and "Vietcombank" in body["advice"]
    assert "giả mạo" in body["advice"]


def test_unverified_allowlist_entry_is_not_shown_as_official_nor_as_a_scam(
    file_report: Any, allow: Any, record_of: Any, provincial_officer: Any
) -> None:
    file_report("https://ngan-hang-that.vn/dang-nhap")
    confirm(record_of("https://ngan-hang-that.vn/dang-nhap"), provincial_officer)
    allow("ngan-hang-that.vn", "Ngân hàng thật", verified=False)
    body = check("https://ngan-hang-that.vn/dang-nhap").json()
    assert body["verdict"] == "reported"
    # The domain counts its link's report (issue 10), and is still not shown as a scam.
    assert (check("ngan-hang-that.vn").json()["verdict"], check("ngan-hang-that.vn").json()["reports"]) == (
        "reported",
        1,
    )


def test_seeded_allowlist_is_waiting_for_an_administrator(db: Any) -> None:
    assert check("vietcombank.com.vn").json()["verdict"] == "no_reports"
    assert check("1900545413").json()["verdict"] == "no_reports"


def test_cleared_counts_only_reports_filed_afterwards(
    file_report: Any, record_of: Any, provincial_officer: Any
) -> None:
    file_report("0987 654 321")
    status.clear(
        record_of("0987654321"),
        actor=provincial_officer,
        reason=ClearReason.FALSE_REPORT,
        note="Số của shipper.",
    )
    assert check("0987654321").json() == {**check("0987654321").json(), "verdict": "no_reports", "reports": 0}
    file_report("0987 654 321")
    assert (check("0987654321").json()["verdict"], check("0987654321").json()["reports"]) == ("reported", 1)


def test_same_thing_written_differently_is_found(file_report: Any) -> None:
    file_report("zalo 0977 111 222", "STK 123456789 Vietcombank")
    assert check("0977111222").json()["verdict"] == "reported"
    unknown_bank = check("123456789").json()
    assert (unknown_bank["value"], unknown_bank["verdict"]) == ("?:123456789", "reported")


def test_link_on_a_confirmed_domain_is_confirmed_but_reports_of_a_host_do_not_spread(
    file_report: Any, record_of: Any, provincial_officer: Any
) -> None:
    file_report("lua-dao-vcb.com")
    confirm(record_of("lua-dao-vcb.com"), provincial_officer)
    assert check("https://dang-nhap.lua-dao-vcb.com/xac-thuc?id=1").json()["verdict"] == "confirmed"
    file_report("blogspot.com")
    assert check("https://ban-hang-that.blogspot.com/").json()["verdict"] == "no_reports"


@pytest.mark.parametrize(
    ("q", "code"),
    [("", 400), ("   ", 400), ("x" * 2001, 400), ("xin chào bạn", 422), ("0912345678 và 0987654321", 422)],
)
def test_bad_input_is_refused_with_a_clear_message(db: Any, q: str, code: int) -> None:
    response = check(q)
    assert response.status_code == code
    assert response.json()["detail"]


def test_missing_parameter(db: Any) -> None:
    response = Client().get("/api/v1/check")
    assert response.status_code == 400 and "Hãy nhập" in response.json()["detail"]


def test_english_answers(db: Any) -> None:
    response = check("0912345678", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200 and response.json()["verdict"] == "no_reports"


def test_no_reports_path_is_one_query(
    no_seed_allowlist: None, django_assert_max_num_queries: Any, django_assert_num_queries: Any
) -> None:
    check("0912 000 111")  # loads the allow-list into this process's cache
    with django_assert_num_queries(1):
        assert check("0912 345 678").json()["verdict"] == "no_reports"
    with django_assert_num_queries(1):
        assert check("123456789").json()["verdict"] == "no_reports"  # every bank's account in one query
    refcache.clear()
    with django_assert_max_num_queries(2):
        check("https://example.com/a")


def test_confirmed_path_is_one_query(
    file_report: Any, record_of: Any, provincial_officer: Any, django_assert_num_queries: Any
) -> None:
    file_report("0987 654 321")
    confirm(record_of("0987654321"), provincial_officer)
    check("0912 000 111")
    with django_assert_num_queries(1):
        assert check("0987654321").json()["verdict"] == "confirmed"


def test_record_status_is_reported_after_intake(file_report: Any, record_of: Any) -> None:
    file_report("0987 654 321")
    assert record_of("0987654321").status == IndicatorStatus.REPORTED
