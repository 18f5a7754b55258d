"""`parse_plan`: plan text to a PlanDraft. Pure: no database, no settings beyond message translation.

Segments, in order: an optional decision cover ("QUYẾT ĐỊNH … Ban hành kèm theo …"), the plan header, the
"KẾ HOẠCH" heading and title, the body (intro and sections I., II., …), the closing (recipients, signer,
up to "./." or "Nơi nhận:") and an optional appendix ("PHỤ LỤC") whose task tables are read too.
"""

from __future__ import annotations

import re

from .closing import RECIPIENTS, parse_closing
from .drafts import PlanDraft, SectionDraft
from .errors import MESSAGES, PlanImportError
from .header import (
    ATTACHED,
    DATE_LINE,
    DECISION_HEADING,
    DIRECTIVE,
    NUMBER,
    PLAN_HEADING,
    fix_symbol,
    issuer_name,
    parse_vn_date,
    read_header,
    read_title,
)
from .layout import layout_tasks, plan_horizon
from .outline import Node, build_outline, node_text, section_label
from .tables import MARKER, extract_tables, table_tasks
from .tasks import Context, node_ref, organisation_clauses, unit_tasks
from .textprep import prepare_lines

__all__ = ["parse_plan", "section_kind"]

_SECTION_STYLES = ("roman", "phan", "upper", "dieu")
_TASK_WORDS = re.compile(r"NHIỆM VỤ|NỘI DUNG|GIẢI PHÁP|HOẠT ĐỘNG|CÔNG VIỆC|CHƯƠNG TRÌNH|BIỆN PHÁP")


def section_kind(title: str) -> str:
    """purpose, tasks, budget, organisation, reporting or other, from a section title."""
    t = title.upper()
    if "KINH PHÍ" in t and not _TASK_WORDS.search(t):
        return "budget"
    if re.search(r"TỔ CHỨC THỰC HIỆN|PHÂN CÔNG|TRÁCH NHIỆM", t) and not _TASK_WORDS.search(t):
        return "organisation"
    if re.search(
        r"MỤC ĐÍCH|YÊU CẦU|MỤC TIÊU|QUAN ĐIỂM|CĂN CỨ|SỰ CẦN THIẾT|ĐẶC ĐIỂM|TÌNH HÌNH|KẾT QUẢ", t
    ) and not _TASK_WORDS.search(t):
        return "purpose"
    if re.search(r"BÁO CÁO", t) and not _TASK_WORDS.search(t):
        return "reporting"
    if _TASK_WORDS.search(t):
        return "tasks"
    return "other"


def _uppercase(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _header_start(lines: list[str], heading: int) -> int:
    """First line of the header block right above a heading (issuer, number, date lines)."""
    start = heading
    for i in range(heading - 1, max(-1, heading - 14), -1):
        line = lines[i].strip()
        if not line or line.startswith(MARKER):
            continue
        if _uppercase(line) or NUMBER.search(line) or DATE_LINE.search(line) or re.search(r",\s*ngày", line):
            start = i
            continue
        break
    return start


def _segments(lines: list[str], start: int) -> tuple[int, int]:
    """End of the body and start of the appendix, from "./.", "Nơi nhận:" and "PHỤ LỤC"."""
    closing = next((i for i in range(start, len(lines)) if RECIPIENTS.match(lines[i])), None)
    finished = next(
        (i + 1 for i in range(start, len(lines)) if re.search(r"\./\.?\s*$|\s/\.\s*$", lines[i])), None
    )
    body_end = min(x for x in (closing, finished, len(lines)) if x is not None)
    appendix = next(
        (i for i in range(body_end, len(lines)) if re.match(r"^PH[ỤU]\s+L[ỤU]C\b", lines[i].strip())),
        len(lines),
    )
    if closing is None and finished is None:
        body_end = appendix
        # No end marker: peel the signature block (upper-case position, name) off the end of the body.
        i = body_end
        while i > start:
            line = lines[i - 1].strip()
            words = line.split()
            if not line or (
                len(words) <= 8
                and (
                    _uppercase(line)
                    or re.fullmatch(r"[\w\s().]+", line)
                    and all(w[:1].isupper() for w in words)
                )
            ):
                i -= 1
                continue
            break
        body_end = i
    return body_end, appendix


def _directive(title: str | None, intro: list[str]) -> str | None:
    for text in [title or ""] + [p for p in intro if re.match(r"^(Thực hiện|Triển khai|Căn cứ)", p)]:
        match = DIRECTIVE.search(text)
        if match:
            return match.group(0).rstrip(" .,")
    return None


def _sections(root: Node) -> list[tuple[Node, str, str]]:
    """(node, ref, kind) for each section; a body without section headings is one task section."""
    nodes = [c for c in root.children if c.style in _SECTION_STYLES]
    if not nodes and any(section_kind(c.head) != "other" for c in root.children):
        nodes = list(root.children)
    if not nodes:
        return [(root, "", "tasks")]
    return [(n, section_label(n), section_kind(n.head)) for n in nodes]


def _read_decision(draft: PlanDraft, lines: list[str], heading: int, plan_start: int, text: str) -> list[str]:
    """Fill decision number/date and header fallbacks; return the decision's closing lines."""
    decision_at = next((i for i in range(heading) if DECISION_HEADING.match(lines[i].strip())), None)
    if decision_at is None:
        return []
    header = read_header(lines[:decision_at])
    if header.number:
        draft.decision_number = fix_symbol(header.number, text)
    draft.decision_date = header.date
    draft.place = draft.place or header.place
    draft.issuer_lines = draft.issuer_lines or header.issuer_lines
    part = lines[decision_at:plan_start]
    closing = next((i for i, line in enumerate(part) if RECIPIENTS.match(line)), None)
    return part[closing:] if closing is not None else []


def _read_front(lines: list[str], heading: int, flat: str) -> tuple[PlanDraft, list[str], int]:
    """Header, decision cover and title: the draft so far, the decision's closing lines, the body start."""
    has_decision = any(DECISION_HEADING.match(line.strip()) for line in lines[:heading])
    plan_start = _header_start(lines, heading) if has_decision else 0
    header = read_header(lines[plan_start:heading])
    draft = PlanDraft(place=header.place, date=header.date, issuer_lines=header.issuer_lines)
    decision_closing = _read_decision(draft, lines, heading, plan_start, flat) if has_decision else []
    draft.title, body_start = read_title(lines, heading)
    while body_start < len(lines) and not lines[body_start].strip():
        body_start += 1
    if body_start < len(lines) and (attached := ATTACHED.match(lines[body_start].strip())):
        draft.decision_number = draft.decision_number or fix_symbol(attached.group("number"), flat)
        draft.decision_date = draft.decision_date or parse_vn_date(attached.group("date") or "")
        body_start += 1
    # A plan issued with a decision has no number of its own: people cite it by the decision's.
    draft.number = fix_symbol(header.number, flat) if header.number else draft.decision_number
    draft.date = draft.date or draft.decision_date
    draft.issuer = issuer_name(draft.issuer_lines, flat)
    return draft, decision_closing, body_start


def _read_body(draft: PlanDraft, root: Node, ctx: Context) -> list[tuple[Node, str]]:
    """Sections, tasks, budget and organisation clauses of the outline; returns the organisation sections."""
    organisation: list[tuple[Node, str]] = []
    working: list[tuple[Node, str, str]] = []
    for node, ref, kind in _sections(root):
        if node is not root:
            rest = node_text(node, with_label=False).split("\n", 1)
            draft.sections.append(SectionDraft(ref, node.head, kind, rest[1] if len(rest) > 1 else ""))
        ctx.section = ref or None
        if kind in ("tasks", "other", "organisation"):
            working.append((node, ref, kind))
        if kind == "budget":
            draft.budget = "\n".join(node_text(node, with_label=False).split("\n")[1:]) or None
        elif kind in ("organisation", "reporting"):
            draft.organisation += organisation_clauses(node, ref)
            organisation.append((node, ref))
    ctx.section = None
    found = layout_tasks(working, ctx, plan_horizon(draft.title))
    draft.tasks += found.tasks
    if found.unplaced:
        draft.warnings.append({"code": "unplaced", "ref": None, "detail": ", ".join(found.unplaced)})
    return organisation


def _per_unit(draft: PlanDraft, organisation: list[tuple[Node, str]], ctx: Context) -> None:
    """When no task names a unit, read the unit-by-unit assignments of "Tổ chức thực hiện" as the tasks."""
    if any(task.lead for task in draft.tasks):
        return
    tasks = [
        t for node, ref in organisation for c in node.children for t in unit_tasks(c, node_ref(c, ref), ctx)
    ]
    if tasks:
        if draft.tasks:
            refs = ", ".join(t.ref for t in draft.tasks)
            draft.warnings.append({"code": "content_without_units", "ref": None, "detail": refs})
        draft.tasks = tasks


def parse_plan(text: str) -> PlanDraft:
    """Parse plan text (as returned by `read_document`) into a draft; raises PlanImportError."""
    if not text or not text.strip():
        raise PlanImportError("empty")
    lines, tables = extract_tables(prepare_lines(text))
    flat = "\n".join(line for line in lines if not line.startswith(MARKER))
    flat += "\n" + "\n".join(" ".join(row) for table in tables for row in table.rows)
    heading = next((i for i, line in enumerate(lines) if PLAN_HEADING.match(line.strip())), None)
    inline = heading is None and (heading := _inline_plan(lines)) is not None
    if heading is None:
        raise PlanImportError("not_a_plan")
    draft, decision_closing, body_start = _read_front(lines, heading, flat)
    body_end, appendix = _segments(lines, body_start)
    root = build_outline(lines[body_start:body_end], articles=inline)
    draft.intro = "\n".join(p for p in root.paras if not p.startswith(MARKER))
    draft.directive = _directive(draft.title, root.paras)
    ctx = Context(plan_date=draft.date, tables=tables)
    organisation = _read_body(draft, root, ctx)
    for line in lines[appendix:]:
        if line.startswith(MARKER):
            draft.tasks += table_tasks(tables[int(line[len(MARKER) :])], "", draft.date, "appendix")
    _per_unit(draft, organisation, ctx)
    if not draft.tasks:
        raise PlanImportError("not_a_plan", MESSAGES["no_tasks"])
    draft.recipients, draft.signer = parse_closing(lines[body_end:appendix])
    if decision_closing and (not draft.recipients or draft.signer is None):
        recipients, signer = parse_closing(decision_closing)
        draft.recipients = draft.recipients or recipients
        draft.signer = draft.signer or signer
    _warn(draft)
    return draft


def _inline_plan(lines: list[str]) -> int | None:
    """A decision that issues a plan written in its own articles ("Điều 1. Ban hành Kế hoạch … : 1. …")."""
    decision = next((i for i, line in enumerate(lines) if DECISION_HEADING.match(line.strip())), None)
    if decision is None:
        return None
    title = " ".join(line.strip() for line in lines[decision + 1 : decision + 6]).upper()
    articles = [line for line in lines[decision:] if re.match(r"^Điều\s+1\s*[.:]", line.strip())]
    return decision if "KẾ HOẠCH" in title and articles else None


def _warn(draft: PlanDraft) -> None:
    for field_name in ("number", "date", "issuer", "title", "signer"):
        if getattr(draft, field_name) in (None, ""):
            draft.warnings.append({"code": f"no_{field_name}", "ref": None, "detail": None})
    if not draft.recipients:
        draft.warnings.append({"code": "no_recipients", "ref": None, "detail": None})
    for task in draft.tasks:
        for code in task.warnings:
            detail = task.timeframe.raw if code == "time_unclear" else None
            draft.warnings.append({"code": code, "ref": task.ref, "detail": detail})
