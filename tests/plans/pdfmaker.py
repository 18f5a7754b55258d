"""A PDF with a real text layer, written by hand: one simple font whose ToUnicode map covers every character
used, lines placed with T*, several pages. Enough for any PDF reader to extract the text."""

from __future__ import annotations

import textwrap


def _stream(data: bytes, extra: str = "") -> bytes:
    return f"<< /Length {len(data)}{extra} >>\nstream\n".encode() + data + b"\nendstream"


def text_pdf(text: str, lines_per_page: int = 55, width: int = 95) -> bytes:
    lines: list[str] = []
    for line in text.splitlines():
        lines.extend(textwrap.wrap(line, width) or [""])
    chars = sorted({c for c in "".join(lines) if c != " "})
    if len(chars) > 222:
        raise ValueError("too many distinct characters for one simple font")
    code = {c: 33 + i for i, c in enumerate(chars)}
    code[" "] = 32
    cmap = "\n".join(f"<{code[c]:02X}> <{ord(c):04X}>" for c in chars)
    tounicode = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CMapName /Plan def /CMapType 2 def\n1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"{len(chars) + 1} beginbfchar\n<20> <0020>\n{cmap}\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()
    pages = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)] or [[]]
    objects: list[bytes] = []
    # 1 catalog, 2 pages, 3 font, 4 tounicode, then (page, content) per page.
    kids = " ".join(f"{5 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    widths = " ".join(["500"] * 224)
    objects.append(
        f"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 255 "
        f"/Widths [{widths}] /ToUnicode 4 0 R >>".encode()
    )
    objects.append(_stream(tounicode))
    for i, page in enumerate(pages):
        content = b"BT /F1 9 Tf 11 TL 40 800 Td\n"
        for line in page:
            content += b"<" + bytes(code[c] for c in line).hex().encode() + b"> Tj T*\n"
        content += b"ET"
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            f"/Contents {6 + 2 * i} 0 R >>".encode()
        )
        objects.append(_stream(content))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
