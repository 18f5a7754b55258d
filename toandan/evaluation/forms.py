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
