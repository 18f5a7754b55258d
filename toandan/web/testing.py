"""Helpers for tests of this project and of deployments: named staff users and signed-in clients."""

from __future__ import annotations

from django.test import Client

from toandan.accounts.models import User
from toandan.accounts.permissions import SECOND_FACTOR_SESSION_KEY
from toandan.orgs.models import Role, Unit
from toandan.orgs.services import grant_role

COMMUNE_A_POLICE = "ca-phuong-cam-thanh-21025"
COMMUNE_B_POLICE = "ca-phuong-nghia-lo-21028"
PASSWORD = "mat-khau-thu-nghiem-123"  # noqa: S105 - test accounts only


def make_staff(username: str, unit_code: str, role: Role, include_subunits: bool = False) -> User:
    user = User.objects.create_user(username=username, password=PASSWORD, full_name=username)
    unit = Unit.objects.get(code=unit_code)
    grant_role(actor=None, user=user, unit=unit, role=role, include_subunits=include_subunits)
    return user


def staff_client(user: User) -> Client:
    """A client signed in as `user` with the second factor passed, as after a real TOTP sign-in."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    session = client.session
    session[SECOND_FACTOR_SESSION_KEY] = "totp"
    session["otp_device_id"] = device.persistent_id
    session.save()
    return client
