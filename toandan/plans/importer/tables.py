"""Pipe tables (`| a | b |` rows from .docx or markdown-like text): task tables or layout to flatten.

A task table has a content column ("Nội dung", "Nhiệm vụ", "Công việc") and at least one of the lead, support
or time columns. Every other table (the header block, the "Nơi nhận" / signature block) is only layout: its
cells are read out as ordinary lines, left to right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .docx_text import CELL_BREAK
from .drafts import TaskDraft
from .responsibility import extract_assignment, parse_assignment
from .timeframes import parse_timeframe
from .units import split_units

__all__ = ["MARKER", "PipeTable", "extract_tables", "table_tasks"]

MARKER = "\x00T"
_PIPE = re.compile(r"^\s*\|.*\|\s*$")
_RULE = re.compile(r"^:?-{2,}:?$")
_ROLES = (
    ("ref", re.compile(r"^(?:s?tt|số\s*tt|số thứ tự|thứ tự)\.?$")),
    ("support", re.compile(r"phối hợp")),
    ("lead", re.compile(r"chủ trì")),
    ("time", re.compile(r"thời gian|thời hạn|tiến độ|hoàn thành|thời điểm")),
    ("title", re.compile(r"nội dung|nhiệm vụ|công việc|hoạt động|giải pháp|tên")),
    ("lead", re.compile(r"(?:đơn vị|cơ quan|bộ phận).*(?:thực hiện|đảm nhiệm)|trách nhiệm|thực hiện")),
)


@dataclass
class PipeTable:
    """Rows of cells; `columns` maps a role (ref, title, lead, support, time) to a column for task tables."""

    rows: list[list[str]]
    columns: dict[str, int] = field(default_factory=dict)
    header_rows: int = 0


def _cells(line: str) -> list[str]:
    inner = line.strip()[1:-1]
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", inner)]


def _map_columns(rows: list[list[str]]) -> tuple[dict[str, int], int]:
    for h in range(min(3, len(rows))):
        header = [cell.lower().replace(CELL_BREAK, " ") for cell in rows[h]]
        if h + 1 < len(rows) and any(re.search(r"chủ trì|phối hợp", c.lower()) for c in rows[h + 1]):
            below = [c.lower() for c in rows[h + 1]]
            header = [
                f"{a} {b}" if b and b != a else a
                for a, b in zip(header, below + [""] * len(header), strict=False)
            ]
            depth = h + 2
        else:
            depth = h + 1
        columns: dict[str, int] = {}
        for index, text in enumerate(header):
            for role, pattern in _ROLES:
                if role not in columns and pattern.search(text.strip()) and index not in columns.values():
                    columns[role] = index
                    break
        if "title" in columns and {"lead", "support", "time"} & columns.keys():
            return columns, depth
    return {}, 0


def extract_tables(lines: list[str]) -> tuple[list[str], list[PipeTable]]:
    """Replace task tables by marker lines (MARKER + index) and flatten layout tables into lines."""
    out: list[str] = []
    tables: list[PipeTable] = []
    i = 0
    while i < len(lines):
        if not _PIPE.match(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        rows = []
        while i < len(lines) and _PIPE.match(lines[i]):
            row = _cells(lines[i])
            if not all(_RULE.match(c) for c in row if c):
                rows.append(row)
            i += 1
        columns, depth = _map_columns(rows)
        if columns:
            out.append(f"{MARKER}{len(tables)}")
            tables.append(PipeTable(rows, columns, depth))
            continue
        for row in rows:
            previous = None
            for cell in row:
                if cell == previous:
                    continue
                previous = cell
                out.extend(part.strip() for part in cell.split(CELL_BREAK))
                out.append("")
    return out, tables


def _is_numbering_row(row: list[str]) -> bool:
    return all(re.fullmatch(r"\(?\d{1,2}\)?|[A-Z]?", c.strip()) for c in row)


def table_tasks(
    table: PipeTable, prefix: str, plan_date: date | None, section: str | None
) -> list[TaskDraft]:
    """One task per data row; rows with no unit or time (often merged across the table) are group headings."""
    tasks: list[TaskDraft] = []
    group, seq = "", 0
    cols = table.columns

    def cell(row: list[str], role: str) -> str:
        index = cols.get(role)
        return row[index].strip() if index is not None and index < len(row) else ""

    for row in table.rows[table.header_rows :]:
        if _is_numbering_row(row):
            continue
        ref = cell(row, "ref").rstrip(".")
        title_cell = cell(row, "title")
        lead_text, support_text, time_text = cell(row, "lead"), cell(row, "support"), cell(row, "time")
        distinct = {c for c in row if c.strip()}
        # A group heading spans the row: merged cells repeat one text, or the unit and time cells are empty.
        spanned = {c for i, c in enumerate(row) if c.strip() and i != cols.get("ref")}
        if len(distinct) == 1 or len(spanned) == 1 or not (lead_text or support_text or time_text):
            text = next(iter(spanned or distinct), "")
            label = re.match(r"^([IVX]+|[A-Z]|\d{1,2})[.):]\s", text)
            group = ref or (label.group(1) if label else group)
            seq = 0
            continue
        seq += 1
        local = ref or str(seq)
        if group and not local.startswith(group + "."):
            local = f"{group}.{local}"
        paragraphs = [p.strip() for p in title_cell.split(CELL_BREAK) if p.strip()]
        paragraphs = paragraphs or [""]
        assignment, kept, _ = extract_assignment(paragraphs)
        lead = split_units(lead_text)
        support = split_units(support_text)
        if re.search(r"chủ trì|phối hợp", lead_text, re.IGNORECASE):
            parsed = parse_assignment(lead_text)
            lead, support = parsed.lead, support or parsed.support
        lead = lead or assignment.lead
        support = [u for u in support or assignment.support if u not in lead]
        time_phrase = time_text.replace(CELL_BREAK, "; ") or assignment.time_text
        title = re.sub(r"^[-–•+]\s*", "", kept[0] if kept and kept[0] else title_cell).strip()
        tasks.append(
            TaskDraft(
                ref=f"{prefix}.{local}" if prefix else local,
                title=title,
                body="\n".join(kept),
                lead=lead,
                support=support,
                timeframe=parse_timeframe(time_phrase, plan_date),
                section=section,
                source="table",
                clause=" | ".join(x for x in (lead_text, support_text, time_text) if x) or None,
            )
        )
    return tasks
