"""Text of a .docx in document order: paragraphs (with Word's automatic numbering) and tables.

Tables become pipe rows, one line per row: `| cell | cell |`, paragraphs inside a cell joined by `<br>`.
The parser decides later whether a table is a task table or only layout (header block, signature block).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CELL_BREAK = "<br>"

__all__ = ["CELL_BREAK", "docx_text"]


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _val(element: Any, tag: str) -> str | None:
    child = element.find(_q(tag)) if element is not None else None
    return child.get(_q("val")) if child is not None else None


def _roman(number: int) -> str:
    out = ""
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while number >= value:
            out += letters
            number -= value
    return out


def _letters(number: int) -> str:
    return chr(ord("a") + (number - 1) % 26) * (1 + (number - 1) // 26)


def _format(number: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letters(number)
    if fmt == "upperLetter":
        return _letters(number).upper()
    if fmt == "lowerRoman":
        return _roman(number).lower()
    if fmt == "upperRoman":
        return _roman(number)
    if fmt == "decimalZero":
        return f"{number:02d}"
    return str(number)


class _Numbering:
    """Replays Word's list counters so "1.", "a)" and "II." labels that Word draws appear in the text."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str | None, dict[int, tuple[str, str, int]]] = {}
        for node in root.findall(_q("abstractNum")):
            levels = {}
            for lvl in node.findall(_q("lvl")):
                start = _val(lvl, "start")
                levels[int(lvl.get(_q("ilvl"), "0"))] = (
                    _val(lvl, "numFmt") or "decimal",
                    _val(lvl, "lvlText") or "",
                    int(start) if start and start.isdigit() else 1,
                )
            abstract[node.get(_q("abstractNumId"))] = levels
        for num in root.findall(_q("num")):
            levels = dict(abstract.get(_val(num, "abstractNumId"), {}))
            for override in num.findall(_q("lvlOverride")):
                ilvl = int(override.get(_q("ilvl"), "0"))
                start = _val(override, "startOverride")
                if start and start.isdigit() and ilvl in levels:
                    fmt, text, _ = levels[ilvl]
                    levels[ilvl] = (fmt, text, int(start))
            self.levels[num.get(_q("numId")) or ""] = levels

    def _num_pr(self, paragraph: Any) -> tuple[str, int] | None:
        ppr = paragraph._p.find(_q("pPr"))
        num_pr = ppr.find(_q("numPr")) if ppr is not None else None
        style = paragraph.style if num_pr is None else None
        while num_pr is None and style is not None:
            sppr = style.element.find(_q("pPr"))
            num_pr = sppr.find(_q("numPr")) if sppr is not None else None
            style = style.base_style
        if num_pr is None:
            return None
        num_id = _val(num_pr, "numId")
        ilvl = _val(num_pr, "ilvl")
        if not num_id or num_id == "0":
            return None
        return num_id, int(ilvl) if ilvl and ilvl.isdigit() else 0

    def label(self, paragraph: Any) -> str:
        found = self._num_pr(paragraph) if self.levels else None
        if found is None or found[0] not in self.levels:
            return ""
        num_id, ilvl = found
        levels = self.levels[num_id]
        counts = self.counters.setdefault(num_id, [0] * 9)
        if ilvl > 8 or ilvl not in levels:
            return ""
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else levels[ilvl][2]
        fmt, text, _ = levels[ilvl]
        if fmt == "bullet":
            return "- "
        if fmt == "none" or not text:
            return ""

        def level_value(match: re.Match[str]) -> str:
            level = int(match.group(1)) - 1
            lfmt, _, lstart = levels.get(level, ("decimal", "", 1))
            return _format(counts[level] or lstart, lfmt)

        return re.sub(r"%([1-9])", level_value, text) + " "


def _paragraph_text(paragraph: Any, numbering: _Numbering) -> str:
    text = paragraph.text.replace("\t", "   ")
    if not text.strip():
        return ""
    return numbering.label(paragraph) + text


def _row_line(row: Any, numbering: _Numbering) -> str:
    cells = []
    for cell in row.cells:
        parts = [_paragraph_text(p, numbering) for p in cell.paragraphs]
        text = CELL_BREAK.join(part.replace("\n", CELL_BREAK) for part in parts if part.strip())
        cells.append(text.replace("|", "/").strip())
    return "| " + " | ".join(cells) + " |"


def _blocks(parent: Any) -> Iterator[Any]:
    """Body children in order, descending into content controls (w:sdt) that wrap paragraphs or tables."""
    for child in parent.iterchildren():
        if child.tag == _q("sdt"):
            content = child.find(_q("sdtContent"))
            if content is not None:
                yield from _blocks(content)
        elif child.tag in (_q("p"), _q("tbl")):
            yield child


def docx_text(data: bytes) -> tuple[str, bool]:
    """Return the document text and whether it holds pictures (a scan pasted into Word has no text)."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = Document(io.BytesIO(data))
    numbering = _Numbering(document)
    body = document.element.body
    lines: list[str] = []
    for block in _blocks(body):
        if block.tag == _q("p"):
            lines.extend(_paragraph_text(Paragraph(block, document), numbering).split("\n"))
        else:
            table = Table(block, document)
            lines.append("")
            lines.extend(_row_line(row, numbering) for row in table.rows)
            lines.append("")
    has_pictures = any("image" in rel.reltype for rel in document.part.rels.values())
    return "\n".join(lines), has_pictures
