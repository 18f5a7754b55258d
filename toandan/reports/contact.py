"""The reporter's contact details, checked the same way for the web form and the API."""

from __future__ import annotations

import re

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _


class ContactError(ValueError):
    """A contact detail that cannot be accepted; `field` names it, the message says why in Vietnamese."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field, self.message = field, message


def clean_phone(raw: str) -> str:
    """A valid Vietnamese (or international) number in E.164, or '' when empty."""
    raw = (raw or "").strip()
    if not raw:
        return ""
    try:
        number = phonenumbers.parse(raw, "VN")
    except phonenumbers.NumberParseException as exc:
        raise ContactError("phone", _("Số điện thoại không hợp lệ.")) from exc
    if not phonenumbers.is_valid_number(number):
        raise ContactError("phone", _("Số điện thoại không hợp lệ."))
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def clean_email(raw: str) -> str:
    raw = (raw or "").strip()
    if raw:
        try:
            validate_email(raw)
        except ValidationError as exc:
            raise ContactError("email", _("Địa chỉ thư điện tử không hợp lệ.")) from exc
    return raw


def clean_id_number(raw: str) -> str:
    raw = (raw or "").strip().replace(" ", "")
    if raw and not re.fullmatch(r"\d{9}|\d{12}", raw):
        raise ContactError("id_number", _("Số định danh gồm 12 chữ số (hoặc 9 chữ số với CMND cũ)."))
    return raw


def clean_contact(name: str, phone: str, email: str, id_number: str) -> dict[str, str]:
    """All four details of a named report, cleaned; a phone number or an e-mail address is required."""
    cleaned = {
        "name": (name or "").strip(),
        "phone": clean_phone(phone),
        "email": clean_email(email),
        "id_number": clean_id_number(id_number),
    }
    if not (cleaned["phone"] or cleaned["email"]):
        raise ContactError("phone", _("Để lại số điện thoại hoặc thư điện tử, hoặc chọn gửi ẩn danh."))
    return cleaned
