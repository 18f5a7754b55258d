"""Forms of the check page, appeals, officers' decisions and list imports; errors in plain Vietnamese."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from toandan.core.files import MultipleFileField, MultipleFileInput
from toandan.core.forms import AccessibleForm
from toandan.indicators.check import MAX_MESSAGE_LENGTH, SENDER_UNKNOWN
from toandan.indicators.models import (
    KIND_CHOICES,
    AppellantRelation,
    ClearReason,
    IndicatorStatus,
    category_model,
)


class CheckForm(AccessibleForm):
    q = forms.CharField(
        label=gettext_lazy("Số điện thoại, số tài khoản, đường link – hoặc dán cả tin nhắn"),
        max_length=MAX_MESSAGE_LENGTH,
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "off", "spellcheck": "false"}),
        help_text=gettext_lazy(
            "Ví dụ: 0912 345 678, Vietcombank 0123456789, vi-du.com, hoặc cả nội dung tin nhắn."
        ),
        error_messages={"max_length": gettext_lazy("Nội dung quá dài: tối đa %(limit_value)s ký tự.")},
    )
    sender_type = forms.ChoiceField(
        label=gettext_lazy("Tin nhắn đến từ"),
        required=False,
        choices=[
            (SENDER_UNKNOWN, gettext_lazy("Không rõ")),
            ("brandname", gettext_lazy("Tên thương hiệu (ví dụ: Vietcombank, VIETTEL)")),
            ("shortcode", gettext_lazy("Đầu số ngắn (ví dụ: 9029, 1900…)")),
            ("personal_number", gettext_lazy("Số điện thoại cá nhân (ví dụ: 09…)")),
        ],
        initial=SENDER_UNKNOWN,
        help_text=gettext_lazy("Không bắt buộc: chỉ dùng khi bạn dán cả tin nhắn."),
        error_messages={"invalid_choice": gettext_lazy("Hãy chọn một nguồn gửi trong danh sách.")},
    )


class AppealForm(AccessibleForm):
    value = forms.CharField(
        label=gettext_lazy("Số điện thoại, số tài khoản hoặc trang web bị cảnh báo nhầm"),
        max_length=300,
        help_text=gettext_lazy("Ghi như khi tra cứu, ví dụ 0912 345 678 hoặc Vietcombank 0123456789."),
    )
    relation = forms.ChoiceField(
        label=gettext_lazy("Bạn là ai đối với số, tài khoản, trang web này?"),
        choices=AppellantRelation.choices,
        widget=forms.RadioSelect,
    )
    statement = forms.CharField(
        label=gettext_lazy("Vì sao bạn cho rằng cảnh báo là nhầm?"),
        min_length=20,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"min_length": gettext_lazy("Hãy trình bày rõ hơn (ít nhất %(limit_value)s ký tự).")},
    )
    evidence = MultipleFileField(
        label=gettext_lazy("Giấy tờ chứng minh (ảnh, PDF)"),
        required=False,
        help_text=gettext_lazy(
            "Ví dụ: hợp đồng thuê bao, giấy đăng ký kinh doanh, sao kê. Tối đa 10 tệp, mỗi tệp 10 MB."
        ),
        widget=MultipleFileInput(attrs={"accept": "image/*,application/pdf"}),
    )
    name = forms.CharField(label=gettext_lazy("Họ và tên hoặc tên tổ chức"), max_length=200)
    contact = forms.CharField(
        label=gettext_lazy("Số điện thoại hoặc thư điện tử để cơ quan công an liên hệ"),
        max_length=200,
    )
    consent = forms.BooleanField(
        label=gettext_lazy("Tôi đồng ý để cơ quan công an dùng thông tin trên để xem xét khiếu nại."),
        error_messages={
            "required": gettext_lazy("Cần bạn đồng ý thì cơ quan công an mới xem xét được khiếu nại.")
        },
    )
    website = forms.CharField(
        required=False,
        label="website",
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off", "class": "hp"}),
    )

    def clean_website(self) -> str:
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("Không gửi được."))
        return ""


class ConfirmForm(AccessibleForm):
    report = forms.ChoiceField(label=gettext_lazy("Tố giác làm căn cứ"))
    category = forms.ModelChoiceField(
        label=gettext_lazy("Loại hành vi"),
        queryset=None,  # set per form: the active categories
        required=False,
        help_text=gettext_lazy("Để trống: lấy theo loại của tố giác làm căn cứ."),
    )
    note = forms.CharField(
        label=gettext_lazy("Ghi chú"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    also_domain = forms.BooleanField(
        label=gettext_lazy("Xác nhận cả tên miền của đường link này"), required=False
    )

    def __init__(self, *args: Any, reports: list[Any] = (), **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = category_model().objects.filter(is_active=True)
        self.fields["report"].choices = [(r.code, f"{r.code} – {r.category.name}") for r in reports]


class ClearForm(AccessibleForm):
    reason = forms.ChoiceField(
        label=gettext_lazy("Lý do gỡ bỏ"),
        choices=[(ClearReason.FALSE_REPORT.value, ClearReason.FALSE_REPORT.label)],
    )
    note = forms.CharField(
        label=gettext_lazy("Căn cứ"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class DecisionForm(AccessibleForm):
    decision = forms.ChoiceField(
        label=gettext_lazy("Quyết định"),
        choices=[
            ("uphold", gettext_lazy("Chấp nhận: gỡ khỏi danh sách")),
            ("reject", gettext_lazy("Không chấp nhận")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=gettext_lazy("Lý do"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ClusterFilterForm(forms.Form):
    order = forms.ChoiceField(
        label=gettext_lazy("Sắp xếp"),
        required=False,
        choices=[
            ("size", gettext_lazy("Nhiều tố giác nhất")),
            ("growth", gettext_lazy("Tăng nhanh nhất (7 ngày)")),
            ("latest", gettext_lazy("Mới nhất")),
        ],
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Loại"), required=False, choices=[("", gettext_lazy("Mọi loại")), *KIND_CHOICES]
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Trạng thái"),
        required=False,
        choices=[("", gettext_lazy("Mọi trạng thái")), *IndicatorStatus.choices],
    )


class ImportForm(AccessibleForm):
    file = forms.FileField(label=gettext_lazy("Tệp danh sách (CSV hoặc mỗi dòng một giá trị)"))
    file_format = forms.ChoiceField(
        label=gettext_lazy("Định dạng"),
        choices=[
            ("csv", gettext_lazy("CSV có cột “value” (và “kind” nếu có)")),
            ("plain", gettext_lazy("Mỗi dòng một giá trị")),
        ],
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Loại (nếu tệp không ghi)"),
        required=False,
        choices=[("", gettext_lazy("Tự nhận biết")), *KIND_CHOICES],
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Đánh dấu là"),
        choices=[
            (IndicatorStatus.REPORTED.value, gettext_lazy("Bị tố giác, chưa xác minh (danh sách cộng đồng)")),
            (
                IndicatorStatus.CONFIRMED.value,
                gettext_lazy("Đã xác nhận lừa đảo (danh sách của cơ quan có thẩm quyền)"),
            ),
        ],
    )
    source = forms.CharField(label=gettext_lazy("Nguồn"), max_length=200)
    source_url = forms.URLField(
        label=gettext_lazy("Địa chỉ nguồn"), required=False, max_length=500, assume_scheme="https"
    )
    note = forms.CharField(
        label=gettext_lazy("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    skip_invalid = forms.BooleanField(
        label=gettext_lazy("Bỏ qua các dòng không hợp lệ (ghi lại trong lần nhập) thay vì từ chối cả tệp"),
        required=False,
    )


class TokenForm(AccessibleForm):
    label = forms.CharField(label=gettext_lazy("Ghi chú cho khóa"), max_length=100, required=False)
