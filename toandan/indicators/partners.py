"""Partner API tokens: shown once, stored as a prefix and a SHA-256 hash, revocable, each use logged.

A token reads ``tdp_<prefix>_<secret>``: the prefix finds the row, the hash of the whole token is compared in
constant time. The secret has 256 bits of entropy, so a fast hash is enough (no password stretching needed).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from toandan.core.audit import client_ip, record_change
from toandan.core.audit import record as audit
from toandan.core.models import AuditAction
from toandan.indicators.models import Partner, PartnerAccess, PartnerToken

PREFIX = "tdp_"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def issue_token(
    partner: Partner, *, actor: Any, label: str = "", request: Any = None
) -> tuple[PartnerToken, str]:
    """A new token for the partner; the clear token is returned once and never stored."""
    if not partner.is_active:
        raise ValidationError(_("Đối tác này đang bị tạm dừng."))
    prefix = secrets.token_hex(6)
    token = f"{PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    row = PartnerToken.objects.create(
        partner=partner, prefix=prefix, token_hash=_hash(token), label=label[:100], created_by=actor
    )
    audit(
        AuditAction.CREATED, actor=actor, request=request, target=row, summary=f"token {prefix} for {partner}"
    )
    return row, token


@transaction.atomic
def revoke_token(token: PartnerToken, *, actor: Any, request: Any = None) -> PartnerToken:
    if token.revoked_at is not None:
        raise ValidationError(_("Khóa này đã bị thu hồi."))
    token.revoked_at, token.revoked_by = timezone.now(), actor
    token.save(update_fields=["revoked_at", "revoked_by"])
    record_change(token, f"token {token.prefix} of {token.partner} revoked", actor=actor, request=request)
    return token


def authenticate(raw: str) -> PartnerToken | None:
    """The active token matching this clear token, with its partner, or None."""
    if not raw or not raw.startswith(PREFIX) or len(raw) > 200:
        return None
    prefix = raw[len(PREFIX) :].split("_", 1)[0]
    row = PartnerToken.objects.select_related("partner").filter(prefix=prefix).first()
    if row is None or not hmac.compare_digest(row.token_hash, _hash(raw)):
        return None
    if row.revoked_at is not None or not row.partner.is_active:
        return None
    return row


def log_access(token: PartnerToken, *, feed: str, since: datetime | None, items: int, request: Any) -> None:
    PartnerAccess.objects.create(
        token=token, partner=token.partner, feed=feed, since=since, items=items, ip=client_ip(request)
    )
