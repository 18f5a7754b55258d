"""The front of a plan (Decree 30/2020 layout): issuing body, number and symbol, place and date, title."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .tables import MARKER

__all__ = ["DATE_LINE", "Header", "cased", "fix_symbol", "parse_vn_date", "read_header", "read_title"]

PLAN_HEADING = re.compile(r"^KẾ\s+HOẠCH(?![^\W\d_])\s*:?\s*(.*)$")
DECISION_HEADING = re.compile(r"^QUYẾT\s+ĐỊNH(?![^\W\d_])\s*:?\s*([^a-zà-ỹ]*)$")
# "Số: 249/KH-BCĐ138", and the Party's style "Số 3260-KH/ĐĐQH15" (kind before the slash).
NUMBER = re.compile(r"\bSố\s*[:.]?\s*(\d{1,5}(?:\s*-\s*[A-ZĐ]\w*)?(?:\s*/\s*[\w]+(?:\s*-\s*[\w]+)*)+)")
DATE_LINE = re.compile(
    r"(?P<place>[^\W\d_][^,\d|]{1,60}?)\s*,\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})",
    re.IGNORECASE,
)
_BLANK_DATE = re.compile(r"(?P<place>[^\W\d_][^,\d|]{1,60}?)\s*,\s*ngày\s*[.…]+", re.IGNORECASE)
DIRECTIVE = re.compile(
    r"\b(?:Chỉ thị|Nghị quyết|Quyết định|Kế hoạch|Kết luận|Chương trình|Đề án|Công văn|Thông tư|Nghị định|"
    r"Hướng dẫn|Chiến lược)\s+(?:số\s+)?\d+[\w/\-.]*?(?=[\s,;)]|$)"
    r"(?:\s+ngày\s+(?:\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?"
)
ATTACHED = re.compile(
    r"^\(?\s*(?:Ban hành\s+)?(?:kèm|đính kèm)\s+theo\s+(?:Quyết định|QĐ)\s+(?:số\s+)?(?P<number>[\w/\-]+)"
    r"(?:\s+ngày\s+(?P<date>\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?",
    re.IGNORECASE,
)
_TITLE_STOP = re.compile(
    r"^(?:Căn cứ|\(?\s*(?:Ban hành\s+)?(?:kèm|đính kèm)\s+theo|PHẦN|Phần|Thực hiện|Triển khai|Nhằm|Để|Qua|"
    r"[IVX]+\s*[.:]\s)",
    re.IGNORECASE,
)
_ADMIN = r"(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)"
_ACRONYMS = {"UBND", "HĐND", "MTTQ", "VKSND", "TAND", "CAND", "BCĐ", "BCH", "QĐ", "TW", "KH"}


@dataclass
class Header:
    """What the header block says, before casing and symbol fixes."""

    number: str | None = None
    issuer_lines: list[str] = field(default_factory=list)
    place: str | None = None
    date: date | None = None


def parse_vn_date(text: str) -> date | None:
    """ "28/4/2022" or "28 tháng 4 năm 2022" to a date; None when absent or impossible."""
    match = re.search(r"(\d{1,2})\s*(?:/|tháng)\s*(\d{1,2})\s*(?:/|năm)\s*(\d{4})", text)
    if not match:
        return None
    try:
        return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    except ValueError:
        return None


def _uppercase(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def read_header(lines: list[str]) -> Header:
    """Read number, issuing-body lines, place and date from the lines above the "KẾ HOẠCH" heading."""
    header = Header()
    issuer_done = False
    for line in lines:
        if not line.strip() or line.startswith(MARKER):
            continue
        rest = line
        number = NUMBER.search(rest)
        if number and header.number is None:
            header.number = re.sub(r"\s+", "", number.group(1))
            rest = rest[: number.start()] + "   " + rest[number.end() :]
            issuer_done = True
        when = DATE_LINE.search(rest)
        if when and header.date is None:
            try:
                header.date = date(int(when.group("y")), int(when.group("m")), int(when.group("d")))
            except ValueError:
                header.date = None
            header.place = re.split(r"\s{2,}", when.group("place").strip())[-1].strip()
            rest = rest[: when.start()]
            issuer_done = True
        elif header.place is None and (blank := _BLANK_DATE.search(rest)):
            header.place = re.split(r"\s{2,}", blank.group("place").strip())[-1].strip()
            rest = rest[: blank.start()]
        rest = rest.strip(" -_")
        if not issuer_done and rest and _uppercase(rest) and not rest.startswith(("V/v", "Về việc")):
            header.issuer_lines.append(re.sub(r"\s{2,}.*$", "", rest))
    return header


def cased(phrase: str, text: str) -> str:
    """Spell an upper-case phrase as the document spells it elsewhere, or in Vietnamese sentence case."""
    words = phrase.split()
    if not words:
        return phrase
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)"
    for match in re.finditer(pattern, text, re.IGNORECASE):
        if not _uppercase(match.group(0)):
            return re.sub(r"\s+", " ", match.group(0))
    out: list[str] = []
    proper = False
    for i, word in enumerate(words):
        if word in _ACRONYMS or (
            word.isupper()
            and not re.search(
                r"[AEIOUYĂÂÊÔƠƯÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆ"
                r"ÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ]",
                word,
            )
        ):
            out.append(word)
            continue
        lower = word.lower()
        # "Sở Tư pháp", "Ban Chỉ đạo": the word after a unit's head noun is capitalised; after "tỉnh",
        # "huyện"… every word is part of a place name.
        head_noun = i == 1 and out[0].lower() in ("sở", "ban", "phòng", "cục", "đài", "báo", "viện", "hội")
        capital = i == 0 or proper or head_noun
        out.append(lower[:1].upper() + lower[1:] if capital else lower)
        if lower in ("tỉnh", "huyện", "xã", "phường", "quận", "phố", "trấn", "khu"):
            proper = True
    return " ".join(out)


def issuer_name(lines: list[str], text: str) -> str | None:
    """The issuing body, cased as in the body text, with the province or district of its parent if missing.

    "UBND TỈNH QUẢNG NGÃI / BAN CHỈ ĐẠO 138" gives "Ban Chỉ đạo 138 tỉnh Quảng Ngãi".
    """
    lines = [line.strip() for line in lines if line.strip()]
    if not lines:
        return None
    if len(lines) >= 2 and re.match(_ADMIN + r"\b", lines[-1]):
        lines = lines[:-2] + [lines[-2] + " " + lines[-1]]
    body, parents = lines[-1], lines[:-1]
    name = cased(body, text)
    if not re.search(r"\b" + _ADMIN + r"\b", body) and parents:
        area = re.search(r"\b" + _ADMIN + r"\s+\S.*$", parents[-1])
        if area:
            place = cased(area.group(0), text)
            name = f"{name} {place[:1].lower()}{place[1:]}"
    return name


def _acronym_pattern(token: str) -> re.Pattern[str] | None:
    match = re.fullmatch(r"([A-ZĐ]{2,})(\d*)", token)
    if not match:
        return None
    words = [rf"{re.escape(letter)}[^\W\d_]*" for letter in match.group(1)]
    if match.group(2):
        words.append(match.group(2))
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def fix_symbol(number: str, text: str) -> str:
    """Restore "Đ" typed as "D" ("249/KH-BCD138") when the document elsewhere spells the code with Đ
    ("BCĐ138", "Ban Chỉ đạo 138"); otherwise keep the symbol as written."""
    parts = re.split(r"([/-])", number)
    for i, part in enumerate(parts):
        if "D" not in part or len(re.sub(r"\d", "", part)) < 2:
            continue
        candidate = part.replace("D", "Đ")
        if re.search(rf"(?<!\w){re.escape(candidate)}(?!\w)", text):
            parts[i] = candidate
            continue
        pattern = _acronym_pattern(candidate)
        if pattern and any("đ" in m.group(0).lower() for m in pattern.finditer(text)):
            parts[i] = candidate
    return "".join(parts)


def read_title(lines: list[str], heading: int) -> tuple[str | None, int]:
    """The title lines after "KẾ HOẠCH" (or on the same line); returns the title and the next line index."""
    match = PLAN_HEADING.match(lines[heading].strip())
    collected = [match.group(1).strip()] if match and match.group(1).strip() else []
    i = heading + 1
    while i < len(lines) and len(collected) < 6:
        line = lines[i].strip()
        if not line:
            if collected:
                break
            i += 1
            continue
        if line.startswith(MARKER) or ATTACHED.match(line):
            break
        if collected and (_TITLE_STOP.match(line) or collected[-1][-1:] in ".;:"):
            break
        collected.append(line)
        i += 1
    title = re.sub(r"\s+", " ", " ".join(collected)).strip(" .") or None
    return title, i
