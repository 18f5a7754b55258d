"""Who does a task and when: the responsibility clause that follows each task in a Vietnamese plan.

Three shapes are read, in this order of trust:
- labelled lines: "Đơn vị chủ trì: …", "Đơn vị phối hợp: …", "Thời gian thực hiện: …" (also on one line, split
  by ";");
- a closing parenthetical: "(Công an tỉnh chủ trì, phối hợp các đơn vị liên quan thực hiện trong tháng 9)";
- an assigning sentence: "Giao Sở Tư pháp chủ trì, phối hợp … tổ chức thực hiện; hoàn thành trong Quý II."
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .units import _pieces, looks_like_unit, split_units

__all__ = ["Assignment", "RESP", "TIME_START", "extract_assignment", "parse_assignment", "trailing_group"]

RESP = re.compile(
    r"chủ trì|phối hợp|thực hiện|thời gian|thời hạn|hoàn thành|trách nhiệm|tham mưu|triển khai|đảm nhiệm|"
    r"tiến độ",
    re.IGNORECASE,
)
TIME_START = re.compile(
    r"\b(?:thường xuyên|liên tục|định kỳ|h[ằà]ng (?:năm|quý|tháng|tuần)|"
    r"trong (?:tháng|quý|năm|\d|6 tháng|9 tháng|sáu tháng|thời gian|tuần|giai đoạn|các năm)|"
    r"trước (?:ngày|tháng|quý|năm|\d)|chậm nhất|muộn nhất|từ (?:nay|ngày|tháng|quý|năm|\d)|"
    r"đến (?:hết|ngày|năm|tháng|cuối|\d)|hoàn thành|quý [IVX\d]|tháng \d|năm \d{4}|giai đoạn \d|"
    r"\d{1,2}/\d{1,2}/\d{4}|(?:6|9|sáu|chín) tháng|ngày \d|khi có|"
    r"theo (?:kế hoạch|chỉ đạo|yêu cầu|tiến độ)|thời gian|thời hạn|tiến độ)",
    re.IGNORECASE,
)
_UNIT_LABEL = (
    r"(?:(?:các\s+)?(?:đơn vị|cơ quan|địa phương)(?:\s*,\s*(?:đơn vị|địa phương))?\s+)?"
    r"(?:chủ trì(?:\s+thực hiện|\s+tham mưu)?|phối hợp(?:\s+thực hiện)?|thực hiện|"
    r"trách nhiệm(?:\s+thực hiện)?|đảm nhiệm)"
)
_TIME_LABEL = (
    r"(?:thời gian|thời hạn|tiến độ|thời điểm)(?:\s+(?:thực hiện|hoàn thành|triển khai|dự kiến|tổ chức))?"
)
_OTHER_LABEL = r"(?:sản phẩm|kết quả)(?:\s+đầu ra)?|kinh phí(?:\s+thực hiện)?|ghi chú"
LABEL = re.compile(
    rf"(?:^|(?<=[;.(\n])|(?<=[;.(]\s))\s*[-+•–]?\s*(?P<label>{_UNIT_LABEL}|{_TIME_LABEL}|{_OTHER_LABEL})\s*:",
    re.IGNORECASE,
)
_ASSIGNING = re.compile(r"^(?:Giao|Đề nghị|Yêu cầu)\s+(?=\S)", re.IGNORECASE)


@dataclass
class Assignment:
    """Lead and supporting units as written, the time phrase, and the text they were read from."""

    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    time_text: str | None = None
    raw: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.lead or self.support or self.time_text)

    def merge(self, other: Assignment) -> None:
        """Keep the first lead and time found; gather every supporting unit once."""
        if not self.lead:
            self.lead = list(other.lead)
        self.support += [u for u in other.support if u not in self.support and u not in self.lead]
        if not self.time_text:
            self.time_text = other.time_text
        self.raw += other.raw


def trailing_group(paragraph: str) -> tuple[str, str] | None:
    """Split "text (inside)." into ("text", "inside") when the paragraph ends with a balanced group."""
    s = paragraph.rstrip(" .;,:")
    if not s.endswith(")"):
        return None
    depth = 0
    for i in range(len(s) - 1, -1, -1):
        if s[i] == ")":
            depth += 1
        elif s[i] == "(":
            depth -= 1
            if depth == 0:
                return s[:i].rstrip(), s[i + 1 : -1].strip()
    return None


def _labelled(text: str) -> Assignment | None:
    matches = list(LABEL.finditer(text))
    if not matches or text[: matches[0].start()].strip(" -+•–"):
        return None
    found = Assignment(raw=[text])
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        value = text[match.end() : end].strip(" ;.,\n")
        label = match.group("label").lower()
        if not value:
            continue
        if label.startswith(("thời", "tiến")):
            found.time_text = found.time_text or value
        elif "phối hợp" in label:
            found.support += [u for u in split_units(value) if u not in found.support]
        elif label.startswith(("sản phẩm", "kết quả", "kinh phí", "ghi chú")):
            continue
        elif re.search(r"chủ trì|phối hợp", value, re.IGNORECASE):
            found.merge(_verbal(value))
        else:
            found.lead = found.lead or split_units(value)
    return found


def _split_time(text: str) -> tuple[str, str | None]:
    """Separate the unit part from the time phrase: "X chủ trì thực hiện trong tháng 9/2022"."""
    units, times = [], []
    for segment in _pieces(text, ";"):
        segment = segment.strip(" ,.")
        match = TIME_START.search(segment)
        if not segment:
            continue
        if match is None:
            units.append(segment)
        elif match.start() == 0:
            comma = segment.find(",")
            if comma > 0 and re.search(r"chủ trì|phối hợp|thực hiện", segment[comma:], re.IGNORECASE):
                times.append(segment[:comma])
                units.append(segment[comma + 1 :])
            else:
                times.append(segment)
        else:
            times.append(segment[match.start() :])
            units.append(segment[: match.start()])
    return "; ".join(u.strip(" ,") for u in units if u.strip(" ,")), "; ".join(times) or None


def _verbal(text: str) -> Assignment:
    units, time_text = _split_time(text)
    found = Assignment(time_text=time_text, raw=[text])
    lead_text, support_text = "", ""
    chair = re.search(r"\bchủ trì\b", units, re.IGNORECASE)
    if chair:
        lead_text = units[: chair.start()]
        after = re.sub(r"^[\s,;:]*(?:và\s+)?", "", units[chair.end() :])
        helper = re.search(r"\bphối hợp\b", after, re.IGNORECASE)
        if helper and not after[: helper.start()].strip(" ,;"):
            support_text = after[helper.end() :]
        elif helper:
            head = after[: helper.start()]
            if not lead_text.strip():
                lead_text, support_text = head, after[helper.end() :]
            else:
                support_text = head + "; " + after[helper.end() :]
        elif not lead_text.strip():
            lead_text = after
    else:
        helper = re.search(r"\bphối hợp\b", units, re.IGNORECASE)
        if helper:
            lead_text, support_text = units[: helper.start()], units[helper.end() :]
        else:
            lead_text = units
    found.lead = split_units(lead_text)
    found.support = [u for u in split_units(support_text) if u not in found.lead]
    return found


def parse_assignment(text: str) -> Assignment:
    """Read one responsibility clause (labelled or verbal) into lead, support and time phrase."""
    text = re.sub(r"\s+", " ", text).strip()
    labelled = _labelled(text)
    return labelled if labelled is not None else _verbal(text)


def _is_clause(inside: str) -> bool:
    return bool(RESP.search(inside)) or bool(TIME_START.match(inside))


def extract_assignment(paragraphs: list[str]) -> tuple[Assignment, list[str], bool]:
    """Find the responsibility clauses among a task's own paragraphs.

    Returns the merged assignment, the paragraphs with the clauses removed, and whether the first
    paragraph (the task's heading line) lost a trailing clause.
    """
    found = Assignment()
    kept: list[str] = []
    head_trimmed = False
    for index, paragraph in enumerate(paragraphs):
        if not paragraph.startswith("\x00"):
            labelled = _labelled(paragraph.strip())
            if labelled is not None and index > 0:
                found.merge(labelled)
                continue
            group = trailing_group(paragraph)
            if group and _is_clause(group[1]):
                clause = parse_assignment(group[1])
                if clause:
                    found.merge(clause)
                    head_trimmed = head_trimmed or index == 0
                    if group[0]:
                        kept.append(group[0])
                    elif index == 0:
                        kept.append("")
                    continue
        kept.append(paragraph)
    if not found:
        for paragraph in kept[1:]:
            if _ASSIGNING.match(paragraph) and re.search(r"chủ trì|thực hiện|phối hợp", paragraph, re.I):
                found.merge(parse_assignment(_ASSIGNING.sub("", paragraph)))
                break
            # "Công an tỉnh chủ trì, phối hợp … thực hiện trong quý III/2023." as a sentence of its own.
            chair = re.search(r"\s(?:làm\s+)?chủ trì\b", paragraph)
            if chair and len(paragraph) < 400 and looks_like_unit(paragraph[: chair.start()]):
                found.merge(parse_assignment(paragraph))
                break
    return found, kept, head_trimmed
