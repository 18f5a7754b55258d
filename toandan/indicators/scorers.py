"""The scorers the public check adds to its answers, plugged in by an app above (triage registers them from
its AppConfig.ready): the check calls this registry and never imports the scorers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from toandan.identifiers.base import Indicator

#: How many reports name each indicator the scorer found (only those named at least once).
Reputation = Callable[[list[Indicator]], dict[Any, int]]
#: A scorer: the message, a reputation lookup and the sender's type as the reader gave it (or None; the scorer
#: ignores types it does not know) → the score as a JSON-ready dict.
MessageScorer = Callable[[str, Reputation, str | None], dict[str, Any]]
#: A link scorer: a URL or a bare domain → {"score", "verdict", "reasons"}.
UrlScorer = Callable[[str], dict[str, Any]]

_scorer: MessageScorer | None = None
_url_scorer: UrlScorer | None = None


def register_message_scorer(scorer: MessageScorer) -> None:
    global _scorer
    _scorer = scorer


def register_url_scorer(scorer: UrlScorer) -> None:
    global _url_scorer
    _url_scorer = scorer


def score_message(text: str, reputation: Reputation, sender_type: str | None = None) -> dict[str, Any] | None:
    """The registered scorer's answer, or None when no scorer is installed."""
    return _scorer(text, reputation, sender_type) if _scorer is not None else None


def score_url(url: str) -> dict[str, Any] | None:
    """The registered link scorer's answer, or None when no scorer is installed."""
    return _url_scorer(url) if _url_scorer is not None else None
