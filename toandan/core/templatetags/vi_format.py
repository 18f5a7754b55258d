"""Vietnamese formats for every page: money "5.000.000 đ", numbers "1.234.567", months "12/2026", dates
"03/12/2026" (day first) and "còn N ngày" counts. One set of filters, loaded with ``{% load vi_format %}``."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()

DASH = "–"


def format_number(value: Any) -> str:
    """1234567 → "1.234.567"; decimals keep up to two places ("12,5"); None or junk → "–"."""
    if value is None or value == "":
        return DASH
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return DASH
    whole = int(number)
    text = f"{abs(whole):,}".replace(",", ".")
    fraction = abs(number - whole)
    if fraction:
        text += "," + f"{fraction:.2f}"[2:].rstrip("0")
    return ("-" if number < 0 else "") + text


@register.filter
def number(value: Any) -> str:
    return format_number(value)


@register.filter
def money(value: Any) -> str:
    """5000000 → "5.000.000 đ" (non-breaking space, so the đ never wraps alone)."""
    text = format_number(value)
    return text if text == DASH else f"{text}\u00a0đ"


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    if isinstance(value, date):
        return value
    return None


@register.filter
def month(value: Any) -> str:
    """A date, datetime or "2026-12" → "12/2026"."""
    day = _as_date(value)
    if day is not None:
        return f"{day.month:02d}/{day.year}"
    if isinstance(value, str) and len(value) >= 7 and value[4] == "-":
        return f"{value[5:7]}/{value[:4]}"
    return DASH if not value else str(value)


@register.filter
def vndate(value: Any) -> str:
    """A date or datetime (local time) → "03/12/2026"."""
    day = _as_date(value)
    return f"{day:%d/%m/%Y}" if day is not None else DASH


@register.filter
def vndatetime(value: Any) -> str:
    """A datetime → "03/12/2026 14:05" in local time."""
    if not isinstance(value, datetime):
        return vndate(value)
    moment = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{moment:%d/%m/%Y %H:%M}"


def days_left(value: Any, today: date | None = None) -> int | None:
    day = _as_date(value)
    if day is None:
        return None
    return (day - (today or timezone.localdate())).days


@register.filter
def time_left(value: Any) -> str:
    """ "còn 3 ngày", "hết hạn hôm nay", "quá hạn 2 ngày"."""
    left = days_left(value)
    if left is None:
        return ""
    if left > 0:
        return ngettext("còn %(n)s ngày", "còn %(n)s ngày", left) % {"n": left}
    if left == 0:
        return _("hết hạn hôm nay")
    return ngettext("quá hạn %(n)s ngày", "quá hạn %(n)s ngày", -left) % {"n": -left}


@register.filter
def days_left_of(value: Any) -> int | None:
    return days_left(value)


@register.filter
def file_kind(content_type: str) -> str:
    """A stored file's type as people say it: "image/jpeg" → "ảnh", "application/pdf" → "tệp PDF"."""
    major, _slash, minor = (content_type or "").partition("/")
    if content_type == "application/pdf":
        return _("tệp PDF")
    kinds = {"image": _("ảnh"), "video": _("đoạn phim"), "audio": _("âm thanh"), "text": _("văn bản")}
    return kinds.get(major, _("tệp"))
