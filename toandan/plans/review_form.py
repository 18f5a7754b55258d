"""The review form: the extracted plan, every field correctable, each unit name with the directory unit it
matched (or a choice to make), built from the pending import kept in the session."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from toandan.core.forms import AccessibleForm
from toandan.orgs.matching import UnitIndex, resolve_reference
from toandan.orgs.models import Unit
from toandan.plans.models import Plan
from toandan.plans.periods import Frequency
from toandan.plans.review import DEFAULT_FREQUENCIES, DEFAULT_INDICATORS, PlanReview, TaskReview, UnitRef

ROLES = (("lead", gettext_lazy("chủ trì")), ("support", gettext_lazy("phối hợp")))
GROUP = "group"
MAX_INDICATORS = 20
MAX_MAPPED = 60


def fast_field(bound: forms.BoundField) -> SafeString:
    """A task field's label, errors and input as HTML, written directly: a 70-task review has over a
    thousand inputs, and rendering each through the widget templates made the page take seconds."""
    widget = bound.field.widget
    attrs = {"id": bound.auto_id, "name": bound.html_name, **widget.attrs}
    value = bound.value()
    if isinstance(widget, forms.CheckboxInput):
        attrs.update(type="checkbox", checked="checked" if value else None)
    elif isinstance(widget, forms.DateInput):
        attrs.update(type="date", value=value.isoformat() if hasattr(value, "isoformat") else (value or ""))
    elif not isinstance(widget, forms.Textarea):
        attrs.update(type="hidden" if isinstance(widget, forms.HiddenInput) else "text", value=value or "")
    max_length = getattr(bound.field, "max_length", None)
    if max_length:
        attrs["maxlength"] = max_length
    rendered = " ".join(
        format_html('{}="{}"', k, v) for k, v in attrs.items() if v is not None and v is not False
    )
    if isinstance(widget, forms.Textarea):
        control = format_html("<textarea {}>{}</textarea>", mark_safe(rendered), value or "")  # noqa: S308
    else:
        control = format_html("<input {}>", mark_safe(rendered))  # noqa: S308
    if isinstance(widget, forms.HiddenInput):
        return control
    errors = format_html_join("", "<li>{}</li>", ((e,) for e in bound.errors))
    error_list = format_html('<ul class="errors">{}</ul>', errors) if bound.errors else ""
    label = format_html('<label for="{}">{}</label>', bound.auto_id, bound.label)
    if isinstance(widget, forms.CheckboxInput):
        return format_html('<div class="field check">{}{}</div>{}', control, label, error_list)
    css = "field has-error" if bound.errors else "field"
    return format_html('<div class="{}">{}{}{}</div>', css, label, error_list, control)


def picker(**attrs: Any) -> forms.TextInput:
    """A text input that suggests units as one types (`unit-options` datalist filled by the search
    endpoint); without script, a unit's exact name, short name or alias is typed in full."""
    return forms.TextInput(
        attrs={"list": "unit-options", "autocomplete": "off", "data-unit-picker": "1", **attrs}
    )


class UnitPicker:
    """Reads a picker's text back into directory units: exact name, short name, code, or close match."""

    def __init__(self, units: dict[int, Unit]) -> None:
        self.units = units
        self._index: UnitIndex | None = None
        self.by_name: dict[str, int] = {}
        for unit in units.values():
            for written in (unit.name, unit.short_name, unit.code):
                if written:
                    self.by_name.setdefault(" ".join(written.casefold().split()), unit.pk)

    @property
    def index(self) -> UnitIndex:
        """The directory's names prepared once for the whole form (built at the first look-up)."""
        if self._index is None:
            self._index = UnitIndex(list(self.units.values()))
        return self._index

    def label(self, unit_id: int) -> str:
        return self.units[unit_id].name if unit_id in self.units else ""

    def group_label(self, count: int) -> str:
        return _("Nhóm %(count)s đơn vị theo tên gọi chung") % {"count": count}

    def one(self, text: str) -> Unit | None:
        key = " ".join(text.casefold().split())
        if key in self.by_name:
            return self.units[self.by_name[key]]
        found = resolve_reference(text, index=self.index)
        if found.matched and not found.collective and found.score >= 0.9:
            return found.units[0]
        return None

    def many(self, text: str) -> tuple[list[Unit], list[str]]:
        """Units for "A; B; C", and the pieces not found."""
        found, missing = [], []
        for piece in (p.strip() for p in text.split(";")):
            if not piece:
                continue
            unit = self.one(piece)
            if unit is None:
                missing.append(piece)
            elif unit not in found:
                found.append(unit)
        return found, missing


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
    issuer = forms.CharField(
        label=gettext_lazy("Cơ quan ban hành (trong danh bạ)"),
        required=False,
        max_length=200,
        widget=picker(),
    )
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
        self.picker = UnitPicker(self.units)
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
                "issuer": self.picker.label(pending.get("issuer_id") or 0),
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
        self.task_rows = [self._task_fields(i, task) for i, task in enumerate(draft["tasks"])]
        self.unknown_rows = self._unknown_fields()

    def _unknown_fields(self) -> list[dict[str, Any]]:
        """One row per written name that matched nothing, or a former district: map it, or add the body."""
        rows = []
        for k, (name, found) in enumerate(self.pending["resolutions"].items()):
            former = found.get("former")
            if (found["ids"] and not former) or k >= MAX_MAPPED:
                continue
            p = f"m{k}_"
            suggested = found.get("suggested") or []
            self.fields[p + "name"] = forms.CharField(required=False, initial=name, widget=forms.HiddenInput)
            self.fields[p + "to"] = forms.CharField(
                label=_("Đơn vị trong danh bạ cho “%(name)s” (nhiều đơn vị cách nhau bằng “;”)")
                % {"name": name},
                required=False,
                max_length=2000,
                initial="; ".join(self.picker.label(u) for u in suggested),
                widget=picker(),
            )
            self.fields[p + "create"] = forms.BooleanField(
                label=_("Thêm “%(name)s” vào danh bạ đơn vị") % {"name": name}, required=False
            )
            rows.append({"prefix": p, "name": name, "former": self.units.get(former) if former else None})
        return rows

    def unknown(self) -> list[dict[str, Any]]:
        return [
            {
                **r,
                "to": self[r["prefix"] + "to"],
                "create": self[r["prefix"] + "create"],
                "hidden": self[r["prefix"] + "name"],
            }
            for r in self.unknown_rows
        ]

    def _task_fields(self, i: int, task: dict[str, Any]) -> dict[str, Any]:
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
                key = f"{p}{role}{j}_"
                self.fields[key + "name"] = forms.CharField(
                    label=_("Tên đơn vị %(role)s (như ghi)") % {"role": role_label},
                    required=False,
                    max_length=300,
                    initial=name,
                )
                self.fields[key + "unit"] = forms.CharField(
                    label=(
                        _("Đơn vị %(role)s khớp với “%(name)s”") % {"role": role_label, "name": name}
                        if name
                        else _("Thêm đơn vị %(role)s") % {"role": role_label}
                    ),
                    required=False,
                    max_length=300,
                    initial=self._initial_unit(found),
                    widget=picker(),
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
                    "fields": {
                        k: fast_field(self[p + k])
                        for k in ("keep", "ref", "title", "start", "end", "recurring")
                    },
                    "units": [
                        {
                            **n,
                            "name": fast_field(self[n["key"] + "name"]),
                            "unit": fast_field(self[n["key"] + "unit"]),
                        }
                        for n in row["names"]
                    ],
                }
            )
        return out

    def _initial_unit(self, found: dict[str, Any] | None) -> str:
        if not found or not found["ids"] or found.get("former"):
            return ""
        if found["collective"]:
            return self.picker.group_label(len(found["ids"]))
        return self.picker.label(found["ids"][0])

    def clean_issuer(self) -> int | None:
        text = (self.cleaned_data.get("issuer") or "").strip()
        if not text:
            return None
        unit = self.picker.one(text)
        if unit is None:
            raise forms.ValidationError(
                _("Không tìm thấy “%(name)s” trong danh bạ; chọn từ gợi ý hoặc để trống.") % {"name": text}
            )
        return unit.pk

    def clean_indicators(self) -> list[tuple[str, str]]:
        return parse_indicators(self.cleaned_data.get("indicators") or "")

    def _refs(self, row: dict[str, Any], role: str) -> list[UnitRef]:
        refs = []
        for n in (n for n in row["names"] if n["role"] == role):
            name = (self.cleaned_data.get(n["key"] + "name") or "").strip()
            choice = (self.cleaned_data.get(n["key"] + "unit") or "").strip()
            if not name and not choice:
                continue
            found = self.pending["resolutions"].get(n["written"]) or {}
            if name in self.mappings:
                ids = self.mappings[name]
                refs.append(UnitRef(name, ids, len(ids) > 1))
            elif name in self.to_create:
                refs.append(UnitRef(name))
            elif choice and choice.startswith(self.picker.group_label(0).split("0")[0]):
                # A collective name ("các sở, ban, ngành") stands for a group while it still reads as one.
                group = resolve_reference(name, index=self.picker.index)
                if not (group.collective and group.units):
                    self.add_error(
                        n["key"] + "unit",
                        _("“%(name)s” không còn là tên gọi chung của nhóm đơn vị; chọn một đơn vị.")
                        % {"name": name},
                    )
                    continue
                ids = list(found["ids"]) if name == n["written"] and found.get("collective") else None
                refs.append(UnitRef(name, ids or [u.pk for u in group.units], True))
            elif choice:
                unit = self.picker.one(choice)
                if unit is None:
                    self.add_error(
                        n["key"] + "unit",
                        _("Không tìm thấy “%(name)s” trong danh bạ; chọn từ gợi ý hoặc để trống.")
                        % {"name": choice},
                    )
                    continue
                refs.append(UnitRef(name or unit.name, [unit.pk]))
                if name and found.get("ids") != [unit.pk]:
                    self.corrections[name] = [unit.pk]  # remembered as an alias on save
            else:
                refs.append(UnitRef(name))
        return refs

    def _clean_unknown(self, data: dict[str, Any]) -> None:
        self.mappings: dict[str, list[int]] = {}
        self.to_create: list[str] = []
        self.corrections: dict[str, list[int]] = {}
        for row in self.unknown_rows:
            p = row["prefix"]
            name = row["name"]
            if data.get(p + "create"):
                self.to_create.append(name)
                continue
            text = (data.get(p + "to") or "").strip()
            if not text:
                continue
            units, missing = self.picker.many(text)
            if missing:
                self.add_error(
                    p + "to",
                    _("Không tìm thấy trong danh bạ: %(names)s.") % {"names": "; ".join(missing)},
                )
                continue
            self.mappings[name] = [u.pk for u in units]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        self._clean_unknown(data)
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
            issuer_id=data.get("issuer"),
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
