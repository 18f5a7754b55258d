"""Tasks by layout: every unit of responsibility in a section becomes a task, whatever the layout.

- per-unit items ("2. Sở Tài chính:" then bullets, or "12. Đài …: Chủ trì …"): each bullet is a task led by
  that unit (ref "III.2[-1]"); an item without bullets is one task; `;`-duties of one bullet that name
  different units are tasks of their own ("III.2[-2](1)");
- activity items with a responsibility clause or "Đơn vị chủ trì:" lines: one task (the clause reader in
  `tasks.py`), a bullet that names its own unit becomes a task of its own;
- items that name no unit and no date are not tasks: they are reported as `unplaced` so the reviewer sees
  which parts the importer could not place, rather than tasks being invented.
A closing paragraph of the section that addresses units ("Yêu cầu các sở, ngành …") is the task "III[p]".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .drafts import TaskDraft
from .duties import _SUBJECT_VERB, clean_title, read_duty, split_duties, subject_units
from .outline import BULLETS, Node, node_text
from .responsibility import LABEL, Assignment, extract_assignment
from .tables import MARKER
from .tasks import Context, _collect, _has_clause, _tables_in, node_ref
from .timeframes import TimeFrame, parse_timeframe
from .units import UNIT_HEAD, looks_like_unit, split_units, unit_head

__all__ = ["LayoutResult", "layout_tasks"]

_LIST_OF_PLACES = re.compile(
    r"\bcác\s+(?:xã|phường|huyện|quận|thị xã|tỉnh|thành phố|nước)\s*$", re.IGNORECASE
)
_CLOSING = re.compile(
    r"^(?:Yêu cầu|Đề nghị|Giao|H[ằà]ng năm|Định kỳ|Trong quá trình|Các |UBND|Ủy ban|Uỷ ban|Thủ trưởng|"
    r"Giám đốc|Chủ tịch)",
)


# "Giao Công an tỉnh là cơ quan thường trực …", "Chế độ thông tin báo cáo: …", "Kinh phí: …".
_ROLE = re.compile(
    r"^(?:(?:Giao\s+)?[^,;:]{2,80}?\s+là\s+cơ quan thường trực\b|Chế độ (?:thông tin,?\s*)?báo cáo|"
    r"(?:Thông tin,?\s*)?báo cáo\s*:|Kinh phí)",
    re.IGNORECASE,
)


# "Cơ quan chỉ đạo: …", "Đơn vị chủ trì thực hiện: …": who organises the plan, not a unit's duties.
_ROLE_LABEL = re.compile(
    r"^(?:Cơ quan|Đơn vị|Danh nghĩa)\s+(?:chỉ đạo|chủ trì|phối hợp|thực hiện|thường trực|tổ chức)[^:]{0,30}:",
    re.IGNORECASE,
)
# "… xác định những nhiệm vụ trọng tâm sau:": the bullets below are separate duties.
_LEAD_IN = re.compile(r"(?:nhiệm vụ|như sau|sau đây|sau)\s*:\s*$")
_NOT_UNIT = re.compile(
    r"^(?:Ban hành|Báo cáo|Bảo đảm|Bảo vệ|Nhà nước|Các (?:hoạt động|nội dung|nhiệm vụ|giải pháp))"
)


@dataclass
class LayoutResult:
    """Tasks found, and the refs of items that looked like work but named no unit and no date."""

    tasks: list[TaskDraft] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)


def _heading_units(node: Node) -> tuple[list[str], str] | None:
    """The unit an item's heading names, and the text after it ("Sở Y tế: chủ trì …" → rest)."""
    head = node.head.strip()
    if LABEL.match(head) or _ROLE_LABEL.match(head):
        return None
    found = unit_head(head) or _bare_unit_heading(node)
    if found is None:
        return None
    unit, rest = found
    # "UBND các phường: Ba Đình, Hoàn Kiếm …": the names after the colon belong to the unit.
    if rest and _LIST_OF_PLACES.search(unit) and not re.search(r"\b(?:chủ trì|phối hợp|thực hiện)\b", rest):
        unit, rest = f"{unit}: {rest.rstrip(' .;:')}", ""
    units = [u for u in split_units(unit) if u] or [unit]
    return units, rest


def _bare_unit_heading(node: Node) -> tuple[str, str] | None:
    """ "6. Sở Xây dựng và các sở, ngành liên quan" over a list of duties: a longer unit heading."""
    if not node.children and len(node.paras) < 2:
        return None
    invited = re.match(r"^(?:Đề nghị|Mời)\s+", node.head.strip())
    head = re.sub(r"^(?:Đề nghị|Giao|Yêu cầu|Mời)\s+", "", node.head.strip()).rstrip(" .:")
    if not head or re.search(r"[.;:]", head) or len(head.split()) > 30 or _NOT_UNIT.match(head):
        return None
    if invited and not UNIT_HEAD.match(head) and not _SUBJECT_VERB.search(" " + head):
        # "Mời Thành phố Hồ Chí Minh, tỉnh Đăk Lăk": bodies the plan invites, one per comma.
        return "; ".join(p.strip() for p in head.split(",")), ""
    if _SUBJECT_VERB.search(" " + head) or not UNIT_HEAD.match(head):
        return None
    units = split_units(head)
    if not units or not looks_like_unit(units[0], 30):
        return None
    return head, ""


def _subject_heading(node: Node) -> tuple[list[str], str] | None:
    """An item that opens with its subject ("Sở Xây dựng là cơ quan chủ trì, …"), or a lead-in naming it
    ("Để …, Đảng đoàn Quốc hội xác định những nhiệm vụ sau:")."""
    head = node.head.strip()
    own = subject_units(head)
    if own is None and head.endswith(":"):
        for match in re.finditer(r",\s+", head):
            own = subject_units(head[match.end() :])
            if own is not None:
                break
    if own is None or not looks_like_unit(own[0][0], 25):
        return None
    return own


# "Quyết định số 2152/QĐ-BNN ngày 11/6/2020": a cited document's date, not the work's.
_CITED_DATE = re.compile(r"\bsố\s+\S+\s+ngày\s+\d{1,2}/\d{1,2}/\d{2,4}")


def _has_date(text: str) -> bool:
    text = _CITED_DATE.sub("", text)
    return bool(
        re.search(r"\b(?:[Nn]gày\s+\d{1,2}/\d{1,2}|trước ngày|tháng\s+\d{1,2}/\d{4}|quý\s+[IV1-4]+)", text)
    )


class _Walker:
    def __init__(self, ctx: Context, horizon: date | None) -> None:
        self.ctx = ctx
        self.horizon = horizon
        self.result = LayoutResult()
        self.report_unplaced = True

    def task(self, ref: str, text: str, owner: list[str], source: str = "unit") -> TaskDraft:
        duty = read_duty(text, owner, self.ctx.plan_date, self.horizon)
        frame = duty.timeframe
        task = TaskDraft(
            ref=ref,
            title=clean_title(text),
            body=text,
            lead=duty.lead,
            support=duty.support,
            timeframe=frame,
            section=self.ctx.section,
            source=source,
        )
        if not task.lead:
            task.warnings.append("no_lead")
        if frame.flagged:
            task.warnings.append("time_unclear")
        return task

    def duties(self, ref: str, text: str, owner: list[str]) -> list[TaskDraft]:
        """A paragraph's tasks: one, or one per `;`-duty when the duties name different units."""
        pieces = split_duties(text)
        tasks = [self.task(ref, piece, owner) for piece in pieces]
        if len(tasks) > 1 and all(t.lead for t in tasks) and len({tuple(t.lead) for t in tasks}) > 1:
            for i, task in enumerate(tasks, 1):
                task.ref = f"{ref}({i})"
            return tasks
        return [self.task(ref, text, owner)]

    def unit_item(self, node: Node, ref: str, owner: list[str], rest: str) -> list[TaskDraft]:
        """An item addressed to a unit: its bullets (or its own text) are that unit's tasks."""
        tasks: list[TaskDraft] = []
        paras = [p for p in node.paras[1:] if not p.startswith(MARKER)]
        # "- Thời gian thực hiện: …" lines are the item's clause, not duties.
        labelled = [p for p in paras if LABEL.match(p)]
        labelled += [node_text(c, False) for c in node.children if c.style in BULLETS and LABEL.match(c.head)]
        paras = [p for p in paras if not LABEL.match(p)]
        bullets = [c for c in node.children if c.style in BULLETS and not LABEL.match(c.head)]
        items = [c for c in node.children if c.style not in BULLETS]
        if paras and _is_list_of_names(paras[0]):
            # "Đơn vị duy trì thoát nước:" then "Công ty A; Công ty B; … có trách nhiệm:": the named bodies.
            owner = [u for u in split_units(_LIST_TAIL.sub("", paras.pop(0))) if u] or owner
        own_text = " ".join([rest] + ([] if bullets or items else paras)).strip()
        if own_text.endswith(":") and (bullets or items):
            own_text = ""  # a lead-in to the duties listed below, not a duty of its own
        if own_text and own_text.rstrip(":").strip():
            tasks += self.duties(ref, own_text, owner)
        elif paras and (bullets or items) and not _is_list_of_names(paras[0]):
            tasks += self.duties(ref, paras[0], owner)
        for k, bullet in enumerate(bullets, 1):
            text = node_text(bullet, with_label=False).replace("\n", " ")
            tasks += self.duties(f"{ref}[-{k}]", text, owner)
        for child in items:
            tasks += self.item(child, node_ref(child, ref), owner)
        tasks += _tables_in(node, ref, self.ctx)
        if labelled:
            clause = extract_assignment(["", *labelled])[0]
            frame = parse_timeframe(clause.time_text, self.ctx.plan_date) if clause.time_text else None
            for task in tasks:
                if frame is not None and not (
                    task.timeframe.start or task.timeframe.end or task.timeframe.recurring
                ):
                    task.timeframe = frame
                task.support += [u for u in clause.support if u not in task.support and u not in task.lead]
        return tasks

    def item(self, node: Node, ref: str, owner: list[str] | None = None) -> list[TaskDraft]:
        if _ROLE.match(node.head) and not node.children:
            return []  # the standing agency or the reporting regime: an organisation clause, not work
        heading = _heading_units(node)
        if heading is not None:
            return self.unit_item(node, ref, heading[0], heading[1])
        children = [c for c in node.children if c.style not in BULLETS]
        bullets = [c for c in node.children if c.style in BULLETS]
        subject = _subject_heading(node)
        if subject is not None and not children:
            if bullets and not _LEAD_IN.search(node.head):
                # "Sở X phối hợp với Y trong công tác …" over bullets: one activity, its bullets merged,
                # except those that name their own unit.
                text = node_text(node, with_label=False).replace("\n", " ")
                task = self.task(ref, text, subject[0])
                task.title = clean_title(node.head)
                return [task, *self._bullet_tasks(bullets, ref, [], own_unit_only=True)]
            return self.unit_item(node, ref, subject[0], node.head)
        if children:
            tasks = self._bullet_tasks(bullets, ref, owner or [])
            if subject is not None and not node.head.rstrip().endswith(":"):
                tasks.insert(0, self.task(ref, node.head, subject[0]))  # "Sở X là cơ quan chủ trì, …"
            for child in children:
                tasks += self.item(child, node_ref(child, ref), owner)
            return tasks
        if owner:
            return self.unit_item(node, ref, owner, node.head)
        own = self._bullet_tasks(bullets, ref, [])
        if own and _has_clause(node) and len(own) < len(bullets):
            merged = _collect(node, ref, Assignment(), self.ctx)
            return merged + own
        if own:
            return own
        if _has_clause(node):
            return _collect(node, ref, Assignment(), self.ctx)
        if _has_date(node.head):
            return [self.task(ref, node.head, [], source="item")]
        if node_text(node, with_label=False).strip() and self.report_unplaced:
            self.result.unplaced.append(ref)
        return []

    def _bullet_tasks(
        self, bullets: list[Node], ref: str, owner: list[str], own_unit_only: bool = False
    ) -> list[TaskDraft]:
        """Bullets of an activity that name their own unit or their own date are tasks of their own."""
        tasks: list[TaskDraft] = []
        k = 0
        for bullet in bullets:
            inner = [c for c in bullet.children if c.style in BULLETS]
            if inner and bullet.head.rstrip().endswith(":"):
                # "* Giải pháp trước mắt:" over "- …" bullets: a lead-in grouping bullets, not a duty; its
                # bullets are read like the others (numbered on, in document order).
                for sub in inner:
                    k += 1
                    tasks += self._bullet_task(sub, f"{ref}[-{k}]", owner, own_unit_only)
                continue
            k += 1
            tasks += self._bullet_task(bullet, f"{ref}[-{k}]", owner, own_unit_only)
        return tasks

    def _bullet_task(self, bullet: Node, ref: str, owner: list[str], own_unit_only: bool) -> list[TaskDraft]:
        text = node_text(bullet, with_label=False).replace("\n", " ")
        if subject_units(text) is not None or (_has_date(text) and not own_unit_only):
            return self.duties(ref, text, owner)
        return []

    def section(self, section: Node, ref: str) -> list[TaskDraft]:
        if section.style == "dieu" and (heading := _heading_units(section)) is not None:
            return self.unit_item(section, ref, heading[0], heading[1])  # "Điều 2. Giao Giám đốc Sở …"
        tasks = _tables_in(section, ref, self.ctx)
        children = list(section.children)
        closing = _closing_paragraph(children)
        for child in children:
            tasks += self.item(child, node_ref(child, ref))
        if closing:
            tasks.append(self.task(f"{ref}[p]" if ref else "[p]", closing, [], source="unit"))
        return tasks


_LIST_TAIL = re.compile(r"\s+(?:theo|có trách nhiệm|chịu trách nhiệm|thực hiện)\b.*$")


def _is_list_of_names(text: str) -> bool:
    """ "Công ty A; Công ty B; …": a paragraph that only lists bodies (the unit of the heading above)."""
    parts = [p.strip(" .;,:") for p in re.split(r"[;\n]", _LIST_TAIL.sub("", text)) if p.strip(" .;,:")]
    return len(parts) > 1 and all(looks_like_unit(p, 20) for p in parts)


def _closing_paragraph(children: list[Node]) -> str | None:
    """The last paragraph of a section's last item, when it addresses units rather than continuing it."""
    if not children:
        return None
    last = children[-1]
    while last.children:
        last = last.children[-1]
    if len(last.paras) < 2 or last.paras[-1].startswith(MARKER):
        return None
    text = last.paras[-1]
    if (
        not _CLOSING.match(text)
        or subject_units(re.sub(r"^H[ằà]ng năm,?\s*|^Định kỳ,?\s*", "", text)) is None
    ):
        return None
    last.paras.pop()
    return text


def plan_horizon(title: str | None) -> date | None:
    """The plan's stated horizon: "giai đoạn 2026 - 2030" or "đến năm 2030" in its title."""
    if not title:
        return None
    match = re.search(r"(?:giai đoạn\s+\d{4}\s*[-–]\s*|đến năm\s+)(\d{4})", title)
    return date(int(match.group(1)), 12, 31) if match else None


def layout_tasks(sections: list[tuple[Node, str, str]], ctx: Context, horizon: date | None) -> LayoutResult:
    """Tasks of the given (node, ref, kind) sections that may assign work, in document order.

    Items of "Tổ chức thực hiện" that place no work (roles, "căn cứ kế hoạch …") are expected there and
    are not reported as unplaced.
    """
    walker = _Walker(ctx, horizon)
    for node, ref, kind in sections:
        walker.report_unplaced = kind != "organisation"
        ctx.section = ref or None
        walker.result.tasks += walker.section(node, ref)
    ctx.section = None
    return walker.result


__all__ += ["TimeFrame", "extract_assignment", "plan_horizon"]
