"""Charts as SVG drawn on the server (no JavaScript): bars of actuals against targets, and a tile grid of the
communes. Each chart has a title and description for screen readers; the pages show a table beside each."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from toandan.core.templatetags.vi_format import format_number

BAR = "#1f5fa8"
TARGET = "#b00020"
# Light to dark; the text colour on each keeps a contrast ratio above 4.5:1.
SCALE = [
    ("#eef3fb", "#1a1a1a"),
    ("#c6d8f0", "#1a1a1a"),
    ("#86aee0", "#1a1a1a"),
    ("#2f6db8", "#ffffff"),
    ("#123f73", "#ffffff"),
]
EMPTY = ("#ffffff", "#1a1a1a")


def _num(value: Any) -> float:
    return float(value) if isinstance(value, int | float | Decimal) else 0.0


def bars(chart_id: str, title: str, points: list[tuple[str, Any, Any]]) -> SafeString:
    """Vertical bars (label, actual, target) with a red tick at each target."""
    width, height, left, bottom, top = 480, 200, 8, 36, 16
    top_value = max([_num(a) for _l, a, _t in points] + [_num(t) for _l, _a, t in points] + [1])
    slot = (width - 2 * left) / max(len(points), 1)
    scale = (height - bottom - top) / top_value
    parts = [
        f'<svg id="{escape(chart_id)}" class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{escape(chart_id)}-t" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{escape(chart_id)}-t">{escape(title)}</title>',
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - left}" y2="{height - bottom}" '
        'stroke="#555"/>',
    ]
    for i, (label, actual, target) in enumerate(points):
        x = left + i * slot + slot * 0.2
        w = slot * 0.6
        h = _num(actual) * scale
        y = height - bottom - h
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{BAR}"/>')
        parts.append(
            f'<text x="{x + w / 2:.1f}" y="{y - 3:.1f}" font-size="11" text-anchor="middle" fill="#1a1a1a">'
            f"{escape(format_number(actual))}</text>"
        )
        if target is not None:
            ty = height - bottom - _num(target) * scale
            parts.append(
                f'<line x1="{x - 4:.1f}" y1="{ty:.1f}" x2="{x + w + 4:.1f}" y2="{ty:.1f}" stroke="{TARGET}" '
                'stroke-width="3"/>'
            )
        parts.append(
            f'<text x="{x + w / 2:.1f}" y="{height - bottom + 16}" font-size="11" text-anchor="middle" '
            f'fill="#1a1a1a">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def level(value: float, top: float) -> int:
    if value <= 0 or top <= 0:
        return -1
    return min(len(SCALE) - 1, int(len(SCALE) * value / (top + 1e-9)))


def tile_grid(
    chart_id: str,
    title: str,
    tiles: list[tuple[Any, str, Any]],
    link: Callable[[Any], str],
    columns: int = 12,
) -> SafeString:
    """One square per commune (key, name, value), in a grid ordered as given; each links to its records."""
    size, gap = 38, 3
    rows = (len(tiles) + columns - 1) // columns
    width, height = columns * (size + gap), rows * (size + gap)
    top = max([_num(v) for _k, _n, v in tiles] + [0])
    parts = [
        # "group", not "img": the tiles inside are links, which an image may not contain
        f'<svg id="{escape(chart_id)}" class="chart tiles" viewBox="0 0 {width} {height}" role="group" '
        f'aria-labelledby="{escape(chart_id)}-t" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{escape(chart_id)}-t">{escape(title)}</title>'
    ]
    for i, (key, name, value) in enumerate(tiles):
        x, y = (i % columns) * (size + gap), (i // columns) * (size + gap)
        step = level(_num(value), top)
        fill, ink = SCALE[step] if step >= 0 else EMPTY
        parts.append(
            f'<a href="{escape(link(key))}"><title>{escape(name)}: {escape(format_number(value))}</title>'
            f'<rect x="{x}" y="{y}" width="{size}" height="{size}" fill="{fill}" stroke="#8a8a8a"/>'
            f'<text x="{x + size / 2}" y="{y + size / 2 + 4}" font-size="11" text-anchor="middle" '
            f'fill="{ink}">'
            f"{escape(format_number(value))}</text></a>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
