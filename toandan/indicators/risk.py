"""The scorers' risk next to the report counts: every link gets the link scorer's verdict, and inside a
pasted message the message and the cards of what it contains never contradict each other (a red message
verdict above a neutral card for its own link read as "the link is fine").

A risk is the scorers' JSON form: ``{"score": 0.99, "verdict": "scam", "reasons": ["…"]}``.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from toandan.identifiers.banks import resolve_bank
from toandan.identifiers.base import Indicator, Kind
from toandan.identifiers.text import fold
from toandan.indicators import scorers

SCAM, SUSPICIOUS, NO_SIGNAL = "scam", "suspicious", "no_signal"
_LEVEL = {NO_SIGNAL: 0, SUSPICIOUS: 1, SCAM: 2}
LINK_KINDS = frozenset({Kind.URL, Kind.DOMAIN})
# Words people type around a single number or account ("stk Vietcombank 0123…", "sđt 0912…"): not a message.
_LABEL_WORDS = frozenset(
    {"so", "sdt", "dt", "stk", "tk", "tai", "khoan", "dien", "thoai", "link", "web", "trang", "email", "mail"}
)


def level(risk: dict[str, Any] | None) -> int:
    """0 for no risk or no signal, 1 suspicious, 2 scam."""
    return _LEVEL.get(risk["verdict"], 0) if risk else 0


def is_message(text: str, indicators: list[Indicator]) -> bool:
    """Whether the text is a message (words around or instead of indicators), not one typed indicator.

    "0912 345 678", "stk Vietcombank 0123456789" and a bare link are indicators; "Gọi 0912345678 ngay" and
    "trúng thưởng" are messages, whatever their length.
    """
    if len(indicators) > 1:
        return True
    if not any(ch.isspace() for ch in text):
        return False
    words = [
        word.strip(",;:-–()[]!?\"'")
        for word in text.split()
        if sum(ch.isalpha() for ch in word) >= 2 and not any(ch in word for ch in "./@:")
    ]
    rest = [word for word in words if fold(word) not in _LABEL_WORDS]
    if not rest:
        return False
    if indicators and indicators[0].kind == Kind.BANK_ACCOUNT and resolve_bank(" ".join(rest)) is not None:
        return False
    return True


def link_risk(indicator: Indicator) -> dict[str, Any] | None:
    """The link scorer's answer for a URL or a domain; None for other kinds or without a scorer."""
    if indicator.kind not in LINK_KINDS:
        return None
    return scorers.score_url(indicator.value)


def _raised(risk: dict[str, Any] | None, to: dict[str, Any], reason: str) -> dict[str, Any]:
    """``risk`` lifted to the verdict of ``to``, the reason why first."""
    own = risk or {"score": 0.0, "verdict": NO_SIGNAL, "reasons": []}
    return {
        "score": max(float(own["score"]), float(to["score"])),
        "verdict": to["verdict"],
        "reasons": [reason, *own["reasons"]],
    }


Risk = dict[str, Any]


def agree(
    message: Risk | None, items: list[tuple[Indicator, Risk | None, bool]]
) -> tuple[Risk | None, list[Risk | None]]:
    """The message's risk and each indicator's, made to agree.

    ``items`` are (indicator, its own risk, allow-listed?). The message is at least as risky as its riskiest
    link; every indicator of a risky message, except an official one, is at least as risky as the message.
    """
    risks = [risk for _indicator, risk, _official in items]
    if message is None:
        return None, risks
    worst = max((risk for risk in risks if risk), key=level, default=None)
    if worst is not None and level(worst) > level(message):
        reason = worst["reasons"][0] if worst["reasons"] else _("Tin nhắn có đường link đáng ngờ")
        if reason in message["reasons"]:
            score = max(float(message["score"]), float(worst["score"]))
            message = {**message, "verdict": worst["verdict"], "score": score}
        else:
            message = _raised(message, worst, reason)
    if level(message) == 0:
        return message, risks
    agreed: list[dict[str, Any] | None] = []
    for (indicator, _own, official), own in zip(items, risks, strict=True):
        if official or level(own) >= level(message):
            agreed.append(own)
        elif indicator.kind in LINK_KINDS:
            reason = _("Đường link này nằm trong một tin nhắn có dấu hiệu lừa đảo: đừng bấm vào.")
            agreed.append(_raised(own, message, reason))
        else:
            reason = _(
                "Thông tin này nằm trong một tin nhắn có dấu hiệu lừa đảo: đừng gọi lại, đừng chuyển tiền."
            )
            agreed.append(_raised(own, message, reason))
    return message, agreed
