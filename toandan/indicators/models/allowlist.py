"""The official allow-list: numbers, domains and accounts that really belong to agencies and banks."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toandan.indicators.models.records import KIND_CHOICES


class AllowedIndicator(models.Model):
    """An official number, domain or account of an agency or bank; only verified entries are shown as such."""

    kind = models.CharField(_("loại"), max_length=20, choices=KIND_CHOICES)
    value = models.CharField(
        _("giá trị"),
        max_length=2000,
        help_text=_("Nhập như thường viết (1900 545413, vietcombank.com.vn…); hệ thống tự chuẩn hóa."),
    )
    display = models.CharField(_("cách hiển thị"), max_length=300, blank=True)
    organisation = models.CharField(_("cơ quan, tổ chức"), max_length=200)
    include_subdomains = models.BooleanField(
        _("gồm cả tên miền con"),
        default=True,
        help_text=_(
            "Chỉ dùng cho tên miền: mọi tên miền con và đường link trên tên miền này đều là chính thức."
        ),
    )
    source = models.CharField(
        _("nguồn xác minh"),
        max_length=300,
        blank=True,
        help_text=_("Nơi đã đối chiếu, ví dụ văn bản, trang web."),
    )
    note = models.TextField(_("ghi chú"), blank=True)
    verified = models.BooleanField(
        _("đã được quản trị viên kiểm tra"),
        default=False,
        help_text=_("Chỉ mục đã kiểm tra mới được hiển thị cho người dân là “chính thức”."),
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("mục trong danh sách chính thức")
        verbose_name_plural = _("danh sách chính thức (số, tên miền thật của cơ quan, ngân hàng)")
        ordering = ["organisation", "kind", "value"]
        constraints = [models.UniqueConstraint(fields=["kind", "value"], name="allowed_indicator_unique")]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.display or self.value}"
