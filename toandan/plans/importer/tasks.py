"""Tasks from the outline: an item is a task at the level where its responsibility clause is written.

"II.1" is a task when its clause closes item 1; when the lettered sub-items each carry their own clause, the
sub-items are the tasks ("II.1.a", "II.1.b") and item 1 only groups them, lending its clause as a default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .drafts import OrganisationClause, TaskDraft
from .outline import BULLETS, Node, node_text
from .responsibility import Assignment, extract_assignment
from .tables import MARKER, PipeTable, table_tasks
from .timeframes import parse_timeframe
from .units import split_units, unit_head

__all__ = ["Context", "node_ref", "organisation_clauses", "section_tasks", "unit_tasks"]


@dataclass
class Context:
    """What every task of the plan shares: the plan date (for "từ nay"), the tables, the section."""

    plan_date: date | None
    tables: list[PipeTable]
    section: str | None = None


def node_ref(node: Node, parent_ref: str) -> str:
    """Ref of an outline node under its parent's ref: "II" + "1" + "a" gives "II.1.a"."""
    label = node.label
    parent = node.parent
    if node.style in BULLETS and parent is not None:
        same = [c for c in parent.children if c.style == node.style]
        label = str(same.index(node) + 1)
    elif node.style == "decimal" and parent is not None and label.startswith(parent.label + "."):
        label = label[len(parent.label) + 1 :]
    return f"{parent_ref}.{label}" if parent_ref else label


def _tables_in(node: Node, ref: str, ctx: Context) -> list[TaskDraft]:
    tasks: list[TaskDraft] = []
    for para in node.paras:
        if para.startswith(MARKER):
            tasks += table_tasks(ctx.tables[int(para[len(MARKER) :])], ref, ctx.plan_date, ctx.section)
    return tasks


def _has_clause(node: Node) -> bool:
    if any(p.startswith(MARKER) for p in node.paras) or extract_assignment(node.paras)[0]:
        return True
    return any(_has_clause(child) for child in node.children)


def _make_task(
    node: Node, ref: str, own: Assignment, kept: list[str], inherited: Assignment, ctx: Context
) -> TaskDraft:
    paras = [p for p in kept if not p.startswith(MARKER)]
    title = paras.pop(0) if paras else ""
    if not title and paras:
        title = paras.pop(0)
    title = re.sub(r"\s+", " ", title).strip()
    lead = own.lead or inherited.lead
    support = own.support if own.lead else (own.support or inherited.support)
    children = list(node.children)
    unit = None if lead else unit_head(title)
    title = title.rstrip(":").strip()
    if unit:
        lead = split_units(unit[0]) or [unit[0]]
        title = unit[1] or (paras.pop(0) if paras else "")
        if not title and children:
            title = node_text(children.pop(0), with_label=False)
        title = title or unit[0]
    # A list item's closing ";" or "," belongs to the list, not to the task.
    title = title.rstrip(";, ").strip()
    time_text = own.time_text or inherited.time_text
    body = "\n".join(paras + [node_text(child) for child in children])
    task = TaskDraft(
        ref=ref,
        title=title,
        body=body,
        lead=lead,
        support=[u for u in support if u not in lead],
        timeframe=parse_timeframe(time_text, ctx.plan_date),
        section=ctx.section,
        source="item",
        clause=" | ".join(own.raw or inherited.raw) or None,
    )
    if not lead:
        task.warnings.append("no_lead")
    if task.timeframe.flagged:
        task.warnings.append("time_unclear")
    elif not time_text:
        task.warnings.append("no_time")
    return task


def _collect(node: Node, ref: str, inherited: Assignment, ctx: Context) -> list[TaskDraft]:
    own, kept, _ = extract_assignment(node.paras)
    base = Assignment()
    base.merge(own)
    base.merge(inherited)
    tasks = _tables_in(node, ref, ctx)
    flagged = [c for c in node.children if _has_clause(c)]
    if not flagged and not tasks:
        return [_make_task(node, ref, own, kept, inherited, ctx)]
    bullets = [c for c in node.children if c.style in BULLETS]
    bullets_are_tasks = bool(bullets) and 2 * sum(c in flagged for c in bullets) >= len(bullets)
    for child in node.children:
        if child in flagged or child.style not in BULLETS or bullets_are_tasks:
            tasks += _collect(child, node_ref(child, ref), base, ctx)
    return tasks


def section_tasks(section: Node, ref: str, ctx: Context, strict: bool) -> list[TaskDraft]:
    """Tasks of one section; `strict` keeps only items that carry a clause (sections of unknown kind)."""
    tasks = _tables_in(section, ref, ctx)
    empty = Assignment()
    for child in section.children:
        if _has_clause(child):
            tasks += _collect(child, node_ref(child, ref), empty, ctx)
        elif not strict and (child.style not in BULLETS or all(c.style in BULLETS for c in section.children)):
            own, kept, _ = extract_assignment(child.paras)
            tasks.append(_make_task(child, node_ref(child, ref), own, kept, empty, ctx))
    return tasks


def unit_tasks(node: Node, ref: str, ctx: Context) -> list[TaskDraft]:
    """Per-unit assignments ("1. Công an tỉnh: …") read as tasks led by that unit."""
    unit = unit_head(node.head)
    units_below = [c for c in node.children if unit_head(c.head)]
    if units_below and 2 * len(units_below) >= len(node.children):
        out: list[TaskDraft] = []
        for child in units_below:
            out += unit_tasks(child, node_ref(child, ref), ctx)
        return out
    if unit is None:
        return []
    own, kept, _ = extract_assignment(node.paras)
    task = _make_task(node, ref, own, kept, Assignment(), ctx)
    task.source = "unit"
    return [task]


def organisation_clauses(section: Node, ref: str) -> list[OrganisationClause]:
    """Items of "Tổ chức thực hiện", each with the unit it addresses when it opens with one."""
    clauses = []
    for child in section.children:
        unit = unit_head(child.head)
        clauses.append(
            OrganisationClause(
                ref=node_ref(child, ref),
                text=node_text(child, with_label=False),
                units=[unit[0]] if unit else [],
            )
        )
    if not clauses:
        paras = [p for p in section.paras[1:] if not p.startswith(MARKER)]
        clauses = [OrganisationClause(ref=f"{ref}.{i}", text=p) for i, p in enumerate(paras, 1)]
    return clauses
