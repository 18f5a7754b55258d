"""Participants' contact details: normalised, encrypted at rest with the reporter-identity keys, and a keyed
hash to find a second registration with the same phone or e-mail without decrypting anything."""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from toandan.core import crypto

PHONE_DIGITS = (9, 11)


def normalise_phone(raw: str) -> str:
    """A Vietnamese phone number as 0xxxxxxxxx; '' when empty; ValidationError when not a number."""
    text = "".join(ch for ch in (raw or "") if ch.isdigit() or ch == "+")
    if not text:
        return ""
    if text.startswith("+84"):
        text = "0" + text[3:]
    elif text.startswith("84") and len(text) >= 11:
        text = "0" + text[2:]
    if not text.isdigit() or not text.startswith("0") or not PHONE_DIGITS[0] < len(text) <= PHONE_DIGITS[1]:
        raise ValidationError(_("Số điện thoại “%(phone)s” không hợp lệ.") % {"phone": raw[:30]})
    return text


def normalise_email(raw: str) -> str:
    text = (raw or "").strip().lower()
    if not text:
        return ""
    try:
        validate_email(text)
    except ValidationError as exc:
        raise ValidationError(
            _("Địa chỉ thư điện tử “%(email)s” không hợp lệ.") % {"email": raw[:60]}
        ) from exc
    return text


def contact_hash(phone: str, email: str) -> str:
    """The keyed hash of the first contact given (phone before e-mail); '' without any."""
    value = phone or email
    if not value:
        return ""
    return hmac.new(
        settings.SECRET_KEY.encode(), b"events-contact:" + value.encode(), hashlib.sha256
    ).hexdigest()


def seal(value: str) -> str:
    return crypto.encrypt(value)


def unseal(value: str) -> str:
    try:
        return crypto.decrypt(value)
    except ValueError:
        return "?"
