"""The A4 leaflet of a warning or article as a PDF a commune prints: large type, a QR code to the page.

fpdf2 writes the PDF; Vietnamese needs a Unicode font: DejaVu Sans from Debian's `fonts-dejavu-core`
(AWARENESS_PDF_FONT_DIR to use another folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf).
"""

from __future__ import annotations

import io
from pathlib import Path

import segno
from django.conf import settings
from django.utils.translation import gettext as _
from fpdf import FPDF

from toandan.awareness.models import ContentItem, Kind
from toandan.awareness.rendering import render as render_markdown

DEFAULT_FONT_DIR = "/usr/share/fonts/truetype/dejavu"


class FontMissing(RuntimeError):
    """The Unicode font the leaflet needs is not installed."""


def _font_dir() -> Path:
    folder = Path(getattr(settings, "AWARENESS_PDF_FONT_DIR", DEFAULT_FONT_DIR))
    if not (folder / "DejaVuSans.ttf").is_file() or not (folder / "DejaVuSans-Bold.ttf").is_file():
        raise FontMissing(f"DejaVu Sans not found in {folder} (apt-get install fonts-dejavu-core)")
    return folder


def leaflet(item: ContentItem, url: str) -> bytes:
    """The PDF bytes of an item's leaflet; `url` is the page the QR code and the link lead to."""
    fonts = _font_dir()
    pdf = FPDF(format="A4")
    pdf.set_title(item.title)
    pdf.set_author(item.unit.name)
    pdf.set_creator("Toàn Dân")
    pdf.add_font("DejaVu", "", str(fonts / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(fonts / "DejaVuSans-Bold.ttf"))
    pdf.add_font("DejaVu", "I", str(fonts / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "BI", str(fonts / "DejaVuSans-Bold.ttf"))
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    width = pdf.epw
    heading = _("CẢNH BÁO LỪA ĐẢO") if item.kind == Kind.WARNING else str(item.get_kind_display()).upper()
    pdf.set_font("DejaVu", "B", 14)
    pdf.multi_cell(width, 7, f"{heading} · {item.unit.name}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("DejaVu", "B", 26)
    pdf.multi_cell(width, 12, item.title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    if item.summary:
        pdf.set_font("DejaVu", "B", 15)
        pdf.multi_cell(width, 8, item.summary, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    if item.masked_example:
        pdf.set_font("DejaVu", "B", 16)
        pdf.multi_cell(width, 9, _("Tin nhắn lừa đảo thường có dạng:"), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 15)
        pdf.multi_cell(
            width, 8, f"“{item.masked_example}”", border=1, padding=3, new_x="LMARGIN", new_y="NEXT"
        )
        pdf.ln(3)
    pdf.set_font("DejaVu", "", 15)
    if item.what_to_do:
        pdf.set_font("DejaVu", "B", 16)
        pdf.multi_cell(width, 9, _("Cần làm gì:"), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 15)
        pdf.write_html(render_markdown(item.what_to_do))
    pdf.write_html(render_markdown(item.body).replace("<img", "<span").replace("<hr>", ""))
    _qr_footer(pdf, url)
    return bytes(pdf.output())


def _qr_footer(pdf: FPDF, url: str) -> None:
    size = 40
    if pdf.get_y() + size + 10 > pdf.h - pdf.b_margin:
        pdf.add_page()
    pdf.ln(4)
    top = pdf.get_y()
    png = io.BytesIO()
    segno.make(url, error="m").save(png, kind="png", scale=8, border=2)
    png.seek(0)
    pdf.image(png, x=pdf.l_margin, y=top, w=size, h=size, link=url)
    pdf.set_xy(pdf.l_margin + size + 5, top + 2)
    pdf.set_font("DejaVu", "B", 14)
    text_width = pdf.epw - size - 5
    pdf.multi_cell(
        text_width, 7, _("Quét mã để đọc, nghe và chia sẻ trên Toàn Dân:"), new_x="LEFT", new_y="NEXT"
    )
    pdf.set_font("DejaVu", "", 11)
    pdf.multi_cell(text_width, 6, url, link=url, new_x="LEFT", new_y="NEXT")
    pdf.set_font("DejaVu", "B", 13)
    pdf.multi_cell(text_width, 7, _("Khẩn cấp: gọi 113. Báo công an xã, phường nơi gần nhất."), new_x="LEFT")
