"""Panels other apps add to the officer's case page, plugged in from their AppConfig.ready (triage adds its
suggestion and message verdict): the case page calls this registry and never imports those apps."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest

if TYPE_CHECKING:
    from toandan.reports.models import Report


@dataclass(frozen=True)
class CasePanel:
    """A template included on the case page and the function giving its context."""

    template: str
    context: Callable[[HttpRequest, Report], dict[str, Any]]


_panels: dict[str, CasePanel] = {}


def register_case_panel(template: str, context: Callable[[HttpRequest, Report], dict[str, Any]]) -> None:
    _panels[template] = CasePanel(template, context)


def case_panels(request: HttpRequest, report: Report) -> dict[str, Any]:
    """The registered panels' context, merged, with their templates under ``case_panel_templates``."""
    merged: dict[str, Any] = {"case_panel_templates": list(_panels)}
    for panel in _panels.values():
        merged.update(panel.context(request, report))
    return merged
