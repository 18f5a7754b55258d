"""Score an importer's output against an answer key: share of fields right, task by task.

The same rules as ../shared/tools/plan_score.py (the tool the importer is judged by), kept line for line so
`toandan score-plans` prints the same figures: number, date, the task count, and for each key task its lead,
support, end, start and recurring. A key task is matched by `ref`, else by the unused output task whose title
overlaps most (at least half of the words); unit names match when 60 % of their words agree.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

__all__ = ["norm", "score"]

_FIELDS = ("lead", "support", "end", "start", "recurring")


def norm(text: str | None) -> str:
    """Lower case without diacritics, words separated by single spaces."""
    text = unicodedata.normalize("NFD", text or "").replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def _same_name(a: str, b: str) -> bool:
    ta, tb = set(norm(a).split()) - {"cac", "va"}, set(norm(b).split()) - {"cac", "va"}
    return bool(ta and tb) and len(ta & tb) / len(ta | tb) >= 0.6


def _same_units(want: list[str], got: list[str]) -> bool:
    return len(want) == len(got) and all(any(_same_name(w, g) for g in got) for w in want)


def _title_overlap(a: str, b: str) -> float:
    ta, tb = set(norm(a).split()), set(norm(b).split())
    return len(ta & tb) / len(ta | tb) if ta and tb else 0.0


def _ref_key(ref: str) -> str:
    return norm(ref).replace(" ", ".")


def score(want: dict[str, Any], got: dict[str, Any], plan_date: str | None) -> list[tuple[str, bool]]:
    """(field name, right) for every scored field of the key."""
    checks = [
        ("number", norm(want["number"]) == norm(got.get("number"))),
        ("date", want["date"] == got.get("date")),
        ("task count", len(want["tasks"]) == len(got.get("tasks") or [])),
    ]
    got_list = list(got.get("tasks") or [])
    by_ref = {_ref_key(t.get("ref", "")): t for t in got_list}
    used: set[int] = set()
    for w in want["tasks"]:
        g = by_ref.get(_ref_key(w["ref"]))
        if g is None or id(g) in used:  # numbering differs: the unused task whose title is closest
            g = max(
                (t for t in got_list if id(t) not in used),
                default={},
                key=lambda t: _title_overlap(w["title"], t.get("title", "")),
            )
            if g and _title_overlap(w["title"], g.get("title", "")) < 0.5:
                g = {}
        ref = w["ref"]
        if not g:  # a task the importer missed: every field of it is wrong
            checks.extend((f"{ref} {name}", False) for name in _FIELDS)
            continue
        used.add(id(g))
        checks.append((f"{ref} lead", _same_units(w["lead"], g.get("lead") or [])))
        checks.append((f"{ref} support", _same_units(w["support"], g.get("support") or [])))
        checks.append((f"{ref} end", w["end"] == g.get("end")))
        start_ok = w["start"] == g.get("start") or (w["start"] is None and g.get("start") == plan_date)
        checks.append((f"{ref} start", start_ok))
        checks.append((f"{ref} recurring", bool(w["recurring"]) == bool(g.get("recurring"))))
    return checks
