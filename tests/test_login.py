"""Sign-in: password, then TOTP for staff (enrolment on first use), throttling, demo skip, session expiry."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from toandan.accounts.models import User
from toandan.core.models import AuditAction, AuditEvent
from toandan.web.testing import PASSWORD

pytestmark = pytest.mark.django_db
LOGIN = reverse("accounts:login")
SECOND = reverse("accounts:second_factor")


def current_code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


def password_step(client: Client, username: str, password: str = PASSWORD):  # type: ignore[no-untyped-def]
    return client.post(LOGIN, {"username": username, "password": password})


def test_citizen_signs_in_with_password_only(citizen: User) -> None:
    client = Client()
    response = password_step(client, "citizen")
    assert response.status_code == 302 and response["Location"] == reverse("core:home")
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN, actor=citizen).count() == 1


def test_staff_enrol_totp_then_sign_in(commune_a_officer: User) -> None:
    client = Client()
    assert password_step(client, "officer_a")["Location"] == SECOND
    # Not signed in yet: staff pages still need the second factor.
    assert client.get(reverse("web:staff_home")).status_code == 302
    page = client.get(SECOND)
    assert b"<svg" in page.content and "Khóa bí mật" in page.content.decode()
    device = TOTPDevice.objects.get(user=commune_a_officer)
    assert not device.confirmed
    wrong = client.post(SECOND, {"token": "000000" if current_code(device) != "000000" else "111111"})
    assert wrong.status_code == 200 and "Mã không đúng" in wrong.content.decode()
    device.refresh_from_db()
    # Right after a wrong code even the right one is refused for a moment (django-otp's back-off).
    throttled = client.post(SECOND, {"token": current_code(device)})
    assert "Nhập sai quá nhiều lần" in throttled.content.decode()
    device.throttle_reset()  # the back-off has passed
    response = client.post(SECOND, {"token": current_code(device)})
    assert response.status_code == 302 and response["Location"] == reverse("web:staff_home")
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("web:staff_home")).status_code == 200
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN, actor=commune_a_officer).count() == 1
    assert AuditEvent.objects.filter(action=AuditAction.TOTP_ENROLLED).count() == 1


def test_token_field_rejects_non_digits_with_a_clear_message(commune_a_officer: User) -> None:
    client = Client()
    password_step(client, "officer_a")
    response = client.post(SECOND, {"token": "abc"})
    content = response.content.decode()
    assert "Mã gồm đúng 6 chữ số" in content and 'aria-invalid="true"' in content


def test_second_factor_page_without_password_step_goes_back_to_login() -> None:
    assert Client().get(SECOND)["Location"] == LOGIN


def test_wrong_password_is_reported_and_audited(citizen: User) -> None:
    response = password_step(Client(), "citizen", "sai-mat-khau")
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN_FAILED).count() == 1


def test_failed_logins_are_throttled_per_account(citizen: User) -> None:
    for _ in range(5):
        password_step(Client(REMOTE_ADDR="10.0.0.1"), "citizen", "sai")
    # Even the right password from another address is refused while throttled.
    response = password_step(Client(REMOTE_ADDR="10.0.0.2"), "citizen")
    assert response.status_code == 429
    assert "quá nhiều lần" in response.content.decode()
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN_THROTTLED).count() == 1


@override_settings(TOANDAN_DEMO_SKIP_2FA=True)
def test_demo_account_skips_second_factor_only_in_demo_mode(commune_a_officer: User) -> None:
    commune_a_officer.is_demo = True
    commune_a_officer.save(update_fields=["is_demo"])
    client = Client()
    assert "Bản trình diễn" in client.get(LOGIN).content.decode()
    assert password_step(client, "officer_a")["Location"] == reverse("web:staff_home")
    assert client.get(reverse("web:staff_home")).status_code == 200
    with override_settings(TOANDAN_DEMO_SKIP_2FA=False):
        # Production mode: the same session no longer passes.
        assert client.get(reverse("web:staff_home"))["Location"] == SECOND


def test_demo_flag_is_ignored_outside_demo_mode(commune_a_officer: User) -> None:
    commune_a_officer.is_demo = True
    commune_a_officer.save(update_fields=["is_demo"])
    assert password_step(Client(), "officer_a")["Location"] == SECOND


@override_settings(TOANDAN_DEMO_SKIP_2FA=True)
def test_staff_session_has_idle_expiry(commune_a_officer: User, settings) -> None:  # type: ignore[no-untyped-def]
    commune_a_officer.is_demo = True
    commune_a_officer.save(update_fields=["is_demo"])
    client = Client()
    password_step(client, "officer_a")
    client.get(reverse("web:staff_home"))
    assert client.session.get_expiry_age() == settings.STAFF_SESSION_IDLE_SECONDS


def test_open_redirect_is_refused(citizen: User) -> None:
    client = Client()
    client.get(LOGIN + "?next=https://evil.example/")
    assert password_step(client, "citizen")["Location"] == reverse("core:home")


def test_logout_requires_post(citizen: User) -> None:
    client = Client()
    client.force_login(citizen)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert AuditEvent.objects.filter(action=AuditAction.LOGOUT).count() == 1
