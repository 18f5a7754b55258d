"""Clean plan text into lines: markdown marks, the national motto, the incoming stamp and page numbers go."""

from __future__ import annotations

import re

from .reader import normalise_text

__all__ = ["MOTTO", "NATIONAL_TITLE", "prepare_lines"]

NATIONAL_TITLE = re.compile(
    r"C[ỘO]NG\s+H(?:ÒA|OÀ|OA)\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM", re.IGNORECASE
)
MOTTO = re.compile(r"Đ[ộô]c\s+l[ậa]p\s*[-–—]\s*T[ựu]\s+do\s*[-–—]\s*H[ạa]nh\s+ph[úu]c", re.IGNORECASE)
_STAMP_HEAD = re.compile(r"^\s*(?:(?:CÔNG VĂN|VĂN BẢN|CV)\s+)?ĐẾN\s*:?\s*$|^\s*(?:CÔNG VĂN|VĂN BẢN)\s+ĐẾN\b")
_STAMP_LINE = re.compile(r"^\s*(?:Số(?:\s+đến)?|Ngày|Giờ|Chuyển|Lưu hồ sơ(?:\s+số)?|Đến)\s*[:.,]", re.I)
_SEPARATOR = re.compile(r"^\s*[-_=*~.…—–]{3,}\s*$")
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?(?:Trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*-)?\s*$", re.IGNORECASE)


def _strip_markdown(text: str) -> str:
    text = text.replace("**", "").replace("__", "")
    text = re.sub(r"(?m)^\s{0,3}#{1,6}\s+", "", text)
    text = re.sub(r"(?m)^\s{0,3}>\s?", "", text)
    # Single-star emphasis "(*Chỉ thị số 03/CT-UBND*)"; a bullet "* item" keeps its star.
    return re.sub(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])", r"\1", text)


def _drop_stamp(lines: list[str]) -> list[str]:
    """Blank the incoming-document stamp ("VĂN BẢN ĐẾN / Số:, ngày 27/5/2022 / Chuyển:") wherever it sits."""
    out = list(lines)
    for i, line in enumerate(lines):
        if not _STAMP_HEAD.match(line):
            continue
        out[i] = ""
        seen = 0
        for j in range(i + 1, min(len(lines), i + 10)):
            if not lines[j].strip():
                continue
            if _STAMP_LINE.match(lines[j]) and len(lines[j]) < 60:
                out[j] = ""
                seen += 1
            else:
                break
        if seen == 0 and lines[i].strip() in ("ĐẾN", "ĐẾN:"):
            out[i] = lines[i]
    return out


def prepare_lines(text: str) -> list[str]:
    """Normalise text and return its lines, ready for segmentation."""
    text = _strip_markdown(normalise_text(text))
    lines = []
    for raw in text.split("\n"):
        line = raw.replace("\t", "   ").rstrip()
        line = MOTTO.sub(" ", NATIONAL_TITLE.sub(" ", line))
        if line.lstrip().startswith("|"):
            lines.append(line.strip())
            continue
        if _SEPARATOR.match(line) or _PAGE_NUMBER.match(line):
            line = ""
        lines.append(line.strip())
    return _drop_stamp(lines)
