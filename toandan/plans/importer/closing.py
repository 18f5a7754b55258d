"""The end of a plan: the "Nơi nhận:" recipients list and the signature block (position, rank, name)."""

from __future__ import annotations

import re

from .drafts import Signer

__all__ = ["RECIPIENTS", "parse_closing"]

RECIPIENTS = re.compile(r"^\s*N[ơo]i\s+nh[ậa]n\s*:?\s*(.*)$", re.IGNORECASE)
_BULLET = re.compile(r"^\s*[-–—+•]\s*")
# "(b/cáo)", "(để báo cáo)", "(t/h)", "(để biết)": what each recipient is sent the plan for.
_PURPOSE = re.compile(
    r"\s*\((?:để\s+)?(?:b/c|b/cáo|báo cáo|t/h|th/h|t/hiện|thực hiện|p/h|phối hợp|đ/b|biết|c/đ|ch/đ|chỉ đạo|"
    r"t/d|theo dõi|b/c\s*\+\s*t/h|để\s+\w+)[^()]{0,12}\)\s*$",
    re.IGNORECASE,
)
_SIGNED = re.compile(
    r"^\(?\[?\s*(?:đã ký|daky|ký|ký tên|ký,? đóng dấu|ký và đóng dấu|ký số|"
    r"chữ ký số|đã ký và đóng dấu|ký,? ghi rõ họ tên)\s*\]?\)?$",
    re.IGNORECASE,
)
_CAPACITY = re.compile(r"^(?:KT|TM|TL|TUQ|Q|TQ)\s*\.\s*\S")
_RANK = re.compile(
    r"^(Đại tướng|Thượng tướng|Trung tướng|Thiếu tướng|Đại tá|Thượng tá|Trung tá|Thiếu tá|"
    r"Đại [uú][ýy]|Thượng [uú][ýy]|Trung [uú][ýy]|Thiếu [uú][ýy])\s+(.+)$"
)


def _upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _clean_recipient(text: str) -> str:
    text = _BULLET.sub("", text).strip()
    for _ in range(3):
        before = text
        text = re.sub(r"[\s;,.}\]]+$", "", text)
        text = _PURPOSE.sub("", text)
        if text == before:
            break
    return text.strip()


def _split_upper_tail(text: str) -> tuple[str, str]:
    """PDF text puts "- Như trên; PHÓ CHỦ TỊCH" on one line: the upper-case run is the signature block."""
    match = re.search(r"(?<=[;,.)])\s+((?:KT|TM|TL)\.\s*)?([A-ZĐÀ-Ỹ]{2,}(?:\s+[A-ZĐÀ-Ỹ0-9]{1,})+)\s*$", text)
    if match and _upper(match.group(0)):
        return text[: match.start()], match.group(0).strip()
    return text, ""


def _name(line: str) -> tuple[str | None, str] | None:
    line = line.strip(" .,")
    rank = _RANK.match(line)
    rank_text, name = (rank.group(1), rank.group(2)) if rank else (None, line)
    words = name.split()
    if 2 <= len(words) <= 6 and all(w.isalpha() and w[0].isupper() and w[1:] == w[1:].lower() for w in words):
        return rank_text, name
    return None


def _signer(lines: list[str]) -> Signer | None:
    signer = Signer()
    capacity: list[str] = []
    positions: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not line or _SIGNED.match(line):
            continue
        named = _name(line)
        if named and not _upper(line):
            signer.rank, signer.name = named
            continue
        if _upper(line) and not signer.name:
            if _CAPACITY.match(line) and not positions:
                capacity.append(line)
            else:
                positions.append(line)
    if capacity and not positions:
        positions = capacity[-1:]
        capacity = capacity[:-1]
    signer.capacity = " ".join(capacity) or None
    signer.position = " ".join(positions) or None
    return signer if signer.name or signer.position else None


def parse_closing(lines: list[str]) -> tuple[list[str], Signer | None]:
    """Recipients (cleaned of bullets, ";" and "(b/cáo)"-style notes) and the signer of the closing lines."""
    recipients: list[str] = []
    signature: list[str] = []
    start = next((i for i, line in enumerate(lines) if RECIPIENTS.match(line)), None)
    if start is None:
        return [], _signer(lines)
    signature.extend(lines[:start])
    first = RECIPIENTS.match(lines[start]).group(1).strip()
    # Lines that are neither list items nor their continuations belong to the signature block, which
    # PDF-to-text output may interleave with the list.
    for line in [first, *lines[start + 1 :]]:
        # PDF-to-text keeps the two columns of the closing block apart with runs of spaces.
        text, *right = re.split(r"\s{3,}", line.strip())
        signature.extend(right)
        if not text:
            continue
        if _BULLET.match(text):
            item, tail = _split_upper_tail(text)
            recipients.append(_clean_recipient(item))
            if tail:
                signature.append(tail)
        elif recipients and text[0].islower():
            recipients[-1] = _clean_recipient(recipients[-1] + " " + text)
        else:
            signature.append(text)
    return [r for r in recipients if r], _signer(signature)
