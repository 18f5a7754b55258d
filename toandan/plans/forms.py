"""Forms of the plans app: uploading a plan, posting progress, period reports, the consolidated report."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from toandan.core.files import MultipleFileField, MultipleFileInput
from toandan.core.forms import AccessibleForm
from toandan.core.uploads import CleanFile, EvidenceError, clean_uploads, read_uploads
from toandan.plans.importer import MAX_BYTES
from toandan.plans.models import Indicator, ProgressState, ReportingPeriod
from toandan.plans.output.signing import default_signature
from toandan.plans.periods import Frequency


class UploadForm(AccessibleForm):
    document = forms.FileField(
        label=gettext_lazy("Tệp kế hoạch (.docx, .txt hoặc .pdf có lớp chữ)"),
        help_text=gettext_lazy("Tối đa 5 MB. Chưa có gì được lưu cho đến khi bạn xác nhận."),
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.txt,.pdf"}),
        error_messages={
            "required": gettext_lazy("Chọn tệp kế hoạch để tải lên."),
            "empty": gettext_lazy("Tài liệu trống: không có nội dung để nhập."),
        },
    )

    def clean_document(self) -> tuple[bytes, str]:
        upload = self.cleaned_data["document"]
        data = upload.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise forms.ValidationError(
                _("Tệp quá lớn; giới hạn là %(limit)s MB.") % {"limit": MAX_BYTES // 1048576}
            )
        return data, upload.name


def _indicator_fields(form: forms.Form, indicators: list[Indicator]) -> None:
    for indicator in indicators:
        form.fields[f"indicator_{indicator.pk}"] = forms.IntegerField(
            label=str(indicator),
            required=False,
            min_value=0,
            max_value=10_000_000,
            error_messages={
                "min_value": gettext_lazy("Số liệu không được âm."),
                "invalid": gettext_lazy("Nhập một số nguyên."),
            },
        )


def indicator_values(form: forms.Form, indicators: list[Indicator]) -> dict[int, int]:
    values = {i.pk: form.cleaned_data.get(f"indicator_{i.pk}") for i in indicators}
    return {k: v for k, v in values.items() if v is not None}


class UpdateForm(AccessibleForm):
    state = forms.ChoiceField(
        label=gettext_lazy("Tình trạng"),
        choices=ProgressState.choices,
        initial=ProgressState.IN_PROGRESS,
        widget=forms.RadioSelect,
    )
    narrative = forms.CharField(
        label=gettext_lazy("Kết quả thực hiện"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": gettext_lazy("Nhập kết quả thực hiện.")},
    )
    links = forms.CharField(
        label=gettext_lazy("Đường dẫn (mỗi dòng một đường dẫn)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    files = MultipleFileField(
        label=gettext_lazy("Tệp đính kèm (ảnh, PDF, ghi âm)"),
        required=False,
        widget=MultipleFileInput(),
        help_text=gettext_lazy("Tối đa 10 tệp, mỗi tệp 10 MB."),
    )

    def __init__(self, *args: Any, indicators: list[Indicator], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.indicators = indicators
        _indicator_fields(self, indicators)
        self.order_fields(
            ["state", "narrative", *[f"indicator_{i.pk}" for i in indicators], "links", "files"]
        )

    def clean_links(self) -> list[str]:
        from toandan.plans.tracking import clean_links

        try:
            return clean_links(self.cleaned_data["links"].splitlines())
        except forms.ValidationError as exc:
            raise forms.ValidationError(exc.messages) from exc

    def clean_files(self) -> list[CleanFile]:
        try:
            return clean_uploads(read_uploads(self.cleaned_data.get("files") or []))
        except EvidenceError as exc:
            raise forms.ValidationError(str(exc)) from exc

    def values(self) -> dict[int, int]:
        return indicator_values(self, self.indicators)


class PeriodReportForm(AccessibleForm):
    narrative = forms.CharField(
        label=gettext_lazy("Nội dung báo cáo"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args: Any, indicators: list[Indicator], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.indicators = indicators
        _indicator_fields(self, indicators)

    def values(self) -> dict[int, int]:
        return indicator_values(self, self.indicators)


class ReturnForm(AccessibleForm):
    note = forms.CharField(
        label=gettext_lazy("Nội dung cần bổ sung"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": gettext_lazy("Ghi rõ nội dung cần bổ sung.")},
    )


class RulesForm(AccessibleForm):
    frequencies = forms.MultipleChoiceField(
        label=gettext_lazy("Kỳ báo cáo"),
        choices=Frequency.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    due_working_days = forms.IntegerField(
        label=gettext_lazy("Hạn gửi: số ngày làm việc sau ngày chốt số liệu (ngày 14)"),
        min_value=1,
        max_value=30,
        initial=1,
        error_messages={
            "min_value": gettext_lazy("Hạn gửi phải sau ngày chốt số liệu ít nhất 1 ngày làm việc."),
            "max_value": gettext_lazy("Hạn gửi không quá 30 ngày làm việc sau ngày chốt số liệu."),
        },
    )


class ConsolidatedForm(AccessibleForm):
    period = forms.ModelChoiceField(
        label=gettext_lazy("Kỳ báo cáo"),
        queryset=ReportingPeriod.objects.none(),
        required=False,
        empty_label=gettext_lazy("Lũy kế từ đầu kế hoạch đến nay"),
        error_messages={"invalid_choice": gettext_lazy("Chọn kỳ báo cáo trong danh sách.")},
    )
    number = forms.IntegerField(
        label=gettext_lazy("Số văn bản"),
        required=False,
        min_value=1,
        max_value=99999,
        help_text=gettext_lazy("Để trống nếu văn thư cấp số khi đăng ký văn bản."),
    )
    day = forms.DateField(
        label=gettext_lazy("Ngày báo cáo"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    capacity = forms.CharField(
        label=gettext_lazy("Thẩm quyền ký (TM., KT., …)"), required=False, max_length=100
    )
    position = forms.CharField(label=gettext_lazy("Chức vụ người ký"), required=False, max_length=200)
    signer = forms.CharField(label=gettext_lazy("Họ tên người ký"), required=False, max_length=200)
    recipients = forms.CharField(
        label=gettext_lazy("Nơi nhận (mỗi dòng một nơi)"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    directions = forms.CharField(
        label=gettext_lazy("Phương hướng, nhiệm vụ thời gian tới (mỗi dòng một ý)"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Để trống: báo cáo tự nêu các phân công còn dở, quá hạn, đơn vị chưa báo cáo và kỳ báo cáo tới."
        ),
    )
    proposals = forms.CharField(
        label=gettext_lazy("Kiến nghị, đề xuất (mỗi dòng một ý)"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Để trống: báo cáo tự đề xuất theo các phân công quá hạn và báo cáo muộn."),
    )

    def __init__(self, *args: Any, plan: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = plan.periods.all()
        self.fields["period"].label_from_instance = lambda p: f"{p.label} ({p.get_frequency_display()})"
        self.fields["day"].initial = timezone.localdate()
        signature = default_signature(plan)
        self.fields["capacity"].initial = signature.capacity
        self.fields["position"].initial = signature.position
        self.fields["signer"].initial = signature.name
        self.fields["recipients"].initial = "\n".join(
            [_("Thường trực Ban Chỉ đạo (b/c)"), _("Các đơn vị thực hiện kế hoạch"), _("Lưu: VT")]
        )
