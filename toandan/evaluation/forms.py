"""Forms of the evaluation app; every error message in Vietnamese, nothing stored on a bad value."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from toandan.core.forms import AccessibleForm
from toandan.evaluation import registry
from toandan.evaluation.models import FundingSource, MetricSource
from toandan.orgs.models import Unit
from toandan.plans.models import Plan

MAX_MONEY = 10**15


class MetricForm(AccessibleForm):
    name = forms.CharField(label=_("Tên chỉ tiêu"), max_length=200)
    source = forms.ChoiceField(label=_("Nguồn số liệu"), choices=MetricSource.choices)
    computed_key = forms.ChoiceField(label=_("Cách tính (chỉ tiêu tính từ dữ liệu)"), required=False)
    plan_indicator = forms.ModelChoiceField(
        label=_("Chỉ tiêu trong báo cáo định kỳ (chỉ tiêu do đơn vị nhập)"), queryset=None, required=False
    )
    unit_label = forms.CharField(label=_("Đơn vị tính"), max_length=40, required=False)
    deadline = forms.DateField(
        label=_("Hạn (nếu chỉ tiêu tính theo thời hạn)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Ngày không hợp lệ.")},
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["computed_key"].choices = [("", "—"), *registry.choices()]
        self.fields["plan_indicator"].queryset = plan.indicators.all()


class TargetForm(AccessibleForm):
    metric = forms.ModelChoiceField(label=_("Chỉ tiêu"), queryset=None)
    period = forms.ModelChoiceField(label=_("Kỳ"), queryset=None)
    unit = forms.ModelChoiceField(
        label=_("Đơn vị (để trống: toàn tỉnh)"), queryset=Unit.objects.active(), required=False
    )
    value = forms.DecimalField(
        label=_("Giá trị chỉ tiêu"),
        min_value=0,
        max_digits=18,
        decimal_places=2,
        error_messages={"invalid": _("Nhập một số."), "min_value": _("Chỉ tiêu không được là số âm.")},
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["metric"].queryset = plan.evaluation_metrics.all()
        self.fields["period"].queryset = plan.periods.all()


class BudgetLineForm(AccessibleForm):
    task = forms.ModelChoiceField(label=_("Nhiệm vụ"), queryset=None)
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=Unit.objects.active())
    source = forms.ChoiceField(label=_("Nguồn kinh phí"), choices=FundingSource.choices)
    estimate = forms.IntegerField(
        label=_("Dự toán (đồng)"),
        min_value=0,
        max_value=MAX_MONEY,
        error_messages={"invalid": _("Nhập số tiền bằng số."), "min_value": _("Số tiền không được âm.")},
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["task"].queryset = plan.tasks.all()


class SpendingForm(AccessibleForm):
    line = forms.ModelChoiceField(label=_("Dòng dự toán"), queryset=None)
    spent_on = forms.DateField(
        label=_("Ngày chi"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Ngày không hợp lệ.")},
    )
    amount = forms.IntegerField(
        label=_("Số tiền (đồng; âm để điều chỉnh giảm)"),
        min_value=-MAX_MONEY,
        max_value=MAX_MONEY,
        error_messages={"invalid": _("Nhập số tiền bằng số.")},
    )
    note = forms.CharField(label=_("Nội dung chi"), max_length=300)

    def __init__(self, *args: Any, lines: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["line"].queryset = lines


class TemplateForm(AccessibleForm):
    name = forms.CharField(label=_("Tên mẫu danh mục kiểm tra"), max_length=200)
    items = forms.CharField(
        label=_("Nội dung kiểm tra"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Mỗi dòng một nội dung, sau dấu | là điểm tối đa (ví dụ: Ban hành kế hoạch | 10)."),
    )

    def clean_items(self) -> list[tuple[str, int]]:
        items = []
        for number, line in enumerate(self.cleaned_data["items"].splitlines(), start=1):
            if not line.strip():
                continue
            text, _sep, top = line.rpartition("|") if "|" in line else (line, "", "10")
            if not text.strip() or not top.strip().isdigit() or not 1 <= int(top) <= 100:
                raise forms.ValidationError(
                    _("Dòng %(number)s: ghi nội dung, dấu | và điểm tối đa từ 1 đến 100.")
                    % {"number": number}
                )
            items.append((text.strip(), int(top)))
        if not items:
            raise forms.ValidationError(_("Danh mục kiểm tra phải có ít nhất một nội dung."))
        return items


class OpenInspectionForm(AccessibleForm):
    template = forms.ModelChoiceField(label=_("Mẫu danh mục kiểm tra"), queryset=None)
    unit = forms.ModelChoiceField(label=_("Đơn vị được kiểm tra"), queryset=Unit.objects.active())
    inspected_on = forms.DateField(
        label=_("Ngày kiểm tra"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Ngày không hợp lệ.")},
    )
    place = forms.CharField(label=_("Địa điểm"), max_length=200, required=False)
    team = forms.CharField(
        label=_("Thành phần đoàn kiểm tra"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Mỗi dòng một người: họ tên, chức vụ. Người đầu tiên là trưởng đoàn."),
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = plan.checklist_templates.all()


class ScoresForm(AccessibleForm):
    findings = forms.CharField(
        label=_("Kết quả kiểm tra, tồn tại, hạn chế"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    conclusion = forms.CharField(
        label=_("Kết luận, kiến nghị"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )

    def __init__(self, *args: Any, items: list, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[f"score_{item.pk}"] = forms.IntegerField(
                label=_("Điểm: %(item)s (tối đa %(max)s)") % {"item": item.text, "max": item.max_score},
                min_value=0,
                max_value=item.max_score,
                required=False,
                error_messages={
                    "invalid": _("Nhập điểm bằng số."),
                    "min_value": _("Điểm không được âm."),
                    "max_value": _("Điểm không được vượt điểm tối đa."),
                },
            )
            self.fields[f"note_{item.pk}"] = forms.CharField(
                label=_("Nhận xét: %(item)s") % {"item": item.text}, max_length=500, required=False
            )

    def scores(self) -> dict[int, tuple[int, str]]:
        data = self.cleaned_data
        return {
            i.pk: (data[f"score_{i.pk}"], data[f"note_{i.pk}"])
            for i in self.items
            if data.get(f"score_{i.pk}") is not None
        }


class FollowUpForm(AccessibleForm):
    action = forms.CharField(label=_("Việc phải làm"), max_length=500)
    owner = forms.ModelChoiceField(label=_("Đơn vị thực hiện"), queryset=Unit.objects.active())
    due_on = forms.DateField(
        label=_("Hạn hoàn thành"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Ngày không hợp lệ.")},
    )


class PracticeForm(AccessibleForm):
    name = forms.CharField(label=_("Tên mô hình"), max_length=200)
    unit = forms.ModelChoiceField(label=_("Đơn vị xây dựng mô hình"), queryset=Unit.objects.active())
    commune = forms.ModelChoiceField(
        label=_("Xã, phường, đặc khu"),
        queryset=Unit.objects.active().filter(kind="commune").order_by("name"),
        required=False,
    )
    description = forms.CharField(label=_("Cách làm"), widget=forms.Textarea(attrs={"rows": 4}))
    evidence = forms.CharField(
        label=_("Minh chứng"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Mỗi dòng một đường dẫn hoặc số, ký hiệu văn bản."),
    )
    results = forms.CharField(label=_("Kết quả"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    started_on = forms.DateField(
        label=_("Bắt đầu từ"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Ngày không hợp lệ.")},
    )


class ReplicationForm(AccessibleForm):
    unit = forms.ModelChoiceField(label=_("Đơn vị nhân rộng"), queryset=Unit.objects.active())
    started_on = forms.DateField(
        label=_("Từ ngày"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Ngày không hợp lệ.")},
    )
    note = forms.CharField(label=_("Ghi chú"), max_length=300, required=False)


class CommendationForm(AccessibleForm):
    nominee = forms.CharField(label=_("Tập thể, cá nhân được đề nghị"), max_length=300)
    form = forms.CharField(label=_("Hình thức khen thưởng"), max_length=200)
