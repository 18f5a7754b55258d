"""The completion certificate as a PDF (`core.pdf`: fpdf2, DejaVu fonts embedded so Vietnamese prints right on
any machine), with a QR code to the public check page for its number."""

from __future__ import annotations

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from fpdf import FPDF

from toandan.core.pdf import FAMILY, document, fit_size, qr_png
from toandan.events.models import Certificate


def _centred(pdf: FPDF, top: float, text: str, size: float, style: str = "", fit: bool = False) -> None:
    width = pdf.w - 60
    if fit:
        fit_size(pdf, text, size, width, style)
    else:
        pdf.set_font(FAMILY, style, size)
    pdf.set_xy(30, top)
    pdf.cell(width, 10, text, align="C")


def render(certificate: Certificate, verify_url: str) -> bytes:
    event = certificate.participant.event
    pdf = document(
        title=_("Giấy chứng nhận %(number)s") % {"number": certificate.number},
        author=event.organiser.name,
        landscape=True,
    )
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_line_width(1)
    pdf.rect(12, 12, pdf.w - 24, pdf.h - 24)
    _centred(pdf, 24, event.organiser.name.upper(), 13)
    _centred(pdf, 44, _("GIẤY CHỨNG NHẬN"), 30, "B")
    _centred(pdf, 62, _("Chứng nhận ông/bà"), 14)
    _centred(pdf, 76, certificate.holder_name or _("(đã ẩn danh)"), 26, "B", fit=True)
    _centred(pdf, 92, _("đã tham dự và hoàn thành"), 14)
    _centred(pdf, 104, f"{event.get_kind_display()}: {event.title}", 17, "B", fit=True)
    day = date_format(timezone.localtime(event.starts_at), "d/m/Y")
    _centred(pdf, 116, _("Ngày %(day)s – chủ đề: %(topic)s") % {"day": day, "topic": event.topic}, 12)
    bottom = pdf.h
    pdf.image(qr_png(verify_url, scale=6), x=24, y=bottom - 56, w=34, h=34, link=verify_url)
    pdf.set_font(FAMILY, "", 10)
    for offset, line in (
        (46, _("Số: %(number)s") % {"number": certificate.number}),
        (40, _("Kiểm tra giấy chứng nhận: quét mã QR hoặc mở")),
        (34, verify_url),
    ):
        pdf.set_xy(62, bottom - offset)
        pdf.cell(150, 6, line, link=verify_url if line == verify_url else "")
    issued = date_format(timezone.localtime(certificate.issued_at), "d/m/Y")
    pdf.set_xy(pdf.w - 104, bottom - 46)
    pdf.cell(80, 6, _("Cấp ngày %(day)s") % {"day": issued}, align="R")
    return bytes(pdf.output())
