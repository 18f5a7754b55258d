"""The numbered outline of a plan body: sections (I., II.), items (1., 1.1, a), Nhiệm vụ 1:) and bullets.

Lines are joined into paragraphs on the way, which undoes the hard wraps of PDF-to-text output: a line joins
the previous one unless it opens a new item, or the previous paragraph visibly ended. A candidate number is
only an item when it continues the numbering in progress ("2." after "1."), so "2022." or "3 tháng" at the
start of a wrapped line stays text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .responsibility import LABEL, trailing_group
from .tables import MARKER

__all__ = ["BULLETS", "Node", "build_outline", "node_text", "roman_value", "section_label"]

BULLETS = ("dash", "plus", "dot")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_VI_LETTERS = "abcdđeghiklmnopqrstuvxy"
_EN_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_ORDINALS = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8}
_ARTICLE = ("dieu", re.compile(r"^Điều\s+(\d{1,3})\s*[.:]\s*(.*)$"))
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "phan",
        re.compile(
            r"^(?:PHẦN|Phần)\s+(?:THỨ\s+|thứ\s+)?([IVXLC]+|\d{1,2}|(?i:nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám))"
            r"(?![^\W\d_])\s*[.:\-–]?\s*(.*)$"
        ),
    ),
    ("roman", re.compile(r"^([IVXL]{1,6})\s*[.:)\-–/]\s*(\S.*)$")),
    ("roman_bare", re.compile(r"^([IVXL]{1,6})\s+(\S.{3,})$")),
    (
        "nhiemvu",
        re.compile(
            r"^(?:Nhiệm vụ|NHIỆM VỤ|Hoạt động|HOẠT ĐỘNG|Giải pháp|GIẢI PHÁP)\s+(?:số\s+|thứ\s+)?"
            r"(\d{1,2})\s*[:.\-–)]\s*(.*)$"
        ),
    ),
    ("decimal", re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\)?\s+(\S.*)$")),
    ("arabic", re.compile(r"^(\d{1,2})\s*[./]\s*(\D.*|)$")),
    ("arabic_paren", re.compile(r"^(\d{1,2})\s*\)\s*(\S.*|)$")),
    ("paren", re.compile(r"^\((\d{1,2})\)\s*(\S.*)$")),
    ("letter", re.compile(r"^([a-zđ])\s*[.)]\s*(\S.*)$")),
    ("upper", re.compile(r"^([A-ZĐ])\s*[.)]\s+(\S.*)$")),
    ("dash", re.compile(r"^[-–—]\s*(\S.*)$")),
    ("plus", re.compile(r"^\+\s*(\S.*)$")),
    ("dot", re.compile(r"^[•●▪◦∙·*]\s*(\S.*)$")),
)


@dataclass
class Node:
    """One outline entry; `paras[0]` is the text on its own label line, the rest are its paragraphs."""

    style: str
    label: str
    paras: list[str] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    parent: Node | None = field(default=None, repr=False)

    @property
    def head(self) -> str:
        return self.paras[0] if self.paras else ""


def roman_value(text: str) -> int | None:
    """Value of a Roman numeral, None when the letters are not a well-formed numeral."""
    text = text.upper()
    if not text or any(c not in _ROMAN for c in text):
        return None
    total = 0
    for i, char in enumerate(text):
        value = _ROMAN[char]
        total += -value if i + 1 < len(text) and _ROMAN[text[i + 1]] > value else value
    rebuilt = ""
    rest = total
    for value, letters in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while rest >= value:
            rebuilt += letters
            rest -= value
    return total if rebuilt == text else None


def section_label(node: Node) -> str:
    """Ref of a top-level section: "PHẦN THỨ HAI" and "Phần 2" are section "II" like "II."."""
    if node.style == "dieu":
        return f"Đ{node.label}"
    value = _ordinal(node.style, node.label) if node.style in ("roman", "phan") else None
    if not value:
        return node.label
    out = ""
    for number, letters in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            out += letters
            value -= number
    return out


def _ordinal(style: str, label: str) -> int | None:
    if style in ("roman", "phan"):
        return roman_value(label) or (int(label) if label.isdigit() else _ORDINALS.get(label.lower()))
    if style in ("arabic", "arabic_paren", "paren", "nhiemvu", "dieu"):
        return int(label)
    if style == "decimal":
        return int(label.split(".")[-1])
    if style == "upper":
        return ord(label) - ord("A") + 1
    return None


def _follows(style: str, previous: str, label: str) -> bool:
    if style == "letter":
        return any(
            p in a and label in a and 0 < a.index(label) - a.index(p) <= 1
            for a in (_VI_LETTERS, _EN_LETTERS)
            for p in [previous]
        )
    if style == "decimal":
        prev_parts, parts = previous.split("."), label.split(".")
        if len(prev_parts) != len(parts):
            return False
        if prev_parts[:-1] == parts[:-1]:
            return 0 < int(parts[-1]) - int(prev_parts[-1]) <= 2
        return parts[-1] == "1"
    before, now = _ordinal(style, previous), _ordinal(style, label)
    # A gap of one tolerates an item lost in conversion without taking "2022." for an item.
    return before is not None and now is not None and 0 < now - before <= 2


def _first(style: str, label: str) -> bool:
    if style in BULLETS:
        return True
    if style == "letter":
        return label == "a"
    if style == "decimal":
        return label.split(".")[-1] == "1"
    return _ordinal(style, label) == 1


def _uppercase(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _candidates(line: str, articles: bool = False) -> list[tuple[str, str, str]]:
    found = []
    for style, pattern in ((_ARTICLE,) if articles else ()) + _PATTERNS:
        match = pattern.match(line)
        if match is None:
            continue
        if style in BULLETS:
            found.append((style, "", match.group(1)))
        elif style in ("roman", "roman_bare") and roman_value(match.group(1)) is None:
            continue
        elif style in ("upper", "roman_bare") and not _uppercase(match.group(2)):
            continue
        elif style == "roman_bare":
            found.append(("roman", match.group(1), match.group(2).strip()))
        else:
            found.append((style, match.group(1), match.group(2).strip()))
    return found


def _is_clause_paragraph(text: str) -> bool:
    group = trailing_group(text)
    return bool(group) and not group[0] and bool(re.search(r"chủ trì|phối hợp|thực hiện", group[1], re.I))


class _Builder:
    def __init__(self, wrap_width: int | None, articles: bool = False) -> None:
        self.articles = articles
        self.root = Node("root", "")
        self.stack: list[Node] = [self.root]
        self.wrap_width = wrap_width
        self.blank = False
        self.last_line = ""

    def _place(self, style: str, label: str) -> Node | None:
        """Return the parent for a new item of this style, or None if the number does not fit."""
        if style in ("roman", "phan", "dieu"):
            previous = [c for c in self.root.children if c.style == style]
            if not (_follows(style, previous[-1].label, label) if previous else _first(style, label)):
                return None
            del self.stack[1:]
            return self.root
        same_style = False
        for depth in range(len(self.stack) - 1, 0, -1):
            node = self.stack[depth]
            if node.style != style:
                continue
            same_style = True
            if style in BULLETS or _follows(style, node.label, label):
                del self.stack[depth:]
                return self.stack[-1]
        if same_style:
            # "1." under "1." is a nested list restarting; any other number is text that happens to wrap.
            return self.stack[-1] if _first(style, label) else None
        return self.stack[-1] if _first(style, label) or not self.stack[-1].children else None

    def _open(self, line: str) -> bool:
        for style, label, rest in _candidates(line, self.articles):
            if LABEL.match(line) and style in BULLETS:
                return False
            parent = self._place(style, label)
            if parent is None:
                continue
            node = Node(style, label, [rest], parent=parent)
            parent.children.append(node)
            self.stack.append(node)
            return True
        return False

    def _joins(self, previous: str, line: str) -> bool:
        if not previous:
            return True
        if previous.startswith(MARKER) or line.startswith(MARKER):
            return False
        inside = previous.count("(") > previous.count(")")
        if inside:
            return True
        # Labelled lines and bullets always open a paragraph, whatever the wrapping.
        if line.startswith("(") or LABEL.match(line) or re.match(r"^[-–—+•]\s", line):
            return False
        if re.search(r"\s[–-]$|,$", previous.rstrip()):
            return True  # "Văn Miếu –" / "Hoàn Kiếm," at a line end: the name or list goes on
        ended = previous.rstrip()[-1] in ".;:!?"
        lower = line[0].islower()
        if self.blank:
            return lower and not ended
        if lower:
            return True
        if _uppercase(previous) and _uppercase(line) and not ended:
            return True
        wrapped = self.wrap_width is not None and len(self.last_line) >= 0.85 * self.wrap_width
        return wrapped and not ended

    def feed(self, line: str) -> None:
        if not line.strip():
            self.blank = True
            return
        line = line.strip()
        if self._continues(line):
            node = self.stack[-1]
            node.paras[-1] = _join(node.paras[-1], line)
            self.blank = False
            self.last_line = line
            return
        if not line.startswith(MARKER) and self._open(line):
            pass
        else:
            node = self._owner(line)
            if node.paras and self._joins(node.paras[-1], line) and node is self.stack[-1]:
                node.paras[-1] = _join(node.paras[-1], line)
            else:
                node.paras.append(line)
        self.blank = False
        self.last_line = line

    def _continues(self, line: str) -> bool:
        """A "- " that only wraps a hyphenated name ("Festival Thăng Long\n- Hà Nội") continues the line."""
        node = self.stack[-1]
        if self.wrap_width is None or not node.paras or self.blank or not re.match(r"^[-–]\s", line):
            return False
        previous = node.paras[-1].rstrip()
        long_line = len(self.last_line) >= 0.85 * self.wrap_width
        if not long_line or previous[-1:] in ".;:!?":
            return False
        if previous.count("“") > previous.count("”"):
            return True
        # "… Festival Thăng Long\n– Hà Nội lần thứ II": a name split at its own dash, not a new bullet.
        last_word = previous.split()[-1] if previous.split() else ""
        first_word = line[1:].split()[0] if line[1:].split() else ""
        return last_word[:1].isupper() and first_word[:1].isupper() and len(first_word) > 1 and line[0] == "–"

    def _owner(self, line: str) -> Node:
        """Labelled bullet lines ("- Đơn vị chủ trì: …") belong to the item above the bullet list."""
        node = self.stack[-1]
        bullet = _candidates(line)
        if LABEL.match(line) and bullet and bullet[-1][0] in BULLETS:
            for candidate in reversed(self.stack):
                if candidate.style != bullet[-1][0]:
                    return candidate
        return node


def _join(previous: str, line: str) -> str:
    if not previous:
        return line
    if re.search(r"\w[-/]$", previous):
        return previous + line
    return previous + " " + line


def _lift_clauses(node: Node) -> None:
    """A clause after a list, when no list item has its own, belongs to the item that owns the list."""
    for child in node.children:
        _lift_clauses(child)
    if node.style in ("root", "roman", "phan", "upper") or not node.children:
        return
    last = node.children[-1]
    if len(last.paras) < 2 or not _is_clause_paragraph(last.paras[-1]):
        return
    if any(_is_clause_paragraph(p) for p in node.paras):
        return
    siblings = node.children[:-1]
    if any(trailing_group(p) for s in siblings for p in s.paras):
        return
    node.paras.append(last.paras.pop())


def _wrap_width(lines: list[str]) -> int | None:
    """Line width of hard-wrapped text (PDF-to-text), None for one-paragraph-per-line text."""
    text = [line for line in lines if line.strip() and not line.startswith(MARKER)]
    lengths = sorted(len(line) for line in text)
    if len(lengths) < 12:
        return None
    p90 = lengths[int(len(lengths) * 0.9) - 1]
    if p90 > 130:
        return None
    near = sum(1 for n in lengths if n >= 0.8 * p90)
    # Wrapped text shows sentences running on into a lower-case next line.
    runs_on = sum(1 for a, b in zip(text, text[1:], strict=False) if a[-1] not in ".;:!?)" and b[0].islower())
    return p90 if near >= 0.3 * len(lengths) and runs_on >= 3 else None


def build_outline(lines: list[str], articles: bool = False) -> Node:
    """Build the outline tree of the plan body; root paragraphs are the text before the first item.

    `articles`: the plan is written inside a decision, whose "Điều 1.", "Điều 2." are its sections.
    """
    builder = _Builder(_wrap_width(lines), articles)
    for line in lines:
        builder.feed(line)
    _lift_clauses(builder.root)
    return builder.root


def node_text(node: Node, with_label: bool = True) -> str:
    """Plain text of an outline node and everything under it."""
    parts = []
    label = ""
    if with_label and node.style != "root":
        label = "- " if node.style in BULLETS else f"{node.label}. "
    for i, para in enumerate(node.paras):
        if para.startswith(MARKER):
            continue
        parts.append((label + para) if i == 0 and label else para)
    for child in node.children:
        parts.append(node_text(child))
    return "\n".join(p for p in parts if p.strip())
