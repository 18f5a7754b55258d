"""Extension points of the public check: apps above indicators register providers here at start-up (the check
never imports them). A provider gets the check's outcome and returns links to show beside the answer."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RelatedLink:
    """A page worth reading after an answer (e.g. a published scam warning)."""

    title: str
    url: str
    note: str = ""


RelatedProvider = Callable[[Any], list[RelatedLink]]
_providers: list[RelatedProvider] = []


def register_related(provider: RelatedProvider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def related_for(outcome: Any) -> list[RelatedLink]:
    """Every registered provider's links for an outcome, without duplicates; a failing provider is skipped."""
    links: list[RelatedLink] = []
    seen: set[str] = set()
    for provider in _providers:
        try:
            found = provider(outcome)
        except Exception:  # a broken extension must not break the check itself
            logger.exception("related-content provider failed")
            continue
        for link in found:
            if link.url not in seen:
                seen.add(link.url)
                links.append(link)
    return links
