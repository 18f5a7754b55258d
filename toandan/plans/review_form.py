"""The review form: the extracted plan, every field correctable, each unit name with the directory unit it
matched (or a choice to make), built from the pending import kept in the session."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from toandan.core.forms import AccessibleForm
from toandan.orgs.matching import resolve_reference
from toandan.orgs.models import Unit, UnitKind
from toandan.plans.models import Plan
from toandan.plans.periods import Frequency
from toandan.plans.review import DEFAULT_FREQUENCIES, DEFAULT_INDICATORS, PlanReview, TaskReview, UnitRef

ROLES = (("lead", gettext_lazy("chủ trì")), ("support", gettext_lazy("phối hợp")))
GROUP = "group"
MAX_INDICATORS = 20


def unit_choices(units: list[Unit]) -> list[tuple[str, list[tuple[str, str]]]]:
    groups: dict[str, list[tuple[str, str]]] = {}
    for unit in sorted(units, key=lambda u: (u.kind, u.name)):
        name = unit.name if unit.is_active else _("%(name)s (không còn hoạt động)") % {"name": unit.name}
        groups.setdefault(unit.kind, []).append((str(unit.pk), name))
    return [(str(UnitKind(kind).label), options) for kind, options in groups.items()]


def _initial_unit(found: dict[str, Any] | None) -> str:
    if not found or not found["ids"]:
        return ""
    if found["collective"]:
        return GROUP
    return str(found["ids"][0])


def parse_indicators(text: str) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        name, _sep, unit = line.partition("|")
        if not name.strip():
            raise forms.ValidationError(_("Mỗi dòng chỉ tiêu phải có tên."))
        rows.append((name.strip()[:150], unit.strip()[:40]))
    if len(rows) > MAX_INDICATORS:
        raise forms.ValidationError(_("Tối đa %(count)s chỉ tiêu.") % {"count": MAX_INDICATORS})
    names = [n.casefold() for n, _u in rows]
    if len(set(names)) != len(names):
        raise forms.ValidationError(_("Tên chỉ tiêu bị trùng."))
    return rows


class PlanReviewForm(AccessibleForm):
    number = forms.CharField(label=gettext_lazy("Số, ký hiệu"), max_length=60)
    issued_on = forms.DateField(
        label=gettext_lazy("Ngày ban hành"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": gettext_lazy("Nhập ngày ban hành."),
            "invalid": gettext_lazy("Ngày không hợp lệ."),
        },
    )
    title = forms.CharField(label=gettext_lazy("Trích yếu"), widget=forms.Textarea(attrs={"rows": 3}))
    issuer = forms.ChoiceField(label=gettext_lazy("Cơ quan ban hành (trong danh bạ)"), required=False)
    issuer_name = forms.CharField(
        label=gettext_lazy("Cơ quan ban hành (như ghi)"), required=False, max_length=200
    )
    place = forms.CharField(label=gettext_lazy("Địa danh"), required=False, max_length=100)
    signer = forms.CharField(label=gettext_lazy("Người ký"), required=False, max_length=200)
    signer_position = forms.CharField(label=gettext_lazy("Chức vụ người ký"), required=False, max_length=200)
    implements = forms.ModelChoiceField(
        label=gettext_lazy("Thực hiện kế hoạch"),
        queryset=Plan.objects.all(),
        required=False,
        empty_label=gettext_lazy("— Không (văn bản cấp trên chưa có trong hệ thống) —"),
    )
    implements_text = forms.CharField(
        label=gettext_lazy("Văn bản được thực hiện (như ghi)"), required=False, max_length=300
    )
    implementers = forms.MultipleChoiceField(
        label=gettext_lazy("Đơn vị phải ban hành kế hoạch thực hiện"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    frequencies = forms.MultipleChoiceField(
        label=gettext_lazy("Kỳ báo cáo (chốt số liệu theo Nghị định 09/2019/NĐ-CP)"),
        choices=Frequency.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    due_working_days = forms.IntegerField(
        label=gettext_lazy("Hạn gửi báo cáo: số ngày làm việc sau ngày chốt số liệu"),
        min_value=1,
        max_value=30,
        error_messages={
            "min_value": gettext_lazy("Hạn gửi phải sau ngày chốt số liệu ít nhất 1 ngày làm việc.")
        },
    )
    indicators = forms.CharField(
        label=gettext_lazy("Chỉ tiêu theo dõi (mỗi dòng: tên | đơn vị tính)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, pending: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pending = pending
        draft = pending["draft"]
        self.units = {u.pk: u for u in Unit.objects.all()}
        choices = unit_choices(list(self.units.values()))
        self.fields["issuer"].choices = [("", _("— Không chọn —")), *choices]
        resolved = {uid for r in pending["resolutions"].values() for uid in r["ids"]}
        candidates = list(dict.fromkeys([*pending["implementer_ids"], *sorted(resolved)]))
        self.fields["implementers"].choices = [
            (str(uid), self.units[uid].name) for uid in candidates if uid in self.units
        ]
        signer = draft.get("signer") or {}
        self.initial.update(
            {
                "number": draft.get("number"),
                "issued_on": draft.get("date"),
                "title": draft.get("title"),
                "issuer": str(pending.get("issuer_id") or ""),
                "issuer_name": draft.get("issuer"),
                "place": draft.get("place"),
                "signer": signer.get("display"),
                "signer_position": signer.get("position"),
                "implements": pending.get("implements_id"),
                "implements_text": (draft.get("directive") or "")[:300],
                "implementers": [str(uid) for uid in pending["implementer_ids"]],
                "frequencies": list(DEFAULT_FREQUENCIES),
                "due_working_days": 1,
                "indicators": "\n".join(f"{n} | {u}" for n, u in DEFAULT_INDICATORS),
            }
        )
        self.task_rows = [self._task_fields(i, task, choices) for i, task in enumerate(draft["tasks"])]

    def _task_fields(self, i: int, task: dict[str, Any], choices: list) -> dict[str, Any]:
        p = f"t{i}_"
        self.fields[p + "keep"] = forms.BooleanField(
            label=_("Giữ nhiệm vụ này"), required=False, initial=True
        )
        self.fields[p + "ref"] = forms.CharField(label=_("Số thứ tự"), max_length=30, initial=task["ref"])
        self.fields[p + "title"] = forms.CharField(
            label=_("Nhiệm vụ"), initial=task["title"], widget=forms.Textarea(attrs={"rows": 2})
        )
        date_widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        for key, label in (("start", _("Bắt đầu")), ("end", _("Hạn hoàn thành"))):
            self.fields[p + key] = forms.DateField(
                label=label,
                required=False,
                initial=task[key],
                widget=date_widget,
                error_messages={"invalid": _("Ngày không hợp lệ.")},
            )
        self.fields[p + "recurring"] = forms.BooleanField(
            label=_("Thường xuyên"), required=False, initial=task["recurring"]
        )
        names = []
        for role, role_label in ROLES:
            for j, name in enumerate([*task[role], ""]):
                found = self.pending["resolutions"].get(name) if name else None
                options: list[Any] = [("", _("— Chưa khớp: chọn đơn vị (để trống nếu không giao) —"))]
                if found and found["collective"]:
                    options.append(
                        (GROUP, _("Nhóm %(count)s đơn vị theo tên gọi chung") % {"count": len(found["ids"])})
                    )
                key = f"{p}{role}{j}_"
                self.fields[key + "name"] = forms.CharField(
                    label=_("Tên đơn vị %(role)s (như ghi)") % {"role": role_label},
                    required=False,
                    max_length=300,
                    initial=name,
                )
                self.fields[key + "unit"] = forms.ChoiceField(
                    label=(
                        _("Đơn vị %(role)s khớp với “%(name)s”") % {"role": role_label, "name": name}
                        if name
                        else _("Thêm đơn vị %(role)s") % {"role": role_label}
                    ),
                    required=False,
                    choices=[*options, *choices],
                    initial=_initial_unit(found),
                )
                names.append({"role": role, "key": key, "written": name, "found": found})
        return {"index": i, "prefix": p, "task": task, "names": names}

    def rows(self) -> list[dict[str, Any]]:
        """Bound fields grouped per task, for the template."""
        out = []
        for row in self.task_rows:
            p = row["prefix"]
            out.append(
                {
                    **row,
                    "fields": {k: self[p + k] for k in ("keep", "ref", "title", "start", "end", "recurring")},
                    "units": [
                        {**n, "name": self[n["key"] + "name"], "unit": self[n["key"] + "unit"]}
                        for n in row["names"]
                    ],
                }
            )
        return out

    def clean_indicators(self) -> list[tuple[str, str]]:
        return parse_indicators(self.cleaned_data.get("indicators") or "")

    def _refs(self, row: dict[str, Any], role: str) -> list[UnitRef]:
        refs = []
        for n in (n for n in row["names"] if n["role"] == role):
            name = (self.cleaned_data.get(n["key"] + "name") or "").strip()
            choice = self.cleaned_data.get(n["key"] + "unit") or ""
            if not name and not choice:
                continue
            if choice == GROUP:
                found = resolve_reference(name, list(self.units.values()))
                if not (found.collective and found.units):
                    self.add_error(
                        n["key"] + "unit",
                        _("“%(name)s” không còn là tên gọi chung của nhóm đơn vị; chọn một đơn vị.")
                        % {"name": name},
                    )
                    continue
                refs.append(UnitRef(name, [u.pk for u in found.units], True))
            elif choice:
                unit = self.units.get(int(choice))
                refs.append(UnitRef(name or unit.name, [unit.pk]))  # type: ignore[union-attr]
            else:
                refs.append(UnitRef(name))
        return refs

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        self.tasks: list[TaskReview] = []
        for row in self.task_rows:
            p = row["prefix"]
            if not data.get(p + "keep"):
                continue
            start, end = data.get(p + "start"), data.get(p + "end")
            if start and end and end < start:
                self.add_error(p + "end", _("Hạn hoàn thành phải sau ngày bắt đầu."))
            if not (data.get(p + "ref") and data.get(p + "title")):
                continue
            source = row["task"]
            timeframe = source.get("timeframe") or {}
            dates = tuple(d.isoformat() if d else None for d in (start, end))
            self.tasks.append(
                TaskReview(
                    ref=data[p + "ref"].strip(),
                    title=data[p + "title"].strip(),
                    body=source.get("body") or "",
                    section=source.get("section") or "",
                    start=start,
                    end=end,
                    recurring=bool(data.get(p + "recurring")),
                    time_text=timeframe.get("raw") or "",
                    # A time frame the officer has corrected is no longer in doubt.
                    flagged=bool(timeframe.get("flagged")) and dates == (source["start"], source["end"]),
                    lead=self._refs(row, "lead"),
                    support=self._refs(row, "support"),
                )
            )
        if not any(data.get(row["prefix"] + "keep") for row in self.task_rows):
            raise forms.ValidationError(_("Kế hoạch phải có ít nhất một nhiệm vụ."))
        return data

    def to_review(self) -> PlanReview:
        data = self.cleaned_data
        draft = self.pending["draft"]
        return PlanReview(
            number=data["number"].strip(),
            issued_on=data["issued_on"],
            title=data["title"].strip(),
            issuer_id=int(data["issuer"]) if data.get("issuer") else None,
            issuer_name=data.get("issuer_name") or "",
            issuer_lines=list(draft.get("issuer_lines") or []),
            place=data.get("place") or "",
            implements_id=data["implements"].pk if data.get("implements") else None,
            implements_text=data.get("implements_text") or "",
            signer=data.get("signer") or "",
            signer_position=data.get("signer_position") or "",
            recipients=list(draft.get("recipients") or []),
            source_text=self.pending.get("text") or "",
            tasks=self.tasks,
            indicators=data["indicators"],
            frequencies=list(data.get("frequencies") or []),
            due_working_days=data["due_working_days"],
            implementer_ids=[int(x) for x in data.get("implementers") or []],
        )
