"""Identity only for those who handle the case: the right follows the case's unit, exports of identities
are deliberate POSTs with a purpose audited row by row, and spreadsheet cells never become formulas."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.reports.test_report_workflow import make_report
from toandan.accounts.models import User
from toandan.core.models import AuditAction, AuditEvent
from toandan.orgs.models import Role, Unit
from toandan.orgs.services import grant_role
from toandan.reports import workflow
from toandan.web.testing import COMMUNE_A_POLICE, COMMUNE_B_POLICE, make_staff, staff_client

pytestmark = pytest.mark.django_db
COMMUNE_B = "phuong-nghia-lo-21028"


@pytest.fixture
def leader_a_officer_b(units: None) -> User:
    user = make_staff("leader_a", COMMUNE_A_POLICE, Role.UNIT_LEADER)
    grant_role(actor=None, user=user, unit=Unit.objects.get(code=COMMUNE_B_POLICE), role=Role.UNIT_OFFICER)
    return user


def test_a_leader_elsewhere_cannot_reveal_this_units_reporters(leader_a_officer_b: User) -> None:
    own = make_report(anonymous=False, name="Người A", phone="+84905111222")
    other = make_report(commune=COMMUNE_B, anonymous=False, name="Người B", phone="+84905111333")
    assert other.unit.code == COMMUNE_B_POLICE
    assert workflow.can_reveal_identity(leader_a_officer_b, own)
    assert not workflow.can_reveal_identity(leader_a_officer_b, other)
    client = staff_client(leader_a_officer_b)
    assert client.get(reverse("reports:detail", args=[other.code])).status_code == 200  # sees the case
    assert client.post(reverse("reports:reveal", args=[other.code]), {"purpose": "xem"}).status_code == 403


def test_identity_export_is_a_post_with_a_purpose_audited_per_row(leader_a_officer_b: User) -> None:
    first = make_report(anonymous=False, name="Người Một", phone="+84905111444")
    second = make_report(anonymous=False, name="Người Hai", phone="+84905111555")
    other = make_report(commune=COMMUNE_B, anonymous=False, name="Người Ngoài", phone="+84905111666")
    client = staff_client(leader_a_officer_b)
    # The old GET switch is gone: a GET never carries an identity.
    got = client.get(reverse("reports:export", args=["csv"]), {"identity": "1"}).content.decode()
    assert "Người Một" not in got
    url = reverse("reports:export_identity", args=["csv"])
    assert client.get(url).status_code == 405
    refused = client.post(url, {"purpose": ""})
    assert refused.status_code == 400 and "mục đích" in refused.content.decode()
    before = AuditEvent.objects.filter(action=AuditAction.PERSONAL_DATA_VIEWED).count()
    response = client.post(url, {"purpose": "Gọi lại người tố giác để xác minh"})
    text = response.content.decode()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert "Người Một" in text and "Người Hai" in text and "Người Ngoài" not in text
    rows = AuditEvent.objects.filter(action=AuditAction.PERSONAL_DATA_VIEWED).order_by("pk")[before:]
    assert sorted(r.object_id for r in rows) == sorted([str(first.pk), str(second.pk)])
    assert all("Gọi lại người tố giác" in r.data["purpose"] for r in rows)
    assert str(other.pk) not in [r.object_id for r in rows]


FORMULAS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)"]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_exported_text_never_becomes_a_formula(units: None, fmt: str) -> None:
    admin = make_staff("admin_x", "tinh-quang-ngai", Role.ADMIN, include_subunits=True)
    for formula in FORMULAS:
        make_report(anonymous=False, name=formula, phone="+84905111777")
    response = staff_client(admin).post(
        reverse("reports:export_identity", args=[fmt]), {"purpose": "Kiểm tra tệp xuất"}
    )
    if fmt == "csv":
        cells = [
            c for row in csv.reader(io.StringIO(response.content.decode().lstrip("\ufeff"))) for c in row
        ]
    else:
        sheet = load_workbook(io.BytesIO(response.content)).active
        cells = [c.value for row in sheet.iter_rows() for c in row]
        assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    names = [c for c in cells if isinstance(c, str) and c.lstrip("'") in FORMULAS]
    assert len(names) == len(FORMULAS) and all(name.startswith("'") for name in names)
