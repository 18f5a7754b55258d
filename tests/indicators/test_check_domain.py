"""The check by domain, through the API: a domain's answer counts the reports of its links, a link's answer
tells the reports on its host, and a page on a big shared platform never taints the platform's domain."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from toandan.indicators import presence
from toandan.indicators.presence import Presence

pytestmark = pytest.mark.django_db


def check(q: str) -> dict[str, Any]:
    response = Client().get("/api/v1/check", {"q": q})
    assert response.status_code == 200, response.content
    return response.json()


STORIES = iter(
    f"Lần {n}: {story}"
    for n in range(1000)
    for story in (
        "Tin nhắn giả ngân hàng bảo tôi bấm vào đường link để xác thực tài khoản, tôi mất tiền.",
        "Một người gọi điện xưng nhân viên ngân hàng, gửi đường link và đòi mã OTP của tôi.",
        "Trang mạng hứa tặng quà tri ân khách hàng, yêu cầu đăng nhập tài khoản ngân hàng.",
    )
)


def report(*identifiers: str) -> None:
    # Each report a different story: the same story with the same link is one incident (counted once).
    body = {
        "category": "lua-dao",
        "description": next(STORIES),
        "identifiers": list(identifiers),
        "anonymous": True,
        "consent": True,
    }
    created = Client().post("/api/v1/reports", data=json.dumps(body), content_type="application/json")
    assert created.status_code == 201, created.content


def test_a_domain_counts_the_reports_of_its_links(units: None, no_seed_allowlist: None) -> None:
    assert check("vietcombank-hotro.top")["verdict"] == "no_reports"
    report("https://vietcombank-hotro.top/dang-nhap")
    report("http://www.vietcombank-hotro.top/otp?x=1", "https://vietcombank-hotro.top/dang-nhap")
    body = check("vietcombank-hotro.top")
    assert (body["kind"], body["verdict"], body["reports"]) == ("domain", "reported", 2)
    assert check("www.vietcombank-hotro.top")["reports"] == 2
    # A domain that only starts with the same letters is another domain.
    assert check("vietcombank-hotro.top.vn")["verdict"] == "no_reports"
    assert check("vietcombank-hotro.to")["verdict"] == "no_reports"


def test_a_link_tells_the_reports_on_its_domain(units: None, no_seed_allowlist: None) -> None:
    report("https://vcb-xacminh.top/dang-nhap")
    report("vcb-xacminh.top")
    other = check("https://vcb-xacminh.top/nhan-qua")
    assert (other["verdict"], other["reports"]) == ("reported", 0)
    assert "vcb-xacminh.top" in other["advice"] and "2 lần" in other["advice"]
    same = check("https://vcb-xacminh.top/dang-nhap")
    assert (same["verdict"], same["reports"]) == ("reported", 1)
    assert "cũng bị tố giác 2 lần" in same["advice"]
    assert set(same) == {"kind", "value", "verdict", "reports", "advice", "risk"}


def test_a_page_on_a_shared_platform_never_taints_the_platform(units: None, no_seed_allowlist: None) -> None:
    report("https://sites.google.com/view/nhan-qua-tri-an", "https://lua-dao.blogspot.com/p/otp.html")
    for platform in ("google.com", "sites.google.com", "blogspot.com"):
        assert check(platform)["verdict"] == "no_reports", platform
    assert check("https://sites.google.com/view/trang-khac")["verdict"] == "no_reports"
    # A site of its own on free hosting is not the platform: its host is judged.
    assert check("lua-dao.blogspot.com")["reports"] == 1


def test_the_fast_path_knows_the_hosts_of_stored_links(
    units: None, settings: Any, monkeypatch: Any, django_assert_num_queries: Any, no_seed_allowlist: None
) -> None:
    settings.INDICATOR_PRESENCE_FILTER = True
    built = Presence(autostart=False)
    monkeypatch.setattr(presence, "_presence", built)
    report("https://vietcombank-hotro.top/dang-nhap")
    built.rebuild()
    check("0912 000 111")  # the allow-list cache
    with django_assert_num_queries(0):
        assert check("khong-ai-to-giac.top")["verdict"] == "no_reports"
    with django_assert_num_queries(1):
        body = check("vietcombank-hotro.top")
    assert (body["verdict"], body["reports"]) == ("reported", 1)
    # A link stored by this process after the build is known at once.
    report("https://ngan-hang-moi.top/x")
    assert check("ngan-hang-moi.top")["reports"] == 1
