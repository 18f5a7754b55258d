"""Make scripted mass submission expensive without third-party services: a proof of work.

The server hands out a signed, timestamped challenge; the client must find a nonce such that
SHA-256("<challenge>:<nonce>") starts with DIFFICULTY zero bits (about 65,000 hashes: a moment for one
person's phone, a real cost for a script sending thousands). Each challenge is accepted once.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.core import signing
from django.core.cache import caches

MAX_AGE_SECONDS = 2 * 3600
SALT = "toandan.pow"


def difficulty() -> int:
    return settings.POW_DIFFICULTY


def new_challenge() -> str:
    return signing.TimestampSigner(salt=SALT).sign(secrets.token_urlsafe(12))


def leading_zero_bits(digest: bytes) -> int:
    bits = 0
    for byte in digest:
        if byte == 0:
            bits += 8
            continue
        return bits + 8 - byte.bit_length()
    return bits


def verify(challenge: str, nonce: str, bits: int | None = None) -> bool:
    """True once per valid, fresh, solved challenge."""
    if not challenge or not nonce or len(nonce) > 32 or len(challenge) > 200:
        return False
    try:
        signing.TimestampSigner(salt=SALT).unsign(challenge, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature:
        return False
    digest = hashlib.sha256(f"{challenge}:{nonce}".encode()).digest()
    if leading_zero_bits(digest) < (bits or difficulty()):
        return False
    # add() is atomic: a second use of the same challenge finds the key present.
    used = f"pow-used:{hashlib.sha256(challenge.encode()).hexdigest()}"
    return caches["limits"].add(used, 1, MAX_AGE_SECONDS)


def solve(challenge: str, bits: int | None = None) -> str:
    """What the browser's script does, for API clients written in Python and for tests."""
    needed = bits or difficulty()
    nonce = 0
    while True:
        digest = hashlib.sha256(f"{challenge}:{nonce}".encode()).digest()
        if leading_zero_bits(digest) >= needed:
            return str(nonce)
        nonce += 1
