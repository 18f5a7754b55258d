"""The audit log: one row per security event, never changed, filterable by administrators."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.urls import reverse

from toandan.accounts.models import User
from toandan.core.models import AuditAction, AuditEvent
from toandan.orgs.models import Membership, Role, Unit
from toandan.orgs.services import grant_role, revoke_role
from toandan.web.testing import PASSWORD, staff_client

pytestmark = pytest.mark.django_db


def test_sign_in_writes_one_audit_row(citizen: User) -> None:
    before = AuditEvent.objects.count()
    Client().post(reverse("accounts:login"), {"username": "citizen", "password": PASSWORD})
    rows = AuditEvent.objects.all()[: AuditEvent.objects.count() - before]
    assert [row.action for row in rows] == [AuditAction.LOGIN]
    assert rows[0].actor == citizen and rows[0].ip == "127.0.0.1"


def test_role_change_writes_one_audit_row(citizen: User, admin_user: User, units: None) -> None:
    unit = Unit.objects.get(code="so-gddt")
    before = AuditEvent.objects.count()
    membership = grant_role(actor=admin_user, user=citizen, unit=unit, role=Role.UNIT_OFFICER)
    assert AuditEvent.objects.count() == before + 1
    row = AuditEvent.objects.first()
    assert row.action == AuditAction.ROLE_GRANTED and row.actor == admin_user and row.unit == unit
    revoke_role(actor=admin_user, membership=membership)
    assert AuditEvent.objects.count() == before + 2
    assert AuditEvent.objects.first().action == AuditAction.ROLE_REVOKED


def test_role_change_in_admin_is_audited(citizen: User, admin_user: User) -> None:
    client = staff_client(admin_user)
    unit = Unit.objects.get(code="so-gddt")
    before = AuditEvent.objects.filter(action=AuditAction.ROLE_GRANTED).count()
    response = client.post(
        reverse("admin:orgs_membership_add"),
        {
            "user": citizen.pk,
            "unit": unit.pk,
            "role": Role.UNIT_OFFICER,
            "granted_at_0": "2026-11-28",
            "granted_at_1": "10:00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Membership.objects.filter(user=citizen, unit=unit).exists()
    assert AuditEvent.objects.filter(action=AuditAction.ROLE_GRANTED).count() == before + 1


def test_audit_rows_cannot_be_changed_or_deleted(citizen: User) -> None:
    event = AuditEvent.objects.create(action=AuditAction.LOGIN, actor=citizen)
    event.summary = "changed"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(summary="x")
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()


def test_database_refuses_raw_update(citizen: User) -> None:
    event = AuditEvent.objects.create(action=AuditAction.LOGIN, actor=citizen)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE core_auditevent SET summary = 'x' WHERE id = %s", [event.pk])


def test_admin_filters_the_log(admin_user: User, citizen: User) -> None:
    AuditEvent.objects.create(action=AuditAction.LOGIN_FAILED, actor_label="mallory")
    client = staff_client(admin_user)
    page = client.get(reverse("web:audit_log"), {"action": AuditAction.LOGIN_FAILED}).content.decode()
    assert "mallory" in page
    page = client.get(reverse("web:audit_log"), {"action": AuditAction.LOGOUT}).content.decode()
    assert "mallory" not in page
    bad = client.get(reverse("web:audit_log"), {"from": "28/11/2026", "action": "nonsense"})
    assert bad.status_code == 200
    content = bad.content.decode()
    assert "Hành động không hợp lệ" in content and "NNNN-TT-NN" in content
