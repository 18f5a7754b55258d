"""Edits to a pending import before it is saved: split a task, merge it into the one above, give a whole
section one lead. They work on the pending JSON (the officer's session), never on the database.

The form's current values are taken in first (`absorb`), so nothing typed is lost by an operation.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from django.http import QueryDict

__all__ = ["OperationError", "absorb", "merge_up", "section_lead", "split_task"]


class OperationError(ValueError):
    """An operation that cannot be done as asked; the message is for the officer."""


def absorb(pending: dict[str, Any], post: QueryDict) -> dict[str, Any]:
    """The pending import with the form's typed values (ref, title, dates, recurring, names) taken in."""
    pending = copy.deepcopy(pending)
    for i, task in enumerate(pending["draft"]["tasks"]):
        p = f"t{i}_"
        if p + "title" not in post:
            continue
        task["ref"] = post.get(p + "ref", task["ref"]).strip() or task["ref"]
        task["title"] = post.get(p + "title", task["title"]).strip()
        for key in ("start", "end"):
            value = post.get(p + key, "")
            task[key] = value if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None
        task["recurring"] = bool(post.get(p + "recurring"))
        task["keep"] = bool(post.get(p + "keep"))
        for role in ("lead", "support"):
            names = []
            j = 0
            while f"{p}{role}{j}_name" in post:
                name = post.get(f"{p}{role}{j}_name", "").strip()
                if name:
                    names.append(name)
                j += 1
            task[role] = names
    return pending


def _task(pending: dict[str, Any], index: int) -> dict[str, Any]:
    tasks = pending["draft"]["tasks"]
    if not 0 <= index < len(tasks):
        raise OperationError("task")
    return tasks[index]


def split_task(pending: dict[str, Any], index: int) -> int:
    """Split task `index` at the line breaks of its title into several tasks with the same units and dates;
    returns how many tasks it became."""
    task = _task(pending, index)
    parts = [p.strip(" ;") for p in re.split(r"\n+|;\s*\n?", task["title"]) if p.strip(" ;")]
    if len(parts) < 2:
        raise OperationError("split")
    pieces = []
    for k, part in enumerate(parts, 1):
        piece = copy.deepcopy(task)
        piece["ref"] = f"{task['ref']}({k})"
        piece["title"] = part
        piece["body"] = part
        pieces.append(piece)
    pending["draft"]["tasks"][index : index + 1] = pieces
    _shift_lines(pending, index, len(pieces))
    return len(pieces)


def merge_up(pending: dict[str, Any], index: int) -> None:
    """Merge task `index` into the task above it: titles joined, units gathered, the widest dates kept."""
    if index < 1:
        raise OperationError("merge")
    above, task = _task(pending, index - 1), _task(pending, index)
    above["title"] = f"{above['title']}\n{task['title']}"
    above["body"] = "\n".join(x for x in (above.get("body"), task.get("body")) if x)
    for role in ("lead", "support"):
        above[role] = list(dict.fromkeys([*above[role], *task[role]]))
    above["support"] = [u for u in above["support"] if u not in above["lead"]]
    starts = [d for d in (above["start"], task["start"]) if d]
    ends = [d for d in (above["end"], task["end"]) if d]
    above["start"] = min(starts) if starts else None
    above["end"] = max(ends) if ends else None
    above["recurring"] = bool(above["recurring"] or task["recurring"])
    del pending["draft"]["tasks"][index]
    lines = pending.get("lines")
    if lines and index < len(lines):
        a, b = lines[index - 1], lines[index]
        lines[index - 1] = [min(a[0], b[0]), max(a[1], b[1])] if a and b else (a or b)
        del lines[index]


def in_section(ref: str, section: str) -> bool:
    """ "III" holds "III", "III.2" and "III.2[-1]"; "III.2" holds "III.2(1)"."""
    return ref == section or ref.startswith((section + ".", section + "[", section + "("))


def section_lead(pending: dict[str, Any], section: str, name: str, unit_ids: list[int]) -> int:
    """Give every task of a section (by ref prefix) the same lead; returns how many tasks changed."""
    section = section.strip().rstrip(".")
    changed = 0
    for task in pending["draft"]["tasks"]:
        if section and in_section(task["ref"], section):
            task["lead"] = [name]
            task["support"] = [u for u in task["support"] if u != name]
            changed += 1
    if not changed:
        raise OperationError("section")
    pending["resolutions"][name] = {"ids": unit_ids, "collective": len(unit_ids) > 1, "score": 1.0}
    return changed


def _shift_lines(pending: dict[str, Any], index: int, count: int) -> None:
    lines = pending.get("lines")
    if lines and index < len(lines):
        lines[index : index + 1] = [lines[index]] * count
