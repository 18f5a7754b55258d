"""Decree 30/2020/NĐ-CP conventions for administrative documents: number and symbol, place and date, and the
Word page setup, fonts and paragraph formats the layout requires."""

from __future__ import annotations

from copy import deepcopy
from datetime import date
from functools import lru_cache

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Cm, Mm, Pt, Twips
from docx.text.paragraph import Paragraph
from docx.text.run import Run

FONT = "Times New Roman"
BODY_PT = 14
TITLE_PT = 13  # national title, issuing body
RECIPIENTS_HEAD_PT = 12
RECIPIENTS_PT = 11
TABLE_PT = 12
FIRST_LINE_INDENT = Cm(1.27)
# Word stores margins in twips: these are 20, 20, 30 and 15 mm rounded up, so they stay inside the ranges.
MARGINS = {"top": Twips(1134), "bottom": Twips(1134), "left": Twips(1701), "right": Twips(851)}
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def two_digits(value: int) -> str:
    """Numbers below 10 take a leading zero ("05")."""
    return f"{value:02d}"


def report_symbol(plan_number: str, code: str = "BC") -> str:
    """The symbol of a document of type `code` from the same body: "249/KH-BCĐ138" → "BC-BCĐ138"."""
    symbol = plan_number.split("/", 1)[-1] if "/" in plan_number else ""
    body = symbol.split("-", 1)[1] if "-" in symbol else ""
    return f"{code}-{body}" if body else code


def number_line(number: int | None, symbol: str) -> str:
    """ "Số: 05/BC-BCĐ138"; without a number the clerk fills the blank when registering the document."""
    if number is None:
        return f"Số:        /{symbol}"
    return f"Số: {two_digits(number) if number < 10 else number}/{symbol}"


def date_line(place: str, day: date) -> str:
    """ "Quảng Ngãi, ngày 05 tháng 02 năm 2026": days below 10 and months 1 and 2 take a leading zero."""
    month = two_digits(day.month) if day.month < 3 else str(day.month)
    text = f"ngày {two_digits(day.day)} tháng {month} năm {day.year}"
    return f"{place}, {text}" if place else text[0].upper() + text[1:]


def setup_page(section: Section) -> None:
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = MARGINS["top"]
    section.bottom_margin = MARGINS["bottom"]
    section.left_margin = MARGINS["left"]
    section.right_margin = MARGINS["right"]


def _east_asian(rpr: object, name: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)  # type: ignore[attr-defined]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def setup_styles(doc: Document) -> None:
    """Times New Roman everywhere (Latin, Vietnamese and complex scripts), 14 pt, single spacing."""
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    _east_asian(normal.element.get_or_add_rPr(), FONT)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(0), 1.0
    table = doc.styles["Table Grid"]
    table.font.name = FONT
    table.font.size = Pt(TABLE_PT)


@lru_cache(maxsize=32)
def _run_template(size: int, bold: bool, italic: bool) -> BaseOxmlElement:
    fonts = " ".join(f'w:{slot}="{FONT}"' for slot in ("ascii", "hAnsi", "eastAsia", "cs"))
    flags = "".join(f'<w:{tag} w:val="{int(on)}"/>' for tag, on in (("b", bold), ("i", italic)))
    return parse_xml(
        f"<w:r {nsdecls('w')}><w:rPr><w:rFonts {fonts}/>{flags}"
        f'<w:sz w:val="{size * 2}"/><w:szCs w:val="{size * 2}"/></w:rPr><w:t xml:space="preserve"/></w:r>'
    )


def run(
    paragraph: Paragraph, text: str, size: int = BODY_PT, *, bold: bool = False, italic: bool = False
) -> Run:
    """A run in Times New Roman (every script slot) at `size` pt; copied from a template, which keeps long
    tables fast (python-docx's property setters dominate otherwise)."""
    element = deepcopy(_run_template(size, bold, italic))
    element[-1].text = text
    paragraph._p.append(element)
    return Run(element, paragraph)


def centred(paragraph: Paragraph) -> Paragraph:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = None
    return paragraph


def body(paragraph: Paragraph) -> Paragraph:
    """A body paragraph: justified, first line indented 1.27 cm, 6 pt after."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = FIRST_LINE_INDENT
    paragraph.paragraph_format.space_after = Pt(6)
    return paragraph


def page_numbers_from_second_page(section: Section) -> None:
    """Page numbers centred at the top, not on the first page: a different first-page header left empty."""
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    section.header.is_linked_to_previous = False
    paragraph = centred(section.header.paragraphs[0])
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        r = run(paragraph, "", BODY_PT)
        if kind:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
            r._r.append(field)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            r._r.append(instr)
        else:
            r.text = text or ""


def paragraph(doc: Document, text: str, *, bold: bool = False) -> None:
    """A body paragraph (justified, first-line indent) in the body size."""
    run(body(doc.add_paragraph()), text, BODY_PT, bold=bold)


def table(doc: Document, head: list[str], rows: list[list[str]]) -> None:
    """A grid table: bold centred head, numbers centred (thousands dots allowed), sub-total rows (first cell
    empty) in bold; an empty paragraph after it."""
    grid = doc.add_table(rows=len(rows) + 1, cols=len(head))
    grid.style = doc.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, (row, values) in enumerate(zip(grid.rows, [head, *rows], strict=True)):
        for cell, value in zip(row.cells, values, strict=True):
            p = cell.paragraphs[0]
            if r == 0 or value.replace(".", "").isdigit():
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run(p, value, TABLE_PT, bold=r == 0 or values[0] == "")
    doc.add_paragraph()
