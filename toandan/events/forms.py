"""Forms of the events app; every error in Vietnamese, every input labelled for screen readers."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from toandan.core.forms import AccessibleForm
from toandan.events.models import Audience, Event
from toandan.orgs.models import Unit, UnitKind
from toandan.plans.models import Plan, Task

DATETIME = "%Y-%m-%dT%H:%M"


class AccessibleModelForm(forms.ModelForm):
    """A model form whose invalid inputs point at their error lists, as core.forms.AccessibleForm does."""

    def full_clean(self) -> None:
        super().full_clean()
        for name, field in self.fields.items():
            ids = [f"{self[name].auto_id}_help"] if field.help_text else []
            if name in self.errors:
                ids.append(f"{self[name].auto_id}_errors")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)


def communes() -> Any:
    return Unit.objects.filter(kind=UnitKind.COMMUNE, is_active=True).order_by("name")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


def tasks_for(user: Any) -> Any:
    """Tasks an event may carry out: those of plans the user sees, and those assigned to one of the user's
    units or a unit above it (a commune police station works for the provincial police's tasks)."""
    codes = {
        code for m in user.memberships.select_related("unit") for code in m.unit.path.strip("/").split("/")
    }
    return (
        Task.objects.filter(Q(plan__in=Plan.objects.visible_to(user)) | Q(assignments__unit__code__in=codes))
        .distinct()
        .select_related("plan")
        .order_by("plan_id", "order", "id")
    )


class TaskChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Task) -> str:
        return f"{obj.plan.number} – {obj.ref}. {obj.title[:90]}"


class EventForm(AccessibleModelForm):
    online_url = forms.URLField(label=_("đường dẫn trực tuyến"), required=False, assume_scheme="https")
    materials = MultipleFileField(label=_("Tài liệu (ảnh, PDF)"), required=False, widget=MultipleFileInput())

    class Meta:
        model = Event
        fields = [
            "task",
            "title",
            "kind",
            "topic",
            "organiser",
            "participating_units",
            "audience",
            "starts_at",
            "ends_at",
            "commune",
            "venue",
            "online_url",
            "capacity",
            "is_public",
            "description",
            "agenda",
            "speakers",
            "pass_percent",
        ]
        field_classes = {"task": TaskChoice}
        widgets = {
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME),
            "ends_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME),
            "description": forms.Textarea(attrs={"rows": 3}),
            "agenda": forms.Textarea(attrs={"rows": 4}),
            "speakers": forms.Textarea(attrs={"rows": 2}),
            "participating_units": forms.SelectMultiple(attrs={"size": 6}),
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["task"].queryset = tasks_for(user)
        self.fields["organiser"].queryset = Unit.objects.visible_to(user).active()
        self.fields["participating_units"].queryset = Unit.objects.active().exclude(kind=UnitKind.DISTRICT)
        self.fields["participating_units"].required = False
        self.fields["commune"].queryset = communes()
        for name in ("starts_at", "ends_at"):
            self.fields[name].input_formats = [DATETIME, "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M"]
        self.fields["capacity"].min_value = 1
        self.fields["pass_percent"].max_value = 100

    def clean_materials(self) -> list[tuple[bytes, str]]:
        uploads = self.cleaned_data.get("materials") or []
        if len(uploads) > 10:
            raise forms.ValidationError(_("Chỉ gửi được tối đa %(count)s tệp.") % {"count": 10})
        return [(f.read(), f.name) for f in uploads]


class RegisterForm(AccessibleForm):
    name = forms.CharField(label=_("Họ và tên"), max_length=120)
    phone = forms.CharField(label=_("Số điện thoại"), max_length=20, required=False)
    email = forms.EmailField(
        label=_("Thư điện tử"), required=False, help_text=_("Để nhận vé, mã QR và lời nhắc.")
    )
    commune = forms.ModelChoiceField(
        label=_("Xã, phường nơi ở"), queryset=Unit.objects.none(), required=False
    )
    audience = forms.ChoiceField(label=_("Bạn là"), choices=Audience.choices)
    consent = forms.BooleanField(
        label=_("Tôi đồng ý để ban tổ chức dùng thông tin này cho sự kiện; thông tin được xóa sau sự kiện.")
    )
    website = forms.CharField(
        required=False,
        label=_("Để trống ô này"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = communes()


class StaffRegisterForm(AccessibleForm):
    name = forms.CharField(label=_("Họ và tên"), max_length=120)
    phone = forms.CharField(label=_("Số điện thoại"), max_length=20, required=False)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=Unit.objects.active(), required=False)
    audience = forms.ChoiceField(label=_("Đối tượng"), choices=Audience.choices)


class WalkInForm(StaffRegisterForm):
    pass


class BulkForm(AccessibleForm):
    unit = forms.ModelChoiceField(label=_("Đơn vị gửi danh sách"), queryset=Unit.objects.none())
    file = forms.FileField(label=_("Danh sách (.xlsx)"))

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.active().order_by("name")


class CapacityForm(AccessibleForm):
    capacity = forms.IntegerField(label=_("Số chỗ"), min_value=1, max_value=100_000)


class QuestionForm(AccessibleForm):
    text = forms.CharField(label=_("Câu hỏi"), max_length=500)
    choices = forms.CharField(
        label=_("Các phương án"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Mỗi dòng một phương án."),
    )
    correct = forms.IntegerField(label=_("Phương án đúng (số thứ tự, từ 1)"), min_value=1)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        options = [line.strip() for line in data.get("choices", "").splitlines() if line.strip()]
        if not 2 <= len(options) <= 6:
            raise forms.ValidationError(_("Nhập từ 2 đến 6 phương án, mỗi dòng một phương án."))
        if data.get("correct") and data["correct"] > len(options):
            raise forms.ValidationError(_("Phương án đúng phải là một trong các phương án đã nhập."))
        data["options"] = options
        return data


class FeedbackForm(AccessibleForm):
    rating = forms.TypedChoiceField(
        label=_("Buổi học hữu ích với bạn ở mức nào?"),
        choices=[(i, str(i)) for i in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("1: không hữu ích, 5: rất hữu ích."),
    )
    will_share = forms.BooleanField(label=_("Tôi sẽ chia sẻ điều đã học với người thân"), required=False)
    comment = forms.CharField(
        label=_("Góp ý thêm"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )


class CalendarFilter(forms.Form):
    commune = forms.ModelChoiceField(label=_("Xã, phường"), queryset=Unit.objects.none(), required=False)
    audience = forms.ChoiceField(
        label=_("Đối tượng"), choices=[("", _("Tất cả"))] + list(Audience.choices), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = communes()
        self.fields["commune"].empty_label = _("Tất cả")
