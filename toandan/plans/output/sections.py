"""Sections other apps add to the consolidated period report (evaluation: indicators, inspections, model
practices, budget). They register a provider at start-up, so plans never imports them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class ExtraSection:
    """A heading, paragraphs and one table, laid out by the .docx and .xlsx writers like the plan's own."""

    title: str
    paragraphs: list[str] = field(default_factory=list)
    head: list[str] = field(default_factory=list)
    rows: list[list[Any]] = field(default_factory=list)


# provider(plan, span, user) -> sections; `span` has starts_on, ends_on, label and period (None: cumulative)
Provider = Callable[[Any, Any, Any], list[ExtraSection]]
_providers: list[Provider] = []


def register_section(provider: Provider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def extra_sections(plan: Any, span: Any, user: Any) -> list[ExtraSection]:
    return [section for provider in _providers for section in provider(plan, span, user)]
