"""Partner organisations (telecoms, banks, internet providers) that fetch the confirmed-indicator feeds."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PartnerKind(models.TextChoices):
    TELECOM = "telecom", _("Nhà mạng viễn thông")
    BANK = "bank", _("Ngân hàng, trung gian thanh toán")
    ISP = "isp", _("Nhà cung cấp dịch vụ Internet, DNS")
    AGENCY = "agency", _("Cơ quan nhà nước")
    OTHER = "other", _("Khác")


class Partner(models.Model):
    """An organisation allowed to fetch the feeds, with its own revocable API tokens."""

    name = models.CharField(_("tên tổ chức"), max_length=200, unique=True)
    kind = models.CharField(_("loại"), max_length=20, choices=PartnerKind.choices)
    contact = models.CharField(_("đầu mối liên hệ"), max_length=300, blank=True)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("đối tác nhận danh sách")
        verbose_name_plural = _("đối tác nhận danh sách")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PartnerToken(models.Model):
    """One API token of a partner: prefix and SHA-256 hash stored; a revoked token stops working."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="tokens")
    prefix = models.CharField(max_length=16, unique=True)
    token_hash = models.CharField(max_length=64)
    label = models.CharField(_("ghi chú"), max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("khóa API của đối tác")
        verbose_name_plural = _("khóa API của đối tác")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.partner}: {self.prefix}…"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class PartnerAccess(models.Model):
    """One use of a partner token: which feed, from where, how many items; rows are only added."""

    token = models.ForeignKey(PartnerToken, on_delete=models.CASCADE, related_name="accesses")
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="accesses")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    feed = models.CharField(max_length=20)
    since = models.DateTimeField(null=True, blank=True)
    items = models.PositiveIntegerField(default=0)
    ip = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.partner_id} {self.feed} {self.at:%Y-%m-%d %H:%M}"
