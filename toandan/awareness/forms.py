"""Staff forms: an item's text and fields by kind, a workflow step, an image with its alternative text."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from toandan.awareness.models import Audience, Category, ContentItem, Kind, Tag
from toandan.awareness.services import EXTRA_FIELDS
from toandan.orgs.models import Unit, UnitKind

COMMON_FIELDS = ["title", "summary", "body", "category", "tags", "audiences", "communes"]
MAX_BODY = 100_000


class ContentForm(forms.ModelForm):
    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("Đơn vị phụ trách"))
    note = forms.CharField(label=_("Ghi chú về lần sửa này (không bắt buộc)"), max_length=300, required=False)

    class Meta:
        model = ContentItem
        fields = [
            *COMMON_FIELDS,
            "masked_example",
            "targets",
            "what_to_do",
            "indicators",
            "scam_category",
            "legal_type",
            "doc_number",
            "short_name",
            "issued_on",
        ]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 16}),
            "summary": forms.Textarea(attrs={"rows": 2}),
            "masked_example": forms.Textarea(attrs={"rows": 4}),
            "what_to_do": forms.Textarea(attrs={"rows": 4}),
            "indicators": forms.Textarea(attrs={"rows": 3}),
            "tags": forms.CheckboxSelectMultiple,
            "audiences": forms.CheckboxSelectMultiple,
            "issued_on": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args: Any, kind: str, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        keep = set(COMMON_FIELDS) | set(EXTRA_FIELDS[Kind(kind)]) | {"unit", "note"}
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]
        self.fields["unit"].queryset = units
        if self.instance.pk:
            self.fields["unit"].initial = self.instance.unit_id
        elif units.count() == 1:
            self.fields["unit"].initial = units.first().pk
        self.fields["communes"].queryset = Unit.objects.filter(kind=UnitKind.COMMUNE, is_active=True)
        self.fields["communes"].required = False
        self.fields["category"].queryset = Category.objects.all()
        self.fields["tags"].queryset = Tag.objects.all()
        self.fields["audiences"].queryset = Audience.objects.all()
        if kind == Kind.FAQ:
            self.fields["title"].label = _("Câu hỏi")
            self.fields["body"].label = _("Trả lời (Markdown)")
        self.fields["body"].help_text = _(
            "Markdown: **đậm**, *nghiêng*, danh sách “- ”, tiêu đề “## ”. Không dùng HTML. "
            "Dẫn chiếu văn bản: [[Điều 8 Luật An ninh mạng]]."
        )

    def clean_body(self) -> str:
        body = self.cleaned_data.get("body", "")
        if len(body) > MAX_BODY:
            raise forms.ValidationError(_("Nội dung quá dài (tối đa 100.000 ký tự)."))
        return body

    def item_data(self) -> dict[str, Any]:
        data = {
            name: self.cleaned_data[name]
            for name in self.fields
            if name not in ("tags", "audiences", "communes", "note")
        }
        data["kind"] = self.kind
        return data


class TransitionForm(forms.Form):
    note = forms.CharField(label=_("Ghi chú (không bắt buộc)"), max_length=300, required=False)
    publish_at = forms.DateTimeField(
        label=_("Hẹn giờ đăng (để trống: đăng ngay)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M"],
    )


class ImageForm(forms.Form):
    image = forms.FileField(label=_("Ảnh (JPEG, PNG, WebP, HEIC; tối đa 5 MB)"))
    alt = forms.CharField(
        label=_("Mô tả ảnh cho người khiếm thị"),
        max_length=300,
        help_text=_("Bắt buộc: mô tả ngắn những gì ảnh cho thấy."),
    )
    caption = forms.CharField(label=_("Chú thích (không bắt buộc)"), max_length=300, required=False)
