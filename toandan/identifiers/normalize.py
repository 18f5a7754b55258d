"""Public API of the indicator toolkit: recognise and normalise what people report or look up.

Pure functions, no database, no network::

    detect(text: str) -> Indicator | None
    normalize(kind: Kind | str, raw: str, *, bank: Bank | str | None = None) -> Indicator
    extract_all(text: str) -> list[Indicator]          # re-exported from .extract
    resolve_bank(text: str) -> Bank | None             # re-exported from .banks

``Indicator(kind, value, display, extra)`` is a frozen dataclass; ``value`` is the canonical key
for storage and lookup, ``display`` a readable form, ``extra`` details that depend on the kind.
Equality and hashing use ``kind`` and ``value`` only.  ``normalize`` raises
:class:`InvalidIndicator` (a ``ValueError`` with a Vietnamese message and a ``code``) for bad input,
and is idempotent: ``normalize(k, normalize(k, x).value) == normalize(k, x)``.

Canonical values, one example per kind (details in each module's docstring):

=================  ==========================================  ======================================
kind               typed                                       value
=================  ==========================================  ======================================
phone              ``0901.234.567``, ``+84 90 123 4567``       ``+84901234567``
phone (service)    ``1900 1234`` / ``5656``                    ``+8419001234`` / ``VN:5656``
bank_account       ``Vietcombank 0123 456 789``                ``970436:0123456789``
bank_account       ``0123456789`` (bank unknown)               ``?:0123456789``
url                ``HTTP://Ví-Dụ.vn:80/a?utm_source=x#top``   ``https://xn--v-d-rma6749a.vn/a``
domain             ``WWW.Example.COM.``                        ``example.com``
email              ``Nguyen.A@Example.COM``                    ``nguyen.a@example.com``
social             ``https://m.facebook.com/nguyen.van.a/``    ``facebook:nguyen.van.a``
crypto_wallet      ``0xDE0B29…7BAe``                           ``0xde0b29…7bae``
=================  ==========================================  ======================================
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from .banks import Bank, account_indicator, normalize_bank_account, resolve_bank
from .base import Indicator, InvalidIndicator, Kind
from .base import translate as _
from .crypto import normalize_wallet, wallet_or_none
from .extract import extract_all
from .phones import normalize_phone
from .social import normalize_social, social_from_url, social_or_none
from .text import defang
from .web import clean_url_text, normalize_domain, normalize_email, normalize_url, parse_url

__all__ = [
    "Bank",
    "Indicator",
    "InvalidIndicator",
    "Kind",
    "detect",
    "extract_all",
    "normalize",
    "resolve_bank",
]

MAX_INPUT_LENGTH = 4096

_NORMALIZERS: dict[Kind, Callable[[str], Indicator]] = {
    Kind.PHONE: normalize_phone,
    Kind.URL: normalize_url,
    Kind.DOMAIN: normalize_domain,
    Kind.EMAIL: normalize_email,
    Kind.SOCIAL: normalize_social,
    Kind.CRYPTO_WALLET: normalize_wallet,
}


def normalize(kind: Kind | str, raw: str, *, bank: Bank | str | None = None) -> Indicator:
    """Normalise ``raw`` as an indicator of ``kind``; raise :class:`InvalidIndicator` if it is not one.

    ``bank`` (a :class:`Bank`, a BIN or a bank name) is only used for ``Kind.BANK_ACCOUNT``.
    """
    try:
        kind = Kind(kind)
    except ValueError:
        raise InvalidIndicator(_("Loại dấu hiệu không được hỗ trợ."), "kind_unknown") from None
    if not isinstance(raw, str) or not raw.strip():
        raise InvalidIndicator(_("Vui lòng nhập một giá trị."), "empty", kind)
    if len(raw) > MAX_INPUT_LENGTH:
        raise InvalidIndicator(_("Giá trị quá dài."), "too_long", kind)
    if kind is Kind.BANK_ACCOUNT:
        return normalize_bank_account(raw, bank)
    return _NORMALIZERS[kind](raw)


_CANONICAL_BANK = re.compile(r"(?:\d{6}|\?):\d{6,19}")
_CANONICAL_SHORT = re.compile(r"vn:\d{3,5}", re.IGNORECASE)
_PHONE_LIKE = re.compile(r"(?:tel:)?[\d\s().\-+]+", re.IGNORECASE)
_WALLET_URI = re.compile(r"(?:bitcoin|ethereum|tron):", re.IGNORECASE)


def _strict_phone(text: str) -> Indicator:
    return normalize_phone(text, lenient=False)


def _attempt(function: Callable[[str], Indicator], text: str) -> Indicator | None:
    try:
        return function(text)
    except InvalidIndicator:
        return None


def detect(text: str) -> Indicator | None:
    """Recognise the single indicator typed or pasted into a search box, or return None.

    Order of recognition: canonical values (so ``detect(detect(x).value) == detect(x)``), wallet
    addresses, telephone numbers and short codes, bare account numbers (6–19 digits that are not a
    phone number: kept as ``?:<digits>``), e-mail addresses, social-network accounts, URLs
    (anything with a path, query, port or scheme), domain names, and finally whatever
    :func:`extract_all` finds first in a longer text (``"STK 0123456789 Vietcombank"``).
    """
    if not isinstance(text, str):
        return None
    raw = unicodedata.normalize("NFKC", text).strip()
    if not raw or len(raw) > MAX_INPUT_LENGTH:
        return None
    if _CANONICAL_BANK.fullmatch(raw):
        return _attempt(normalize_bank_account, raw)
    if _CANONICAL_SHORT.fullmatch(raw):
        return _attempt(normalize_phone, raw)
    single = not any(ch.isspace() for ch in raw)
    if single:
        wallet = wallet_or_none(_WALLET_URI.sub("", raw, count=1).split("?", 1)[0])
        if wallet is not None:
            return wallet
    if _PHONE_LIKE.fullmatch(raw):
        phone = _attempt(_strict_phone, raw)
        if phone is not None:
            return phone
        digits = re.sub(r"\D", "", raw)
        if 6 <= len(digits) <= 19 and "+" not in raw:
            return account_indicator(digits, None)
        return None
    cleaned = defang(raw, loose=True).strip()
    if "@" in cleaned and not any(ch.isspace() for ch in cleaned) and "/" not in cleaned.split("@", 1)[0]:
        email = _attempt(normalize_email, cleaned)
        if email is not None:
            return email
    social = social_or_none(raw)
    if social is not None:
        return social
    # Undo obfuscation in the scheme and host only, as normalize_url does (see web.clean_url_text).
    web_text = clean_url_text(raw)
    if web_text and not any(ch.isspace() for ch in web_text) and "." in web_text:
        web = _detect_web(web_text)
        if web is not None:
            return web
    found = extract_all(text)
    return found[0] if found else None


def _detect_web(text: str) -> Indicator | None:
    try:
        parsed = parse_url(text)
    except InvalidIndicator:
        return None
    social = social_from_url(parsed)
    if social is not None:
        return social
    plain_host = (
        not parsed.scheme_given
        and not parsed.userinfo
        and parsed.port is None
        and parsed.path == "/"
        and not parsed.query
        and not text.rstrip("/").endswith(("?", "#"))
        and "/" not in text
    )
    if plain_host:
        return _attempt(normalize_domain, text)
    return _attempt(normalize_url, text)
