"""Sign-in forms: password first, then the six-digit code from an authenticator app."""

from django import forms
from django.utils.translation import gettext_lazy as _

from toandan.core.forms import AccessibleForm


class PasswordLoginForm(AccessibleForm):
    username = forms.CharField(
        label=_("Tên đăng nhập"),
        max_length=150,
        widget=forms.TextInput(
            attrs={"autocomplete": "username", "autocapitalize": "none", "autofocus": True}
        ),
    )
    password = forms.CharField(
        label=_("Mật khẩu"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class TokenForm(AccessibleForm):
    token = forms.RegexField(
        label=_("Mã xác thực 6 chữ số"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("Mã gồm đúng 6 chữ số, xem trong ứng dụng xác thực.")},
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True, "maxlength": 8}
        ),
    )

    def clean_token(self) -> str:
        return self.cleaned_data["token"].strip()
