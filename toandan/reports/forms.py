"""The citizen's report form and the follow-up forms; every error names the field in plain Vietnamese."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from toandan.core import video
from toandan.core.codes import normalize_code
from toandan.core.files import MultipleFileField, MultipleFileInput
from toandan.core.forms import AccessibleForm
from toandan.orgs import places
from toandan.orgs.models import Unit, UnitKind
from toandan.reports import contact
from toandan.reports.contact import ContactError
from toandan.reports.models import PaymentMethod, ReportCategory

MAX_IDENTIFIERS = 30
IDENTITY_FIELDS = ("name", "phone", "email", "id_number")
_MONEY_WORDS = {
    "ty": 1_000_000_000,
    "tỷ": 1_000_000_000,
    "trieu": 1_000_000,
    "triệu": 1_000_000,
    "tr": 1_000_000,
    "nghin": 1_000,
    "nghìn": 1_000,
    "ngan": 1_000,
    "ngàn": 1_000,
    "k": 1_000,
}


def parse_money(text: str) -> int | None:
    """'5.000.000', '5,000,000 đ', '5 triệu', '2tr500', '1,5 tỷ' → đồng; None when empty."""
    raw = (
        text.strip()
        .lower()
        .replace("vnđ", "")
        .replace("vnd", "")
        .replace("đồng", "")
        .replace("đ", "")
        .strip()
    )
    if not raw:
        return None
    match = re.fullmatch(
        r"(\d+(?:[.,]\d+)?)\s*(tỷ|ty|triệu|trieu|tr|nghìn|nghin|ngàn|ngan|k)\s*(\d{1,3})?", raw
    )
    if match:
        number = float(match.group(1).replace(",", "."))
        unit = _MONEY_WORDS[match.group(2)]
        rest = int(match.group(3)) * unit // 1000 if match.group(3) else 0
        return int(round(number * unit)) + rest
    digits = re.sub(r"[.,\s]", "", raw)
    if not digits.isdigit():
        raise forms.ValidationError(_("Số tiền chỉ gồm chữ số, ví dụ 5.000.000 hoặc 5 triệu."))
    return int(digits)


class CategoryChoiceField(forms.ModelChoiceField):
    """Category names are data with a Vietnamese and an English name; show the visitor's language."""

    def label_from_instance(self, obj: ReportCategory) -> str:
        return obj.display_name(get_language())


EVIDENCE_ACCEPT = "image/*,application/pdf,audio/*"
VIDEO_ACCEPT = ",video/mp4,video/quicktime,video/webm,.mp4,.mov,.webm"


def evidence_accept() -> str:
    """The file picker's filter: videos only when they can be cleaned (core.video)."""
    return EVIDENCE_ACCEPT + (VIDEO_ACCEPT if video.available() else "")


class ReportForm(AccessibleForm):
    place_note = ""  # set by clean_commune when a former name was answered with today's commune

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["evidence"].widget.attrs["accept"] = evidence_accept()

    category = CategoryChoiceField(
        label=gettext_lazy("Bạn muốn tố giác việc gì?"),
        queryset=ReportCategory.objects.filter(is_active=True),
        empty_label=gettext_lazy("— Chọn loại —"),
        error_messages={"required": gettext_lazy("Hãy chọn loại sự việc.")},
    )
    description = forms.CharField(
        label=gettext_lazy("Chuyện gì đã xảy ra?"),
        min_length=20,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy("Kể lại theo thứ tự: ai liên lạc, bằng cách nào, họ nói gì, bạn đã làm gì."),
        error_messages={
            "required": gettext_lazy("Hãy mô tả sự việc."),
            "min_length": gettext_lazy("Mô tả quá ngắn: hãy viết ít nhất 20 ký tự."),
        },
    )
    happened_on = forms.DateField(
        label=gettext_lazy("Ngày xảy ra"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        error_messages={"invalid": gettext_lazy("Ngày không hợp lệ.")},
    )
    commune = forms.CharField(
        label=gettext_lazy("Xã, phường nơi xảy ra (hoặc nơi bạn ở)"),
        required=False,
        max_length=120,
        widget=forms.TextInput(attrs={"list": "communes", "autocomplete": "off"}),
        help_text=gettext_lazy(
            "Gõ vài chữ để chọn trong 96 xã, phường, đặc khu của tỉnh; có thể gõ không dấu, hoặc tên xã, "
            "huyện cũ (trước 1/7/2025), ví dụ “Trần Phú, TP Quảng Ngãi”."
        ),
    )
    outside_province = forms.BooleanField(
        label=gettext_lazy("Xảy ra ngoài tỉnh Quảng Ngãi hoặc không rõ nơi"), required=False
    )
    money_lost = forms.CharField(
        label=gettext_lazy("Số tiền bị mất (đồng)"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        help_text=gettext_lazy("Ví dụ: 5.000.000 hoặc 5 triệu."),
    )
    payment_method = forms.ChoiceField(
        label=gettext_lazy("Bạn đã trả tiền bằng cách nào?"), choices=PaymentMethod.choices, required=False
    )
    identifiers = forms.CharField(
        label=gettext_lazy(
            "Số điện thoại, số tài khoản, đường link, tài khoản mạng xã hội, e-mail của đối tượng"
        ),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy(
            "Mỗi dòng một thông tin. Tài khoản ngân hàng: ghi kèm tên ngân hàng, "
            "ví dụ “Vietcombank 0123456789”."
        ),
    )
    evidence = MultipleFileField(
        label=gettext_lazy("Ảnh chụp, ghi âm, tệp PDF làm bằng chứng"),
        required=False,
        help_text=gettext_lazy(
            "Tối đa 10 tệp, mỗi tệp 10 MB: ảnh JPEG, PNG, WebP, HEIC; PDF; âm thanh MP3, M4A, OGG."
        ),
        widget=MultipleFileInput(attrs={"accept": "image/*,application/pdf,audio/*"}),
    )
    anonymous = forms.TypedChoiceField(
        label=gettext_lazy("Bạn có muốn để lại thông tin liên lạc?"),
        coerce=lambda v: v == "1",
        choices=[
            ("0", gettext_lazy("Có, để cơ quan công an liên hệ khi cần")),
            ("1", gettext_lazy("Không, tôi gửi ẩn danh")),
        ],
        widget=forms.RadioSelect,
        initial="0",
        help_text=gettext_lazy(
            "Tố giác ẩn danh không được gọi lại để hỏi thêm và có thể không xử lý được nếu thiếu thông tin."
        ),
    )
    name = forms.CharField(label=gettext_lazy("Họ và tên"), required=False, max_length=100)
    phone = forms.CharField(
        label=gettext_lazy("Số điện thoại"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.CharField(
        label=gettext_lazy("Thư điện tử (để nhận mã tra cứu)"),
        required=False,
        max_length=200,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    id_number = forms.CharField(
        label=gettext_lazy("Số định danh cá nhân (CCCD)"),
        required=False,
        max_length=12,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    receipt_email = forms.CharField(
        label=gettext_lazy("Gửi ẩn danh: thư điện tử chỉ để nhận mã tra cứu (không bắt buộc)"),
        required=False,
        max_length=200,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=gettext_lazy(
            "Mã tra cứu và mã bí mật được gửi tới địa chỉ này một lần rồi xóa: không lưu cùng tố giác, "
            "cơ quan xử lý không thấy địa chỉ này."
        ),
    )
    consent = forms.BooleanField(
        label=gettext_lazy("Tôi đồng ý với việc xử lý dữ liệu cá nhân nêu trên."),
        error_messages={
            "required": gettext_lazy("Cần bạn đồng ý thì cơ quan công an mới xử lý được tố giác.")
        },
    )
    # A field people never see; scripts that fill every field give themselves away.
    website = forms.CharField(
        required=False,
        label="website",
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off", "class": "hp"}),
    )
    pow_challenge = forms.CharField(required=False, widget=forms.HiddenInput)
    pow_nonce = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_happened_on(self) -> Any:
        day = self.cleaned_data.get("happened_on")
        if day and day > timezone.localdate():
            raise forms.ValidationError(_("Ngày xảy ra không thể ở tương lai."))
        if day and day.year < 2000:
            raise forms.ValidationError(_("Ngày xảy ra không hợp lệ."))
        return day

    def clean_commune(self) -> Unit | None:
        """Today's commune, also from a name as it was before 1 July 2025 (orgs.places): a former name is
        answered with the commune it became, shown back in the field with the reason in `place_note`."""
        text = self.cleaned_data.get("commune", "").strip()
        if not text:
            return None
        exact = Unit.objects.filter(kind=UnitKind.COMMUNE, is_active=True, name__iexact=text).first()
        if exact:
            return exact
        answer = places.resolve(text)
        if answer.commune is None:
            raise forms.ValidationError(places.explain(answer, text))
        self.place_note = places.explain(answer, text)
        if self.place_note:
            self.data = self.data.copy()
            self.data[self.add_prefix("commune")] = answer.commune.name
        return answer.commune

    def clean_money_lost(self) -> int | None:
        amount = parse_money(self.cleaned_data.get("money_lost", ""))
        if amount is not None and amount > 10**13:
            raise forms.ValidationError(_("Số tiền quá lớn, hãy kiểm tra lại."))
        return amount

    def clean_identifiers(self) -> list[str]:
        lines = [
            line.strip() for line in self.cleaned_data.get("identifiers", "").splitlines() if line.strip()
        ]
        if len(lines) > MAX_IDENTIFIERS:
            raise forms.ValidationError(_("Tối đa %(count)s dòng.") % {"count": MAX_IDENTIFIERS})
        if any(len(line) > 300 for line in lines):
            raise forms.ValidationError(_("Mỗi dòng tối đa 300 ký tự."))
        return lines

    # One validation for the form and the API (toandan.reports.contact).
    def _contact(self, clean: Callable[[str], str], name: str) -> str:
        try:
            return clean(self.cleaned_data.get(name, ""))
        except ContactError as exc:
            raise forms.ValidationError(exc.message) from exc

    def clean_phone(self) -> str:
        return self._contact(contact.clean_phone, "phone")

    def clean_email(self) -> str:
        return self._contact(contact.clean_email, "email")

    def clean_receipt_email(self) -> str:
        return self._contact(contact.clean_email, "receipt_email")

    def clean_id_number(self) -> str:
        return self._contact(contact.clean_id_number, "id_number")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("website"):
            raise forms.ValidationError(_("Không gửi được tố giác. Vui lòng thử lại."))
        if data.get("anonymous"):
            # Sent anonymously: whatever was typed in the identity fields is ignored, errors included (without
            # JavaScript they stay on the page, with a note saying so).
            for name in IDENTITY_FIELDS:
                self._errors.pop(name, None)
                data[name] = ""
        if (
            data.get("anonymous") is False
            and not (data.get("phone") or data.get("email"))
            and not self.errors
        ):
            self.add_error("phone", _("Để lại số điện thoại hoặc thư điện tử, hoặc chọn gửi ẩn danh."))
        if data.get("anonymous") is False and data.get("receipt_email"):
            self.add_error(
                "receipt_email",
                _("Ô này chỉ dùng khi gửi ẩn danh; hãy ghi thư điện tử của bạn vào ô “Thư điện tử” ở trên."),
            )
        if data.get("commune") and data.get("outside_province"):
            self.add_error("outside_province", _("Đã chọn xã trong tỉnh: bỏ chọn ô “ngoài tỉnh”."))
        return data


class FollowForm(AccessibleForm):
    code = forms.CharField(
        label=gettext_lazy("Mã tra cứu"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocapitalize": "characters", "autocomplete": "off", "spellcheck": "false"}
        ),
    )
    key = forms.CharField(
        label=gettext_lazy("Mã bí mật"),
        max_length=30,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}, render_value=True),
    )

    def clean_code(self) -> str:
        code = normalize_code(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(
                _("Mã tra cứu không đúng dạng (ví dụ K7M2-Q9XH-4); hãy kiểm tra lại.")
            )
        return code


class AddInfoForm(FollowForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["evidence"].widget.attrs["accept"] = evidence_accept()

    text = forms.CharField(
        label=gettext_lazy("Thông tin bổ sung"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    evidence = MultipleFileField(
        label=gettext_lazy("Thêm tệp bằng chứng"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": "image/*,application/pdf,audio/*"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not self.errors and not data.get("text", "").strip() and not data.get("evidence"):
            raise forms.ValidationError(_("Hãy viết thông tin bổ sung hoặc chọn tệp."))
        return data
