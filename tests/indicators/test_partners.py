"""Partner feeds: hashed, revocable tokens, each use logged; STIX 2.1 the stix2 parser accepts, MISP, CSV,
domain list, hosts, RPZ; incremental with since=, cleared indicators as withdrawals."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from typing import Any

import pytest
import stix2
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from toandan.indicators import partners, status
from toandan.indicators.models import ClearReason, IndicatorRecord, PartnerAccess, PartnerToken
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db


def get(path: str, token: str | None, **params: Any) -> Any:
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return Client().get(f"/api/v1/partners/feed/{path}", params, **headers)


@pytest.fixture
def token(partner: Any, admin_user: Any) -> str:
    return partners.issue_token(partner, actor=admin_user)[1]


@pytest.fixture
def confirmed(file_report: Any, record_of: Any, provincial_officer: Any) -> dict[str, IndicatorRecord]:
    """A confirmed phone, domain, link and account, and one merely reported number."""
    found = {}
    for text in (
        "0987 654 321",
        "lua-dao-vcb.com",
        "https://docs.google.com/forms/d/abc",
        "Vietcombank 0123456789",
    ):
        report = file_report(text)
        found[text] = status.confirm(record_of(text), actor=provincial_officer, report=report)
    file_report("0911 222 333")
    return found


def test_token_is_stored_hashed_and_each_use_logged(token: str, partner: Any) -> None:
    row = PartnerToken.objects.get()
    assert (
        token.startswith(f"tdp_{row.prefix}_") and token not in row.token_hash and len(row.token_hash) == 64
    )
    assert get("csv", token).status_code == 200
    access = PartnerAccess.objects.get()
    assert (access.partner, access.feed, access.items, access.ip) == (partner, "csv", 0, "127.0.0.1")


@pytest.mark.parametrize("header", [None, "tdp_nothing_here", "Bearer-less"])
def test_without_a_valid_token(db: Any, header: str | None) -> None:
    response = get("stix", header)
    assert response.status_code == 401 and response.json()["detail"]


def test_revoked_token_and_inactive_partner(token: str, partner: Any, admin_user: Any) -> None:
    partners.revoke_token(PartnerToken.objects.get(), actor=admin_user)
    assert get("csv", token).status_code == 401
    other = partners.issue_token(partner, actor=admin_user)[1]
    partner.is_active = False
    partner.save()
    assert get("csv", other).status_code == 401


def test_stix_bundle_parses(token: str, confirmed: dict) -> None:
    response = get("stix", token)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/stix+json")
    bundle = stix2.parse(response.content.decode(), allow_custom=False)
    indicators = [o for o in bundle.objects if o.type == "indicator"]
    assert len(indicators) == 4
    patterns = {o.pattern for o in indicators}
    assert "[domain-name:value = 'lua-dao-vcb.com']" in patterns
    assert "[x-toandan-phone-number:value = '+84987654321']" in patterns
    assert not any("0911222333" in p or "+84911222333" in p for p in patterns)


def test_since_gives_changes_and_withdrawals(token: str, confirmed: dict, provincial_officer: Any) -> None:
    until = get("csv", token)["X-Feed-Until"]
    assert get("csv", token, since=until).content.decode().count("\n") == 5  # within the overlap: repeated
    later = (timezone.now() + timedelta(minutes=5)).isoformat()
    assert get("csv", token, since=later).content.decode().count("\n") == 1  # header only
    status.clear(
        confirmed["lua-dao-vcb.com"], actor=provincial_officer, reason=ClearReason.FALSE_REPORT, note="Nhầm."
    )
    since = (timezone.now() - timedelta(seconds=1)).isoformat()
    rows = list(csv.DictReader(io.StringIO(get("csv", token, since=since).content.decode())))
    withdrawn = [r for r in rows if r["status"] == "withdrawn"]
    assert [(r["kind"], r["value"]) for r in withdrawn] == [("domain", "lua-dao-vcb.com")]
    bundle = stix2.parse(get("stix", token, since=since).content.decode())
    revoked = [o for o in bundle.objects if o.type == "indicator" and o.revoked]
    assert len(revoked) == 1
    event = json.loads(get("misp", token, since=since).content)["Event"]
    assert [a["value"] for a in event["Attribute"] if a["deleted"]] == ["lua-dao-vcb.com"]
    assert "# withdrawn: lua-dao-vcb.com" in get("domains", token, since=since).content.decode()
    assert "; withdrawn: lua-dao-vcb.com" in get("rpz", token, since=since).content.decode()
    full = get("domains", token).content.decode()
    assert "lua-dao-vcb.com" not in full


def test_dns_formats_carry_domains_only(token: str, confirmed: dict) -> None:
    domains = get("domains", token).content.decode()
    hosts = get("hosts", token).content.decode()
    rpz = get("rpz", token).content.decode()
    assert "lua-dao-vcb.com" in domains.splitlines()
    assert "0.0.0.0 lua-dao-vcb.com" in hosts.splitlines()
    assert "lua-dao-vcb.com CNAME ." in rpz and "*.lua-dao-vcb.com CNAME ." in rpz and "$TTL" in rpz
    for text in (domains, hosts, rpz):
        assert "docs.google.com" not in text  # a link's host may be a shared service


def test_misp_and_csv(token: str, confirmed: dict) -> None:
    event = json.loads(get("misp", token).content)["Event"]
    types = {a["value"]: a["type"] for a in event["Attribute"]}
    assert types["+84987654321"] == "phone-number" and types["970436:0123456789"] == "bank-account-nr"
    assert all(a["to_ids"] for a in event["Attribute"])
    rows = list(csv.DictReader(io.StringIO(get("csv", token).content.decode())))
    assert {r["status"] for r in rows} == {"confirmed"} and len(rows) == 4


def test_bad_since_and_format(token: str) -> None:
    assert get("csv", token, since="yesterday").status_code == 422
    assert get("pdf", token).status_code == 422


def test_allowlisted_is_never_published(token: str, confirmed: dict, allow: Any) -> None:
    allow("lua-dao-vcb.com", verified=False)
    assert "lua-dao-vcb.com" not in get("domains", token).content.decode()


def test_partner_page_issues_once_and_revokes(partner: Any, admin_user: Any, provincial_officer: Any) -> None:
    client = staff_client(admin_user)
    page = client.post(reverse("indicators:issue_token", args=[partner.pk]), {"label": "DNS"})
    assert page.status_code == 200 and page["Cache-Control"] == "no-store"
    token = page.context["token"]
    assert (
        token in page.content.decode()
        and token not in client.get(reverse("indicators:partners")).content.decode()
    )
    assert get("csv", token).status_code == 200
    client.post(reverse("indicators:revoke_token", args=[PartnerToken.objects.get().pk]))
    assert get("csv", token).status_code == 401
    assert staff_client(provincial_officer).get(reverse("indicators:partners")).status_code == 403


def test_feed_rate_limit(token: str, settings: Any) -> None:
    settings.PARTNER_FEED_RATE = "1/m"
    assert get("csv", token).status_code == 200
    assert get("csv", token).status_code == 429
