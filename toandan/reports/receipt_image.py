"""The receipt as a PNG picture, made on the server (no script, nothing from a CDN): a phone saves it to its
photos, where people keep what matters. Vietnamese needs a Unicode font: the DejaVu Sans shipped in
`core/fonts/` (RECEIPT_FONT_DIR to use another folder); without it the labels are written without diacritics
rather than as empty boxes."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont

from toandan.identifiers.text import strip_diacritics
from toandan.reports.receipt import Receipt

FONT_DIR = Path(__file__).resolve().parents[1] / "core" / "fonts"
WIDTH, HEIGHT, MARGIN = 720, 560, 40
BRAND, INK, MUTED, WARN = (11, 79, 140), (17, 17, 17), (85, 85, 85), (176, 0, 32)


@cache
def _font_dir() -> Path | None:
    folder = Path(getattr(settings, "RECEIPT_FONT_DIR", FONT_DIR))
    return (
        folder
        if (folder / "DejaVuSans.ttf").is_file() and (folder / "DejaVuSans-Bold.ttf").is_file()
        else None
    )


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    folder = _font_dir()
    if folder is None:
        return ImageFont.load_default(size)
    return ImageFont.truetype(str(folder / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), size)


def _text(value: str) -> str:
    return value if _font_dir() is not None else strip_diacritics(value)


def render_png(receipt: Receipt, follow_url: str) -> bytes:
    """A 720×560 PNG: heading, the two codes large, when, where to follow the case, and the warning."""
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 72), fill=BRAND)
    draw.text((MARGIN, 20), _text(_("Toàn Dân – Biên nhận tố giác")), font=_font(28, True), fill="white")
    y = 100
    for label, value in ((_("Mã tra cứu"), receipt.code), (_("Mã bí mật"), receipt.key)):
        draw.text((MARGIN, y), _text(label), font=_font(22), fill=MUTED)
        draw.text((MARGIN, y + 30), value, font=_font(44, True), fill=INK)
        y += 110
    sent = timezone.localtime().strftime("%d/%m/%Y %H:%M")
    draw.text((MARGIN, y), _text(_("Lưu ảnh lúc %(time)s") % {"time": sent}), font=_font(20), fill=MUTED)
    y += 36
    draw.text((MARGIN, y), _text(_("Theo dõi tại:")), font=_font(20), fill=MUTED)
    draw.text((MARGIN, y + 28), follow_url, font=_font(20, True), fill=BRAND)
    y += 76
    draw.text((MARGIN, y), _text(_("Không chia sẻ mã bí mật với ai.")), font=_font(18), fill=WARN)
    warning = _("Công an không bao giờ hỏi mã này qua điện thoại.")
    draw.text((MARGIN, y + 26), _text(warning), font=_font(18), fill=WARN)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
