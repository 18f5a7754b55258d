"""One way to write a PDF: fpdf2 (LGPL-3.0) with the DejaVu fonts shipped in `core/fonts/` embedded, so
Vietnamese prints right on any machine without a system font, and a QR code image from `segno`."""

from __future__ import annotations

import io
from pathlib import Path

import segno
from fpdf import FPDF

FONTS = Path(__file__).resolve().parent / "fonts"
FAMILY = "DejaVu"


def document(*, title: str, author: str, landscape: bool = False) -> FPDF:
    """An A4 document with the Unicode family `FAMILY` registered (italics fall back to regular and bold)."""
    pdf = FPDF(orientation="L" if landscape else "P", format="A4")
    pdf.set_title(title)
    pdf.set_author(author)
    pdf.set_creator("Toàn Dân")
    for style, name in (("", "DejaVuSans.ttf"), ("B", "DejaVuSans-Bold.ttf")):
        pdf.add_font(FAMILY, style, str(FONTS / name))
    pdf.add_font(FAMILY, "I", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font(FAMILY, "BI", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_font(FAMILY, "", 12)
    return pdf


def qr_png(url: str, scale: int = 8) -> io.BytesIO:
    """A PNG of the QR code for `url`, ready for `FPDF.image`."""
    png = io.BytesIO()
    segno.make(url, error="m").save(png, kind="png", scale=scale, border=2)
    png.seek(0)
    return png


def fit_size(pdf: FPDF, text: str, size: float, width: float, style: str = "B") -> float:
    """The largest font size ≤ `size` (not below 9) at which `text` fits on one line of `width` mm."""
    while size > 9:
        pdf.set_font(FAMILY, style, size)
        if pdf.get_string_width(text) <= width:
            break
        size -= 1
    pdf.set_font(FAMILY, style, size)
    return size
