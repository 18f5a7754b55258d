"""Template helpers of the awareness pages."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def get(mapping: dict, key: Any) -> Any:
    """mapping[key] in a template (None when missing)."""
    return mapping.get(key) if isinstance(mapping, dict) else None
