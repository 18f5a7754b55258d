"""Forms of the privacy pages. Services validate again: a form only shapes the input."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toandan.privacy import registry
from toandan.privacy.models import Breach, RequestKind


class PeriodForm(forms.Form):
    days = forms.IntegerField(label=_("Số ngày lưu giữ"), min_value=1, max_value=100 * 365)
    reason = forms.CharField(label=_("Lý do thay đổi"), min_length=10, max_length=500)


class RequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại yêu cầu"), choices=RequestKind.choices)
    record_type = forms.ChoiceField(label=_("Hồ sơ liên quan"))
    reference = forms.CharField(
        label=_("Mã hồ sơ"),
        max_length=40,
        help_text=_("Mã tra cứu tố giác, mã khiếu nại hoặc mã vé sự kiện."),
    )
    subject_name = forms.CharField(label=_("Họ tên người yêu cầu"), max_length=120, required=False)
    subject_contact = forms.CharField(label=_("Liên hệ để trả lời"), max_length=200, required=False)
    details = forms.CharField(
        label=_("Nội dung yêu cầu"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )
    received_at = forms.DateTimeField(
        label=_("Thời điểm nhận yêu cầu"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Để trống nếu vừa nhận. Thời hạn trả lời tính từ thời điểm này."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["record_type"].choices = [(r.key, r.label) for r in registry.subject_records()]

    def clean_received_at(self) -> Any:
        value = self.cleaned_data.get("received_at")
        if value is not None and value > timezone.now():
            raise forms.ValidationError(_("Thời điểm nhận không thể ở tương lai."))
        return value


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)


class PurposeForm(forms.Form):
    purpose = forms.CharField(label=_("Mục đích xem"), min_length=10, max_length=200)


class BreachForm(forms.ModelForm):
    class Meta:
        model = Breach
        fields = ["title", "discovered_at", "description", "data_kinds", "subjects_estimate", "measures"]
        widgets = {
            "discovered_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "description": forms.Textarea(attrs={"rows": 4}),
            "data_kinds": forms.Textarea(attrs={"rows": 2}),
            "measures": forms.Textarea(attrs={"rows": 2}),
        }

    def clean_discovered_at(self) -> Any:
        value = self.cleaned_data["discovered_at"]
        if value > timezone.now():
            raise forms.ValidationError(_("Thời điểm phát hiện không thể ở tương lai."))
        return value


class NotifyForm(forms.Form):
    notified_at = forms.DateTimeField(
        label=_("Thời điểm đã thông báo"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    reference = forms.CharField(label=_("Số văn bản thông báo"), max_length=100)
    note = forms.CharField(label=_("Ghi chú"), max_length=1000, required=False)


class CloseForm(forms.Form):
    measures = forms.CharField(
        label=_("Biện pháp khắc phục đã thực hiện"), widget=forms.Textarea(attrs={"rows": 3}), min_length=10
    )
