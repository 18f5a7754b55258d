"""Indicators (phone numbers, accounts, links…) stored once and linked to every report that mentions them."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toandan.indicators.base import Kind


class IndicatorStatus(models.TextChoices):
    REPORTED = "reported", _("Bị tố giác, chưa xác minh")
    CONFIRMED = "confirmed", _("Đã xác nhận lừa đảo")
    CLEARED = "cleared", _("Đã gỡ bỏ")


class IndicatorRecord(models.Model):
    """One normalised indicator (phone number, account, link…); reports link to it via ReportIndicator."""

    kind = models.CharField(_("loại"), max_length=20, choices=[(k.value, k.value) for k in Kind])
    value = models.CharField(_("giá trị chuẩn hóa"), max_length=2000)
    display = models.CharField(_("cách hiển thị"), max_length=300, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=IndicatorStatus.choices, default=IndicatorStatus.REPORTED
    )
    first_seen = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("dấu hiệu")
        verbose_name_plural = _("dấu hiệu")
        constraints = [models.UniqueConstraint(fields=["kind", "value"], name="indicator_unique_value")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.display or self.value}"


class IndicatorSource(models.TextChoices):
    IDENTIFIERS = "identifiers", _("Người tố giác nhập")
    DESCRIPTION = "description", _("Trích từ nội dung")


class ReportIndicator(models.Model):
    """That a report mentions an indicator, and how the person wrote it."""

    report = models.ForeignKey("reports.Report", on_delete=models.CASCADE, related_name="indicator_links")
    indicator = models.ForeignKey(IndicatorRecord, on_delete=models.PROTECT, related_name="report_links")
    raw = models.CharField(_("như người dân nhập"), max_length=300, blank=True)
    source = models.CharField(max_length=20, choices=IndicatorSource.choices)
    linked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["report", "indicator"], name="report_indicator_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.report_id} → {self.indicator_id}"
