"""The smaller promises: the code-and-key page is never cached, demo accounts and load-demo are refused in
production, TOTP secrets never show in the admin, reading the audit log is itself recorded."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from toandan.accounts.models import User
from toandan.core.models import AuditAction, AuditEvent
from toandan.web.testing import PASSWORD, staff_client

pytestmark = pytest.mark.django_db


def test_code_and_key_page_is_no_store(units: None) -> None:
    from toandan.reports import receipt

    client = Client()
    client.cookies[receipt.COOKIE] = receipt.seal(receipt.Receipt("AAAA-BBBB-C", "K" * 16))
    response = client.get(reverse("reports:done"))
    assert response.status_code == 200 and "K" * 16 in response.content.decode()
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "no-store" in Client().post(reverse("reports:follow"), {"code": "x"})["Cache-Control"]


def test_load_demo_is_refused_in_production(settings: Any) -> None:
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        call_command("load_demo", stdout=StringIO())
    assert not User.objects.filter(is_demo=True).exists()


def test_a_demo_account_cannot_sign_in_in_production(settings: Any, units: None) -> None:
    User.objects.create_user(username="congdan", password=PASSWORD, is_demo=True)
    settings.PRODUCTION = True
    response = Client().post(reverse("accounts:login"), {"username": "congdan", "password": PASSWORD})
    assert response.status_code == 403 and "_auth_user_id" not in Client().session
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN_FAILED).exists()
    settings.PRODUCTION = False
    assert (
        Client().post(reverse("accounts:login"), {"username": "congdan", "password": PASSWORD}).status_code
        == 302
    )


def test_totp_secrets_are_hidden_in_the_admin(admin_user: User) -> None:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = staff_client(admin_user)
    device = TOTPDevice.objects.get(user=admin_user)
    change = client.get(reverse("admin:otp_totp_totpdevice_change", args=[device.pk]))
    assert change.status_code == 200 and device.key not in change.content.decode()
    listing = client.get(reverse("admin:otp_totp_totpdevice_changelist")).content.decode()
    assert "qrcode" not in listing
    assert client.get(reverse("admin:otp_totp_totpdevice_config", args=[device.pk])).status_code == 403
    assert client.get(reverse("admin:otp_totp_totpdevice_qrcode", args=[device.pk])).status_code == 403


def test_reading_the_audit_log_is_recorded(admin_user: User) -> None:
    client = staff_client(admin_user)
    assert client.get(reverse("web:audit_log")).status_code == 200
    viewed = AuditEvent.objects.filter(action=AuditAction.PERSONAL_DATA_VIEWED, actor=admin_user)
    assert viewed.count() == 1 and "audit log" in viewed.get().summary
