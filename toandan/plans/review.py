"""Between the importer's draft and a saved plan: unit names resolved against the directory, the pending
import kept as JSON (in the session or the CLI), and the reviewed plan an officer confirms.

Nothing here writes to the database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.translation import gettext_lazy as _

from toandan.identifiers.text import strip_diacritics
from toandan.orgs.matching import UnitIndex, resolve_reference
from toandan.orgs.models import Unit
from toandan.plans.aliases import alias_units, former_district, successor_suggestions
from toandan.plans.importer import PlanDraft
from toandan.plans.importer.units import split_units
from toandan.plans.models import Plan
from toandan.plans.periods import Frequency

DEFAULT_INDICATORS: list[tuple[Any, Any]] = [
    (_("Số buổi tuyên truyền, hội nghị, tập huấn"), _("buổi")),
    (_("Số lượt người được tuyên truyền"), _("lượt người")),
    (_("Số tin, bài đăng tải"), _("tin, bài")),
]
DEFAULT_FREQUENCIES = [Frequency.QUARTERLY.value, Frequency.HALF_YEAR.value, Frequency.ANNUAL.value]
_IMPLEMENT_CLAUSE = re.compile(r"(?:xây dựng|ban hành)\s+kế hoạch", re.IGNORECASE)
_NUMBER = re.compile(r"\b\d{1,5}/[A-ZĐ][A-ZĐa-z0-9\-]*\b")


@dataclass
class UnitRef:
    """A unit as the plan names it and the units it means (none: unmatched, several: a collective)."""

    name: str
    unit_ids: list[int] = field(default_factory=list)
    collective: bool = False


@dataclass
class TaskReview:
    """A task as the officer confirmed it."""

    ref: str
    title: str
    body: str = ""
    section: str = ""
    start: date | None = None
    end: date | None = None
    recurring: bool = False
    time_text: str = ""
    flagged: bool = False
    lead: list[UnitRef] = field(default_factory=list)
    support: list[UnitRef] = field(default_factory=list)


@dataclass
class PlanReview:
    """Everything needed to save a plan, after review."""

    number: str
    issued_on: date | None
    title: str
    issuer_id: int | None = None
    issuer_name: str = ""
    issuer_lines: list[str] = field(default_factory=list)
    place: str = ""
    implements_id: int | None = None
    implements_text: str = ""
    signer: str = ""
    signer_position: str = ""
    recipients: list[str] = field(default_factory=list)
    source_text: str = ""
    tasks: list[TaskReview] = field(default_factory=list)
    indicators: list[tuple[str, str]] = field(default_factory=list)
    frequencies: list[str] = field(default_factory=lambda: list(DEFAULT_FREQUENCIES))
    due_working_days: int = 1
    implementer_ids: list[int] = field(default_factory=list)


def resolve(
    name: str,
    pool: list[Unit],
    aliases: dict[str, list[int]] | None = None,
    index: UnitIndex | None = None,
) -> dict[str, Any]:
    """How a written name resolves: a remembered alias first, then the directory's matching.

    A name that means a former district (cấp huyện ended 1 July 2025) carries `former` and the communes
    suggested to take its place, for the officer to confirm.
    """
    if aliases and name in aliases:
        ids = aliases[name]
        return {"ids": ids, "collective": len(ids) > 1, "score": 1.0, "alias": True}
    found = resolve_reference(name, pool, index=index)
    out: dict[str, Any] = {
        "ids": [u.pk for u in found.units],
        "collective": found.collective,
        "score": found.score,
    }
    district = former_district(out["ids"], {u.pk: u for u in found.units})
    if district is not None:
        out["former"] = district.pk
        out["suggested"] = successor_suggestions(district, pool)
    return out


def implementer_names(draft: dict[str, Any]) -> list[str]:
    """Units the organisation clauses tell to issue their own plan ("… có trách nhiệm xây dựng kế hoạch")."""
    names: list[str] = []
    for clause in draft.get("organisation", []):
        text = clause["text"]
        match = _IMPLEMENT_CLAUSE.search(text)
        if not match:
            continue
        text = text[: match.start()]
        text = re.sub(r"\([^()]*\)", "", text)
        text = re.sub(r"^.*?(?:được giao|Kế hoạch này)\s*,", "", text)
        text = re.sub(r"\b(?:có|chịu)\s+trách nhiệm\b.*$", "", text)
        names.extend(clause.get("units") or split_units(text))
    return list(dict.fromkeys(n for n in names if n.strip()))


def _find_implemented(draft: dict[str, Any]) -> int | None:
    """An existing plan whose number the title, directive or introduction cites."""
    text = " ".join(draft.get(k) or "" for k in ("title", "directive", "intro"))
    cited = {strip_diacritics(n).upper() for n in _NUMBER.findall(text)}
    own = strip_diacritics(draft.get("number") or "").upper()
    cited.discard(own)
    if not cited:
        return None
    for plan in Plan.objects.only("pk", "number").order_by("-issued_on"):
        if strip_diacritics(plan.number).upper() in cited:
            return plan.pk
    return None


def pending_import(draft: PlanDraft, text: str, filename: str) -> dict[str, Any]:
    """The JSON kept between upload and confirmation: the draft, the text, and how each name resolved."""
    data = draft.to_dict()
    pool = list(Unit.objects.all())
    index = UnitIndex(pool)  # built once for every name of this import
    names = {n for t in data["tasks"] for n in [*t["lead"], *t["support"]]}
    remembered = alias_units(names)
    issuer = None
    if data.get("issuer"):
        found = resolve_reference(data["issuer"], index=index)
        issuer = found.units[0].pk if found.matched and not found.collective else None
    implementer_ids: list[int] = []
    for name in implementer_names(data):
        implementer_ids.extend(resolve(name, pool, index=index)["ids"])
    return {
        "filename": filename,
        "text": text,
        "draft": data,
        "resolutions": {name: resolve(name, pool, remembered, index) for name in sorted(names)},
        "lines": source_lines(data["tasks"], text),
        "issuer_id": issuer,
        "implements_id": _find_implemented(data),
        "implementer_ids": list(dict.fromkeys(implementer_ids)),
    }


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def source_lines(tasks: list[dict[str, Any]], text: str) -> list[list[int]]:
    """For each task, the first and last line (0-based) of the document it was read from, or [] if not found.

    The task's title is looked up word by word in the text, so hard line wraps do not get in the way.
    """
    lines = text.split("\n")
    words: list[tuple[str, int]] = [(w, i) for i, line in enumerate(lines) for w in _words(line)]
    flat = [w for w, _i in words]
    out: list[list[int]] = []
    cursor = 0
    for task in tasks:
        probe = _words(task.get("title") or "")[:8]
        found = None
        if probe:
            for start in (cursor, 0):
                for at in range(start, len(flat) - len(probe) + 1):
                    if flat[at : at + len(probe)] == probe:
                        found = at
                        break
                if found is not None:
                    break
        if found is None:
            out.append([])
            continue
        cursor = found + 1
        length = max(len(_words(task.get("body") or task.get("title") or "")), len(probe))
        last = words[min(found + length, len(words)) - 1][1]
        out.append([words[found][1], max(last, words[found][1])])
    return out


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _refs(names: list[str], resolutions: dict[str, Any]) -> list[UnitRef]:
    out = []
    for name in names:
        found = resolutions.get(name) or {"ids": [], "collective": False}
        out.append(UnitRef(name, list(found["ids"]), bool(found["collective"])))
    return out


def review_from_pending(pending: dict[str, Any]) -> PlanReview:
    """The plan as the importer read it, every name taken as resolved (the CLI and the demo seed)."""
    draft = pending["draft"]
    signer = draft.get("signer") or {}
    resolutions = pending["resolutions"]
    tasks = [
        TaskReview(
            ref=t["ref"],
            title=t["title"],
            body=t.get("body") or "",
            section=t.get("section") or "",
            start=_day(t["start"]),
            end=_day(t["end"]),
            recurring=bool(t["recurring"]),
            time_text=(t.get("timeframe") or {}).get("raw") or "",
            flagged=bool((t.get("timeframe") or {}).get("flagged")),
            lead=_refs(t["lead"], resolutions),
            support=_refs(t["support"], resolutions),
        )
        for t in draft["tasks"]
    ]
    implementers = pending["implementer_ids"] or sorted(
        {uid for t in tasks for ref in t.lead for uid in ref.unit_ids}
    )
    return PlanReview(
        number=draft.get("number") or "",
        issued_on=_day(draft.get("date")),
        title=draft.get("title") or "",
        issuer_id=pending.get("issuer_id"),
        issuer_name=draft.get("issuer") or "",
        issuer_lines=list(draft.get("issuer_lines") or []),
        place=draft.get("place") or "",
        implements_id=pending.get("implements_id"),
        implements_text=(draft.get("directive") or "")[:300],
        signer=signer.get("display") or "",
        signer_position=signer.get("position") or "",
        recipients=list(draft.get("recipients") or []),
        source_text=pending.get("text") or "",
        tasks=tasks,
        indicators=[(str(n), str(u)) for n, u in DEFAULT_INDICATORS],
        implementer_ids=implementers,
    )


WARNINGS: dict[str, Any] = {
    "no_number": _("Không tìm thấy số, ký hiệu của văn bản."),
    "no_date": _("Không tìm thấy ngày ban hành."),
    "no_issuer": _("Không tìm thấy cơ quan ban hành."),
    "no_title": _("Không tìm thấy trích yếu."),
    "no_signer": _("Không tìm thấy người ký."),
    "no_recipients": _("Không tìm thấy phần “Nơi nhận”."),
    "no_lead": _("Nhiệm vụ %(ref)s không ghi đơn vị chủ trì."),
    "no_time": _("Nhiệm vụ %(ref)s không ghi thời gian thực hiện."),
    "time_unclear": _("Nhiệm vụ %(ref)s: không đọc được thời gian “%(detail)s”, cần kiểm tra."),
    "unplaced": _(
        "Các mục %(detail)s không ghi đơn vị hay thời gian nên không được xếp thành nhiệm vụ; "
        "hãy xem lại trong văn bản và thêm nếu cần."
    ),
    "content_without_units": _(
        "Các mục %(detail)s không ghi đơn vị; nhiệm vụ được lấy theo phần phân công từng đơn vị."
    ),
}


def describe_warning(warning: dict[str, Any]) -> str:
    """The importer's warning in the officer's language."""
    template = WARNINGS.get(warning.get("code") or "")
    if template is None:
        return str(warning.get("code"))
    return str(template) % {"ref": warning.get("ref") or "", "detail": warning.get("detail") or ""}
