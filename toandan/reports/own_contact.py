"""A reporter's own phone number or e-mail address never becomes a reported indicator.

Victims often write their own number in the story ("số của tôi là 0905…, họ gọi từ 0912…"). Extracted from
the description, it would be listed as reported in the public check — the victim named as a scammer. Left
out: the contact details the reporter gave, and numbers the description introduces as the writer's own. The
identifiers the reporter typed as the scammer's are kept as typed, even when they repeat a contact."""

from __future__ import annotations

import re

from toandan.identifiers.phones import normalize_phone
from toandan.indicators.models import IndicatorSource
from toandan.indicators.services import Planned

# "my number is …", "số (điện thoại) của tôi (là) …", "sđt tôi …", "liên hệ tôi qua số …"
_SELF = re.compile(
    r"(?:(?:số|sđt|sdt|số điện thoại|điện thoại|zalo)\s+(?:của\s+)?(?:tôi|em|mình|cháu|con)"
    r"|(?:liên hệ|liên lạc|gọi lại)\s+(?:với\s+)?(?:tôi|em|mình)(?:\s+(?:qua|theo))?(?:\s+số)?"
    r"|my (?:phone|number|phone number))"
    r"\s*(?:là|:|is)?\s*(\+?\d[\d .\-]{7,16}\d)",
    re.IGNORECASE,
)


def own_values(description: str, phone: str = "", email: str = "") -> set[tuple[str, str]]:
    """(kind, value) pairs that belong to the reporter."""
    found: set[tuple[str, str]] = set()
    for raw in [phone, *(m.group(1) for m in _SELF.finditer(description or ""))]:
        if raw:
            try:
                item = normalize_phone(raw)
            except ValueError:
                continue
            found.add((item.kind.value, item.value))
    if email:
        found.add(("email", email.strip().lower()))
    return found


def without_own(planned: Planned, description: str, phone: str = "", email: str = "") -> Planned:
    """The planned indicators less the reporter's own ones found in the description."""
    own = own_values(description, phone, email)
    return {
        key: value
        for key, value in planned.items()
        if not (key in own and value[2] == IndicatorSource.DESCRIPTION)
    }
