"""Links a participant receives: the ticket page and the cancellation link are signed (nothing stored, nothing
to guess); the QR code carries the organisers' check-in address with the participant's random code."""

from __future__ import annotations

from django.core import signing
from django.urls import reverse

TICKET_SALT = "toandan.events.ticket"
CANCEL_SALT = "toandan.events.cancel"


def ticket_token(participant_id: int) -> str:
    return signing.dumps(participant_id, salt=TICKET_SALT, compress=True)


def cancel_token(participant_id: int) -> str:
    return signing.dumps(participant_id, salt=CANCEL_SALT, compress=True)


def read_token(token: str, salt: str) -> int | None:
    try:
        value = signing.loads(token, salt=salt)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None


def ticket_path(participant_id: int) -> str:
    return reverse("events:ticket", args=[ticket_token(participant_id)])


def cancel_path(participant_id: int) -> str:
    return reverse("events:cancel", args=[cancel_token(participant_id)])


def checkin_path(code: str) -> str:
    return reverse("events:checkin_code", args=[code])
