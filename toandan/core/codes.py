"""Tracking codes and follow-up keys: short, unambiguous, safe to read over the phone.

Codes use Crockford's base-32 alphabet (no I, L, O, U), eight symbols in two groups and one check symbol
(the value mod 37, Crockford's check alphabet), e.g. ``K7M2-Q9XH-4``. Typing mistakes people make over the
phone — lower case, O for 0, I or L for 1, missing or extra dashes and spaces — are forgiven.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CHECK_ALPHABET = ALPHABET + "*~$=U"
_ALIASES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def _encode(value: int, length: int) -> str:
    out = []
    for _ in range(length):
        value, digit = divmod(value, 32)
        out.append(ALPHABET[digit])
    return "".join(reversed(out))


def _check_symbol(value: int) -> str:
    return CHECK_ALPHABET[value % 37]


def new_code() -> str:
    value = secrets.randbits(40)
    body = _encode(value, 8)
    return f"{body[:4]}-{body[4:]}-{_check_symbol(value)}"


def normalize_code(text: str) -> str | None:
    """The canonical form of a typed code, or None when it is malformed or its check symbol is wrong."""
    cleaned = "".join(ch for ch in text.upper().translate(_ALIASES) if ch not in " -_.")
    if len(cleaned) != 9:
        return None
    body, check = cleaned[:8], cleaned[8]
    if any(ch not in ALPHABET for ch in body):
        return None
    value = 0
    for ch in body:
        value = value * 32 + ALPHABET.index(ch)
    if _check_symbol(value) != check:
        return None
    return f"{body[:4]}-{body[4:]}-{check}"


def new_key() -> str:
    """A follow-up key: 16 symbols (80 random bits) in four groups."""
    body = _encode(secrets.randbits(80), 16)
    return "-".join(body[i : i + 4] for i in range(0, 16, 4))


def normalize_key(text: str) -> str:
    return "".join(ch for ch in text.upper().translate(_ALIASES) if ch in ALPHABET)


def hash_key(key: str) -> str:
    return hashlib.sha256(normalize_key(key).encode()).hexdigest()


def key_matches(key: str, key_hash: str) -> bool:
    return hmac.compare_digest(hash_key(key), key_hash)
