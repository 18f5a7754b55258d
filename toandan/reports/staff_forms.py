"""Forms officers use on a case; choices are limited to what the officer may do."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from toandan.core.codes import normalize_code
from toandan.core.forms import AccessibleForm
from toandan.orgs.models import Unit
from toandan.reports.models import DeadlineStep, Outcome, Report, ReportCategory, Status, Track


class StatusForm(AccessibleForm):
    status = forms.ChoiceField(label=gettext_lazy("Trạng thái mới"), choices=Status.choices)
    outcome = forms.ChoiceField(
        label=gettext_lazy("Kết quả (khi giải quyết xong)"),
        required=False,
        choices=[("", "—"), *Outcome.choices],
    )
    duplicate_of = forms.CharField(label=gettext_lazy("Trùng với mã"), required=False, max_length=20)
    note = forms.CharField(
        label=gettext_lazy("Nội dung gửi người tố giác"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_duplicate_of(self) -> Report | None:
        raw = self.cleaned_data.get("duplicate_of", "").strip()
        if not raw:
            return None
        code = normalize_code(raw)
        # Only a report the officer may see: another unit's codes are neither found nor confirmed to exist.
        visible = Report.objects.visible_to(self.user) if self.user is not None else Report.objects.none()
        report = visible.filter(code=code).first() if code else None
        if report is None:
            raise forms.ValidationError(_("Không có tố giác mang mã này."))
        return report


class _GroupedUnits(ModelChoiceIterator):
    """Units in two groups (provincial police and its sections; commune police), so that the plain list stays
    usable without JavaScript; the page's filter box narrows it when JavaScript runs."""

    def __iter__(self) -> Iterator[Any]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        groups: dict[bool, list[Any]] = {False: [], True: []}
        for unit in self.queryset:
            groups[unit.area_id is not None].append(self.choice(unit))
        yield (_("Công an tỉnh và các phòng"), groups[False])
        yield (_("Công an xã, phường, đặc khu"), groups[True])


class TransferForm(AccessibleForm):
    unit = forms.ModelChoiceField(
        label=gettext_lazy("Chuyển đến đơn vị"),
        queryset=Unit.objects.handling_reports().order_by("name"),
        empty_label=gettext_lazy("— Chọn đơn vị —"),
        help_text=gettext_lazy("Chỉ gồm các đơn vị công an có thẩm quyền tiếp nhận, xử lý tố giác."),
        error_messages={"invalid_choice": gettext_lazy("Chọn một đơn vị công an trong danh sách.")},
        widget=forms.Select(
            attrs={
                "data-filter": "unit",
                "data-filter-label": gettext_lazy("Tìm đơn vị (gõ tên xã, phường hoặc phòng)"),
                "data-filter-count": gettext_lazy("Số đơn vị khớp: "),
            }
        ),
    )
    unit.iterator = _GroupedUnits
    reason = forms.CharField(
        label=gettext_lazy("Lý do chuyển"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, report: Report | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if report is not None:
            field = self.fields["unit"]
            field.queryset = field.queryset.exclude(pk=report.unit_id)  # type: ignore[attr-defined]


class AssignForm(AccessibleForm):
    officer = forms.ModelChoiceField(
        label=gettext_lazy("Cán bộ xử lý"),
        queryset=None,
        required=False,  # type: ignore[arg-type]
        empty_label=gettext_lazy("— Chưa phân công —"),
    )

    def __init__(self, *args: Any, officers: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = officers


class TrackForm(AccessibleForm):
    track = forms.ChoiceField(label=gettext_lazy("Trình tự xử lý"), choices=Track.choices)
    multi_place = forms.BooleanField(label=gettext_lazy("Cần xác minh ở nhiều nơi"), required=False)


class ExtensionForm(AccessibleForm):
    step = forms.ChoiceField(label=gettext_lazy("Bước được gia hạn"), choices=DeadlineStep.choices)
    reason = forms.CharField(
        label=gettext_lazy("Lý do (ghi trong quyết định gia hạn)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MoneyRecoveredForm(AccessibleForm):
    """The total money recovered and returned to the victims so far, recorded with the case's outcome."""

    amount = forms.IntegerField(
        label=gettext_lazy("Tổng số tiền đã thu hồi, trả lại (đồng)"),
        min_value=0,
        max_value=10**15 - 1,
        error_messages={"invalid": gettext_lazy("Nhập số tiền bằng chữ số, không có dấu chấm hay chữ.")},
    )
    note = forms.CharField(
        label=gettext_lazy("Ghi chú về khoản thu hồi (không bắt buộc)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class StepForm(AccessibleForm):
    """A legal step (procuracy notified, accepted) with an optional note."""

    text = forms.CharField(
        label=gettext_lazy("Ghi chú kèm bước xử lý (không bắt buộc)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class TextForm(AccessibleForm):
    text = forms.CharField(
        label=gettext_lazy("Nội dung"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class QueueFilterForm(forms.Form):
    VIEWS = [
        ("unit", gettext_lazy("Của đơn vị")),
        ("mine", gettext_lazy("Của tôi")),
        ("soon", gettext_lazy("Sắp đến hạn")),
        ("overdue", gettext_lazy("Quá hạn")),
        ("all", gettext_lazy("Tất cả")),
    ]
    view = forms.ChoiceField(label=gettext_lazy("Xem"), choices=VIEWS, required=False)
    q = forms.CharField(label=gettext_lazy("Tìm"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=gettext_lazy("Trạng thái"),
        required=False,
        choices=[("", gettext_lazy("Tất cả")), *Status.choices],
    )
    category = forms.ModelChoiceField(
        label=gettext_lazy("Loại"),
        required=False,
        queryset=ReportCategory.objects.all(),
        empty_label=gettext_lazy("Tất cả"),
    )
    track = forms.ChoiceField(
        label=gettext_lazy("Trình tự"), required=False, choices=[("", gettext_lazy("Tất cả")), *Track.choices]
    )
    commune = forms.ModelChoiceField(
        label=gettext_lazy("Xã, phường"),
        required=False,
        empty_label=gettext_lazy("Tất cả"),
        queryset=Unit.objects.filter(kind="commune", is_active=True).order_by("name"),
    )
    due_before = forms.DateField(
        label=gettext_lazy("Hạn trước ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
