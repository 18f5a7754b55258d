"""Number formats of the evaluation pages: Vietnamese thousands separator (1.234.567)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template

register = template.Library()


@register.filter
def money(value: Any) -> str:
    """1234567 → "1.234.567"; decimals keep up to two places ("12,5"); None → "–"."""
    if value is None or value == "":
        return "–"
    number = Decimal(value)
    whole = int(number)
    text = f"{abs(whole):,}".replace(",", ".")
    fraction = abs(number - whole)
    if fraction:
        text += "," + f"{fraction:.2f}"[2:].rstrip("0")
    return ("-" if number < 0 else "") + text
