"""Every URL pattern of the platform, asked (GET) as each role: anonymous, citizen, commune officer, unit
leader of another unit, standing officer, partner token. No answer is a server error; staff pages never
answer a visitor or a citizen; a case answers only the roles whose unit covers it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.reports.test_report_workflow import make_report
from toandan.accounts.models import User
from toandan.indicators import partners
from toandan.indicators.models import Partner
from toandan.orgs.models import Role
from toandan.reports.models import Evidence
from toandan.web.testing import COMMUNE_A_POLICE, COMMUNE_B_POLICE, make_staff, staff_client

pytestmark = pytest.mark.django_db
STAFF_PREFIXES = ("can-bo/", "quan-tri/")
PARAMETER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


def patterns(resolver: URLResolver | None = None, prefix: str = "") -> Iterator[str]:
    for item in (resolver or get_resolver()).url_patterns:
        if isinstance(item, URLResolver):
            yield from patterns(item, prefix + str(item.pattern))
        elif isinstance(item, URLPattern):
            yield prefix + str(item.pattern)


def concrete(pattern: str, values: dict[str, str]) -> str:
    """A path for the pattern: the case's code and file for reports' pages, a harmless value elsewhere."""

    def value(match: re.Match[str]) -> str:
        name = match.group("name")
        if pattern.startswith(("can-bo/to-giac/", "api/v1/reports/")) and name in values:
            return values[name]
        if name == "action":
            return "status"
        if name == "fmt":
            return "csv"
        return "1" if match.group("converter") in ("int", "path", None) else "x"

    path = PARAMETER.sub(value, pattern)
    return "/" + path.lstrip("^").rstrip("$").replace("\\", "")


@pytest.fixture
def setting_up(units: None, settings: Any, tmp_path: Any) -> dict[str, Any]:
    settings.PUBLIC_RATE_GET = "100000/m"
    settings.MEDIA_ROOT = str(tmp_path / "media")
    import io

    from PIL import Image

    from toandan.core.uploads import clean_upload
    from toandan.orgs.models import Unit
    from toandan.reports.models import ReportCategory
    from toandan.reports.services import ReportInput, submit_report

    out = io.BytesIO()
    Image.new("RGB", (20, 20)).save(out, format="PNG")
    data = ReportInput(
        category=ReportCategory.objects.get(code="lua-dao"),
        description="Có người gọi từ 0912345678 bảo chuyển tiền.",
        commune=Unit.objects.get(code="phuong-cam-thanh-21025"),
        consent=True,
    )
    report = submit_report(data, [clean_upload(out.getvalue(), "a.png")]).report
    make_report()
    admin = make_staff("quantri_x", "tinh-quang-ngai", Role.ADMIN, include_subunits=True)
    token = partners.issue_token(Partner.objects.create(name="Nhà mạng", kind="telecom"), actor=admin)[1]
    return {
        "values": {"code": report.code, "pk": str(Evidence.objects.get(report=report).pk)},
        "token": token,
    }


def clients(token: str) -> dict[str, Client]:
    citizen = Client()
    citizen.force_login(User.objects.create_user(username="nguoidan", password="x" * 12))
    return {
        "anonymous": Client(),
        "citizen": citizen,
        "commune_officer": staff_client(make_staff("canbo_a", COMMUNE_A_POLICE, Role.UNIT_OFFICER)),
        "leader_elsewhere": staff_client(make_staff("lanhdao_b", COMMUNE_B_POLICE, Role.UNIT_LEADER)),
        "standing_officer": staff_client(
            make_staff("thuongtruc", "ca-tinh", Role.STANDING_OFFICER, include_subunits=True)
        ),
        "partner": Client(HTTP_AUTHORIZATION=f"Bearer {token}"),
    }


CASE_PAGES = {"can-bo/to-giac/<str:code>/", "can-bo/to-giac/<str:code>/tep/<int:pk>/"}
# Who may open the case (commune A's) and its evidence: its unit and the standing office.
CASE_ROLES = {"commune_officer", "standing_officer"}


def test_every_url_as_every_role(setting_up: dict[str, Any]) -> None:
    roles = clients(setting_up["token"])
    seen: dict[tuple[str, str], int] = {}
    for pattern in sorted(set(patterns())):
        path = concrete(pattern, setting_up["values"])
        for role, client in roles.items():
            response = client.get(path)
            status = response.status_code
            seen[(pattern, role)] = status
            # /healthz says 503 when no worker runs (none in this test): that is its job.
            assert status < 500 or (pattern == "healthz" and status == 503), (role, path, status)
            if pattern.startswith(STAFF_PREFIXES) and role in ("anonymous", "citizen", "partner"):
                assert status in (302, 403, 404, 405), (role, path, status)
                if status == 302:
                    # To the sign-in page, or (the admin's log-out) back to the admin, which asks to sign in.
                    assert any(w in response["Location"] for w in ("dang-nhap", "login", "/quan-tri/")), path
            if pattern in CASE_PAGES and role in ("leader_elsewhere", "commune_officer", "standing_officer"):
                expected = 200 if role in CASE_ROLES else 404
                assert status == expected, (role, path, status)
    # The partner feed answers the token and nobody else.
    assert seen[("api/v1/partners/feed/<fmt>", "partner")] == 200
    assert all(seen[("api/v1/partners/feed/<fmt>", r)] == 401 for r in roles if r != "partner")
    # Identity pages are POST only; the audit log is for administrators only.
    assert {seen[("can-bo/to-giac/<str:code>/danh-tinh/", r)] for r in CASE_ROLES} == {405}
    assert seen[("can-bo/nhat-ky/", "standing_officer")] == 403
    assert len({p for p, _ in seen}) > 100  # the walk really covered the site
