"""The completion certificate as a PDF (reportlab, BSD): DejaVu fonts embedded so Vietnamese prints right on
any machine, and a QR code to the public check page for its number."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

import segno
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from toandan.events.models import Certificate

FONTS = Path(__file__).resolve().parent / "fonts"


@cache
def _fonts() -> tuple[str, str]:
    pdfmetrics.registerFont(TTFont("TDSans", str(FONTS / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("TDSans-Bold", str(FONTS / "DejaVuSans-Bold.ttf")))
    return "TDSans", "TDSans-Bold"


def _qr_png(url: str) -> ImageReader:
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="png", scale=6, border=2)
    out.seek(0)
    return ImageReader(out)


def _fit(pdf: canvas.Canvas, text: str, font: str, size: float, width: float) -> float:
    while size > 9 and pdf.stringWidth(text, font, size) > width:
        size -= 1
    return size


def render(certificate: Certificate, verify_url: str) -> bytes:
    regular, bold = _fonts()
    event = certificate.participant.event
    out = io.BytesIO()
    width, height = landscape(A4)
    pdf = canvas.Canvas(out, pagesize=(width, height), invariant=True, initialFontName=regular)
    pdf.setTitle(_("Giấy chứng nhận %(number)s") % {"number": certificate.number})
    pdf.setAuthor(event.organiser.name)
    pdf.setLineWidth(3)
    pdf.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
    centre = width / 2
    usable = width - 60 * mm
    pdf.setFont(regular, 13)
    pdf.drawCentredString(centre, height - 32 * mm, event.organiser.name.upper())
    pdf.setFont(bold, 30)
    pdf.drawCentredString(centre, height - 55 * mm, _("GIẤY CHỨNG NHẬN"))
    pdf.setFont(regular, 14)
    pdf.drawCentredString(centre, height - 70 * mm, _("Chứng nhận ông/bà"))
    name = certificate.holder_name or _("(đã ẩn danh)")
    pdf.setFont(bold, _fit(pdf, name, bold, 26, usable))
    pdf.drawCentredString(centre, height - 86 * mm, name)
    pdf.setFont(regular, 14)
    pdf.drawCentredString(centre, height - 100 * mm, _("đã tham dự và hoàn thành"))
    title = f"{event.get_kind_display()}: {event.title}"
    pdf.setFont(bold, _fit(pdf, title, bold, 17, usable))
    pdf.drawCentredString(centre, height - 112 * mm, title)
    pdf.setFont(regular, 12)
    day = date_format(timezone.localtime(event.starts_at), "d/m/Y")
    pdf.drawCentredString(
        centre, height - 124 * mm, _("Ngày %(day)s – chủ đề: %(topic)s") % {"day": day, "topic": event.topic}
    )
    pdf.drawImage(_qr_png(verify_url), 24 * mm, 22 * mm, 34 * mm, 34 * mm)
    pdf.setFont(regular, 10)
    pdf.drawString(62 * mm, 38 * mm, _("Số: %(number)s") % {"number": certificate.number})
    pdf.drawString(62 * mm, 32 * mm, _("Kiểm tra giấy chứng nhận: quét mã QR hoặc mở"))
    pdf.drawString(62 * mm, 26 * mm, verify_url)
    issued = date_format(timezone.localtime(certificate.issued_at), "d/m/Y")
    pdf.drawRightString(width - 24 * mm, 38 * mm, _("Cấp ngày %(day)s") % {"day": issued})
    pdf.showPage()
    pdf.save()
    return out.getvalue()
