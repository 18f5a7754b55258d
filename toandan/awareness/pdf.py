"""The A4 leaflet of a warning or article as a PDF a commune prints: large type, a QR code to the page.

Written with `core.pdf` (fpdf2, the DejaVu fonts shipped with the project embedded).
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from fpdf import FPDF

from toandan.awareness.models import ContentItem, Kind
from toandan.awareness.rendering import render as render_markdown
from toandan.core.pdf import document, qr_png


def leaflet(item: ContentItem, url: str) -> bytes:
    """The PDF bytes of an item's leaflet; `url` is the page the QR code and the link lead to."""
    pdf = document(title=item.title, author=item.unit.name)
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
    pdf.image(qr_png(url), x=pdf.l_margin, y=top, w=size, h=size, link=url)
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
