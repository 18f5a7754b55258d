"""Staff see the units their role covers; an officer of commune A never sees commune B."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from toandan.accounts.models import User
from toandan.orgs.models import Role, Unit
from toandan.web.testing import COMMUNE_A_POLICE, COMMUNE_B_POLICE, make_staff, staff_client

pytestmark = pytest.mark.django_db


def detail(code: str) -> str:
    return reverse("web:unit_detail", args=[code])


def test_commune_officer_sees_own_commune_not_another(commune_a_officer: User) -> None:
    client = staff_client(commune_a_officer)
    assert client.get(detail(COMMUNE_A_POLICE)).status_code == 200
    assert client.get(detail(COMMUNE_B_POLICE)).status_code == 404
    assert set(Unit.objects.visible_to(commune_a_officer).values_list("code", flat=True)) == {
        COMMUNE_A_POLICE
    }


def test_provincial_officer_sees_both_communes(provincial_officer: User) -> None:
    client = staff_client(provincial_officer)
    assert client.get(detail(COMMUNE_A_POLICE)).status_code == 200
    assert client.get(detail(COMMUNE_B_POLICE)).status_code == 200
    assert Unit.objects.visible_to(provincial_officer).count() == Unit.objects.count()


def test_unit_leader_sees_sub_units_only(units: None) -> None:
    leader = make_staff("leader", "ca-tinh", Role.UNIT_LEADER)
    visible = Unit.objects.visible_to(leader)
    assert visible.filter(code=COMMUNE_B_POLICE).exists()
    assert not visible.filter(code="so-gddt").exists()


def test_unit_list_is_filtered_by_scope(commune_a_officer: User) -> None:
    page = staff_client(commune_a_officer).get(reverse("web:unit_list")).content.decode()
    assert "Công an phường Cẩm Thành" in page
    assert "Công an phường Nghĩa Lộ" not in page


def test_citizen_and_anonymous_are_kept_out_of_staff_pages(citizen: User, units: None) -> None:
    anonymous = Client()
    response = anonymous.get(detail(COMMUNE_A_POLICE))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
    signed_in = Client()
    signed_in.force_login(citizen)
    assert signed_in.get(detail(COMMUNE_A_POLICE)).status_code == 403
    assert Unit.objects.visible_to(citizen).count() == 0


def test_staff_without_second_factor_is_sent_to_it(commune_a_officer: User) -> None:
    client = Client()
    client.force_login(commune_a_officer)
    response = client.get(detail(COMMUNE_A_POLICE))
    assert response.status_code == 302 and response["Location"] == reverse("accounts:second_factor")


def test_audit_log_is_for_administrators_only(provincial_officer: User, admin_user: User) -> None:
    assert staff_client(provincial_officer).get(reverse("web:audit_log")).status_code == 403
    assert staff_client(admin_user).get(reverse("web:audit_log")).status_code == 200


def test_admin_site_requires_second_factor(admin_user: User) -> None:
    half = Client()
    half.force_login(admin_user)
    assert half.get("/quan-tri/").status_code == 302
    assert staff_client(admin_user).get("/quan-tri/").status_code == 200
