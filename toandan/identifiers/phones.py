"""Telephone numbers: recognition and normalisation.

Canonical forms (``Indicator.value``):

* every number that libphonenumber (``phonenumbers``) considers **valid** is stored in E.164:
  ``0901 234 567`` → ``+84901234567``, ``0255 3822 123`` → ``+842553822123``.  The Vietnamese
  service numbers ``1800 xxxx`` (toll free) and ``1900 xxxx`` (premium rate) are valid national
  numbers in libphonenumber, so they are E.164 too: ``1900 1234`` → ``+8419001234``; ``extra["type"]``
  tells them apart (``"toll_free"``, ``"premium_rate"``).
* SMS short codes and short hotlines that have no E.164 form (3–5 digits, not starting with 0:
  ``5656``, ``9029``, ``113``) are stored as ``VN:<digits>`` (``extra["type"] == "short_code"``).
  They only mean something inside Vietnam, and the ``VN:`` prefix keeps them from ever colliding
  with an E.164 value.

Accepted spellings: ``0``/``+84``/``84``/``0084`` prefixes (and the common mistake ``+84 0901…``),
spaces, dots, dashes, parentheses, full-width digits, ``tel:`` links.  Foreign numbers are accepted
when written internationally (``+855…``, ``00855…``).  Numbers that are not valid are rejected,
never guessed: the pre-2018 eleven-digit mobile numbers (``0168…``) are not rewritten.

Vietnamese numbers are validated with the number patterns of libphonenumber's own metadata, compiled
once, because ``phonenumbers.parse`` costs ~20 µs and the extractor sees many candidates; the test
suite checks that this fast path agrees with ``phonenumbers.is_valid_number``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

import phonenumbers
from phonenumbers import PhoneMetadata

from .base import Indicator, InvalidIndicator, Kind
from .base import translate as _

_VN_META = PhoneMetadata.metadata_for_region("VN")


def _compile_desc(desc: Any) -> tuple[frozenset[int], re.Pattern[str]] | None:
    if desc is None or not desc.national_number_pattern:
        return None
    return frozenset(desc.possible_length or ()), re.compile(desc.national_number_pattern)


# Same order as libphonenumber's own type resolution, so that a number matching two descriptions
# gets the same type as phonenumbers.number_type() would give it.
_VN_TYPES: list[tuple[str, tuple[frozenset[int], re.Pattern[str]]]] = [
    (name, compiled)
    for name in (
        "premium_rate",
        "toll_free",
        "shared_cost",
        "voip",
        "personal_number",
        "pager",
        "uan",
        "voicemail",
        "fixed_line",
        "mobile",
    )
    if (compiled := _compile_desc(getattr(_VN_META, name, None))) is not None
]
_VN_GENERAL = _compile_desc(_VN_META.general_desc)

_SHORT_CODE = re.compile(r"[1-9]\d{2,4}")
_ALLOWED = re.compile(r"[\d\s().\-+/]+")
_NON_DIGIT = re.compile(r"\D")
_HANOI_HCMC = ("24", "28")


def vn_number_type(nsn: str) -> str | None:
    """Return the libphonenumber type name of a Vietnamese national significant number, or None.

    ``nsn`` is the number without trunk prefix ``0`` and without country code.
    """
    if _VN_GENERAL is None:  # pragma: no cover - metadata always has a general description
        return None
    lengths, pattern = _VN_GENERAL
    if (lengths and len(nsn) not in lengths) or not pattern.fullmatch(nsn):
        return None
    for name, (lengths, pattern) in _VN_TYPES:
        if (not lengths or len(nsn) in lengths) and pattern.fullmatch(nsn):
            return name
    return None


def _vn_display(nsn: str, kind: str) -> str:
    """Group a Vietnamese number the way it is printed nationally (no network, no phonenumbers call)."""
    if kind in ("toll_free", "premium_rate"):
        return f"{nsn[:4]} {nsn[4:]}"
    national = "0" + nsn
    if kind == "fixed_line":
        if nsn[:2] in _HANOI_HCMC:
            return f"{national[:3]} {national[3:7]} {national[7:]}"
        return f"{national[:4]} {national[4:8]} {national[8:]}"
    if len(national) == 10:
        return f"{national[:4]} {national[4:7]} {national[7:]}"
    return national


def _vn_indicator(nsn: str, kind: str) -> Indicator:
    national = nsn if kind in ("toll_free", "premium_rate") else "0" + nsn
    return Indicator(
        Kind.PHONE,
        "+84" + nsn,
        _vn_display(nsn, kind),
        {"region": "VN", "type": kind, "national": national},
    )


def short_code_indicator(digits: str) -> Indicator:
    """Indicator for a Vietnamese short code such as ``5656`` (value ``VN:5656``)."""
    return Indicator(
        Kind.PHONE, f"VN:{digits}", digits, {"region": "VN", "type": "short_code", "national": digits}
    )


@functools.lru_cache(maxsize=4096)
def _foreign(international: str) -> Indicator | None:
    """Validate a non-Vietnamese number given with its country code (rare, so the slow path is fine)."""
    if not international or international[0] == "0":  # no country code starts with 0
        return None
    try:
        number = phonenumbers.parse("+" + international, None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    region = phonenumbers.region_code_for_number(number)
    type_names = {v: k.lower() for k, v in vars(phonenumbers.PhoneNumberType).items() if k.isupper()}
    return Indicator(
        Kind.PHONE,
        phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
        phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL),
        {"region": region, "type": type_names.get(phonenumbers.number_type(number), "unknown")},
    )


def phone_from_digits(digits: str, *, international: bool = False, lenient: bool = False) -> Indicator | None:
    """Interpret a string of digits as a telephone number, or return None.

    ``international`` means the digits followed a ``+``.  Without it, a number must start with ``0``,
    ``00``, ``84`` (11–12 digits) or be a ``1800``/``1900`` service number, which is how numbers are
    written in Vietnamese prose.  ``lenient`` (for a value explicitly typed as a phone number) also
    accepts a national number whose leading ``0`` was forgotten (``901234567``).
    """
    if international or digits.startswith("00"):
        full = digits[2:] if not international else digits
        if not full.startswith("84"):
            return _foreign(full) if len(full) >= 7 else None
        nsn = full[2:]
        # "+84 0901 234 567" is a frequent mistake with only one possible meaning.
        if nsn.startswith("0"):
            nsn = nsn[1:]
    elif digits.startswith("0"):
        nsn = digits[1:]
    elif digits.startswith("84") and len(digits) in (11, 12):
        nsn = digits[2:]
        if nsn.startswith("0"):
            return None
    elif digits.startswith(("1800", "1900")) or lenient:
        nsn = digits
    else:
        return None
    kind = vn_number_type(nsn)
    if kind is None:
        return None
    return _vn_indicator(nsn, kind)


def normalize_phone(raw: str, *, lenient: bool = True) -> Indicator:
    """Normalise one telephone number typed by a person; raise :class:`InvalidIndicator` if invalid.

    Accepts the canonical values too (``+84901234567``, ``VN:5656``), so normalisation is idempotent.
    ``lenient`` accepts a national number without its leading 0 (``901234567``): right when the
    person said it is a phone number, wrong for a bare number typed in a search box.
    """
    text = unicodedata.normalize("NFKC", raw).strip()
    lowered = text.lower()
    if lowered.startswith("tel:"):
        text = text[4:].strip()
    elif lowered.startswith("vn:"):
        text = text[3:].strip()
        if _SHORT_CODE.fullmatch(text):
            return short_code_indicator(text)
    if not text or not _ALLOWED.fullmatch(text) or "/" in text:
        raise InvalidIndicator(
            _("Số điện thoại chỉ được chứa chữ số, dấu cách, dấu chấm, gạch ngang, ngoặc và dấu +."),
            "phone_chars",
            Kind.PHONE,
        )
    stripped = text.lstrip("( ")
    international = stripped.startswith("+")
    if text.count("+") > (1 if international else 0):
        raise InvalidIndicator(_("Số điện thoại không hợp lệ."), "phone_invalid", Kind.PHONE)
    if international:
        # "+84 (0) 901 234 567": the bracketed trunk zero is a printing convention, not a digit.
        text = re.sub(r"\(\s*0\s*\)", "", text)
    digits = _NON_DIGIT.sub("", text)
    if not international and _SHORT_CODE.fullmatch(digits):
        return short_code_indicator(digits)
    if not 7 <= len(digits) <= 15:
        raise InvalidIndicator(_("Số điện thoại không đúng độ dài."), "phone_length", Kind.PHONE)
    found = phone_from_digits(digits, international=international, lenient=lenient)
    if found is None:
        raise InvalidIndicator(_("Số điện thoại không hợp lệ."), "phone_invalid", Kind.PHONE)
    return found
