"""Encryption at rest of the reporter's identity (Fernet: AES-128-CBC with HMAC-SHA256).

The key comes from REPORTER_IDENTITY_KEY (or _FILE) in the environment: several comma-separated keys allow
rotation (the first encrypts, all decrypt). The embedded default generates one into var/ once.
"""

from __future__ import annotations

from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings


@lru_cache(maxsize=4)
def _fernet(keys: str) -> MultiFernet:
    return MultiFernet([Fernet(k.strip().encode()) for k in keys.split(",") if k.strip()])


def encrypt(value: str) -> str:
    if not value:
        return ""
    return _fernet(settings.REPORTER_IDENTITY_KEYS).encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    if not token:
        return ""
    try:
        return _fernet(settings.REPORTER_IDENTITY_KEYS).decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise ValueError("reporter identity cannot be decrypted with the configured keys") from exc


def rotate(token: str) -> str:
    """The same value encrypted with the first key (any configured key may have encrypted it)."""
    if not token:
        return ""
    try:
        return _fernet(settings.REPORTER_IDENTITY_KEYS).rotate(token.encode()).decode()
    except InvalidToken as exc:
        raise ValueError("reporter identity cannot be decrypted with the configured keys") from exc
