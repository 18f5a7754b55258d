"""The receipt of a web submission (tracking code and secret key), kept for a short time by the browser that
sent the report and by nothing else.

It travels in an encrypted cookie (Fernet, key derived from SECRET_KEY, timestamped: it expires after
RECEIPT_SECONDS): reloading ``/to-giac/da-gui/`` shows it again, the follow-up form finds the code, and the
server keeps no copy — no session row linking a signed-in account to an anonymous report's code.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.http import HttpRequest, HttpResponse

COOKIE = "toandan_receipt"
RECEIPT_SECONDS = 30 * 60


@dataclass(frozen=True)
class Receipt:
    """What the reporter must keep: the tracking code, the secret key, and whether it was also e-mailed."""

    code: str
    key: str
    emailed: bool = False


def _fernet() -> Fernet:
    digest = hashlib.sha256(b"toandan.reports.receipt:" + settings.SECRET_KEY.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def seal(receipt: Receipt) -> str:
    payload = json.dumps({"c": receipt.code, "k": receipt.key, "e": receipt.emailed})
    return _fernet().encrypt(payload.encode()).decode()


def unseal(token: str | None) -> Receipt | None:
    """The receipt in ``token``, or None when missing, tampered with or older than RECEIPT_SECONDS."""
    if not token:
        return None
    try:
        data: dict[str, Any] = json.loads(_fernet().decrypt(token.encode(), ttl=RECEIPT_SECONDS))
        return Receipt(str(data["c"]), str(data["k"]), bool(data.get("e")))
    except (InvalidToken, ValueError, KeyError, TypeError):
        return None


def keep(response: HttpResponse, receipt: Receipt) -> HttpResponse:
    response.set_cookie(
        COOKIE,
        seal(receipt),
        max_age=RECEIPT_SECONDS,
        path="/",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


def read(request: HttpRequest) -> Receipt | None:
    return unseal(request.COOKIES.get(COOKIE))


def forget(response: HttpResponse) -> HttpResponse:
    response.delete_cookie(COOKIE, path="/", samesite="Lax")
    return response
