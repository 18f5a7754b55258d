"""Sections evaluation adds to the plans app's consolidated period report (installed at start-up)."""

from __future__ import annotations


def install() -> None:
    """Filled in by the budget and practices slice."""
