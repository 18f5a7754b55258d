"""The result every scorer returns, and the thresholds that turn a probability into a verdict."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext

# Thresholds on the calibrated probability. "scam" is what the platform may show as a warning on its own;
# "suspicious" asks the person to check through an official channel. They were chosen on the "tune" part of
# tests/triage/fixtures/*.jsonl and kept fixed before the "holdout" part was scored.
SCAM_THRESHOLD = 0.7
SUSPICIOUS_THRESHOLD = 0.4

SCAM = "scam"
SUSPICIOUS = "suspicious"
NO_SIGNAL = "no_signal"


@dataclass(frozen=True, slots=True)
class Verdict:
    """A risk score in [0, 1], its verdict ("scam", "suspicious" or "no_signal") and reasons in Vietnamese."""

    score: float
    verdict: str
    reasons: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The JSON form used by the management commands and, later, the API."""
        return {"score": self.score, "verdict": self.verdict, "reasons": list(self.reasons)}


def sigmoid(logit: float) -> float:
    """Logistic function, safe for large magnitudes."""
    if logit >= 0:
        return 1.0 / (1.0 + math.exp(-logit))
    z = math.exp(logit)
    return z / (1.0 + z)


def verdict_for(score: float) -> str:
    """Map a calibrated probability to a verdict using the fixed thresholds."""
    if score >= SCAM_THRESHOLD:
        return SCAM
    if score >= SUSPICIOUS_THRESHOLD:
        return SUSPICIOUS
    return NO_SIGNAL


_translations: dict[tuple[str | None, str], str] = {}


def translate(message: str, language: str | None) -> str:
    """``gettext`` remembered per language: looking up the active catalogue costs more than a signal does.

    The caller passes the active language (``get_language()``), read once per scored item. The cache is
    bounded by the number of languages times the fixed reason templates.
    """
    key = (language, message)
    found = _translations.get(key)
    if found is None:
        found = _translations[key] = gettext(message)
    return found
