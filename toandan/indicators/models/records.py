"""Indicators (phone numbers, accounts, links…) stored once, linked to every report that mentions them, and
the history of what officers decided about each."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toandan.identifiers.base import Kind

KIND_LABELS = {
    Kind.PHONE: _("số điện thoại"),
    Kind.BANK_ACCOUNT: _("tài khoản ngân hàng"),
    Kind.URL: _("đường link"),
    Kind.DOMAIN: _("tên miền"),
    Kind.EMAIL: _("địa chỉ thư điện tử"),
    Kind.SOCIAL: _("tài khoản mạng xã hội"),
    Kind.CRYPTO_WALLET: _("ví tiền mã hóa"),
}
KIND_CHOICES = [(kind.value, label) for kind, label in KIND_LABELS.items()]


class IndicatorStatus(models.TextChoices):
    REPORTED = "reported", _("Bị tố giác, chưa xác minh")
    CONFIRMED = "confirmed", _("Đã xác nhận lừa đảo")
    CLEARED = "cleared", _("Đã gỡ bỏ")


class IndicatorRecord(models.Model):
    """One normalised indicator (phone number, account, link…); reports link to it via ReportIndicator."""

    kind = models.CharField(_("loại"), max_length=20, choices=KIND_CHOICES)
    value = models.CharField(_("giá trị chuẩn hóa"), max_length=2000)
    display = models.CharField(_("cách hiển thị"), max_length=300, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=IndicatorStatus.choices, default=IndicatorStatus.REPORTED
    )
    first_seen = models.DateTimeField(default=timezone.now)
    # Kept by the services that change the status (the history rows are the record): feeds select on them.
    status_changed_at = models.DateTimeField(_("đổi trạng thái lúc"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("xác nhận lúc"), null=True, blank=True)
    category = models.ForeignKey(
        "reports.ReportCategory",
        verbose_name=_("loại hành vi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("dấu hiệu")
        verbose_name_plural = _("dấu hiệu")
        constraints = [models.UniqueConstraint(fields=["kind", "value"], name="indicator_unique_value")]
        indexes = [models.Index(fields=["status", "status_changed_at"], name="indicator_status_changed_idx")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.display or self.value}"

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS.get(Kind(self.kind), self.kind))


class IndicatorSource(models.TextChoices):
    IDENTIFIERS = "identifiers", _("Người tố giác nhập")
    DESCRIPTION = "description", _("Trích từ nội dung")


class ReportIndicator(models.Model):
    """That a report mentions an indicator, and how the person wrote it."""

    # Indexed by report_indicator_unique, which starts with it.
    report = models.ForeignKey(
        "reports.Report", on_delete=models.CASCADE, related_name="indicator_links", db_index=False
    )
    # Indexed by reportlink_indicator_idx, which starts with it.
    indicator = models.ForeignKey(
        IndicatorRecord, on_delete=models.PROTECT, related_name="report_links", db_index=False
    )
    raw = models.CharField(_("như người dân nhập"), max_length=300, blank=True)
    source = models.CharField(max_length=20, choices=IndicatorSource.choices)
    linked_at = models.DateTimeField(default=timezone.now)
    # False when the report is likely a repeat of an incident already counted (the same story sent again):
    # the public check and the scorer count incidents, not submissions (reports.repeats keeps it).
    counts = models.BooleanField(_("được đếm"), default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["report", "indicator"], name="report_indicator_unique"),
        ]
        # An indicator's latest reports in one index walk (reports.repeats' sweep, during a scam wave).
        indexes = [models.Index(fields=["indicator", "report"], name="reportlink_indicator_idx")]

    def __str__(self) -> str:
        return f"{self.report_id} → {self.indicator_id}"


class EventKind(models.TextChoices):
    CONFIRMED = "confirmed", _("Xác nhận lừa đảo")
    CLEARED = "cleared", _("Gỡ bỏ")
    IMPORTED = "imported", _("Nhập từ danh sách bên ngoài")
    APPEAL_FILED = "appeal_filed", _("Nhận khiếu nại")
    APPEAL_DECIDED = "appeal_decided", _("Quyết định về khiếu nại")


class ClearReason(models.TextChoices):
    FALSE_REPORT = "false_report", _("Tố giác không đúng sự thật")
    APPEAL_UPHELD = "appeal_upheld", _("Khiếu nại được chấp nhận")
    ALLOWLISTED = "allowlisted", _("Có trong danh sách chính thức")


class IndicatorEvent(models.Model):
    """One step in an indicator's history (confirmed, cleared, appeal filed or decided); only ever added."""

    indicator = models.ForeignKey(IndicatorRecord, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    from_status = models.CharField(max_length=20, choices=IndicatorStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=IndicatorStatus.choices, blank=True)
    reason = models.CharField(max_length=20, choices=ClearReason.choices, blank=True)
    report = models.ForeignKey(
        "reports.Report", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    appeal = models.ForeignKey(
        "indicators.Appeal", null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    batch = models.ForeignKey(
        "indicators.ImportBatch", null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.kind} {self.at:%Y-%m-%d %H:%M}"


def report_model() -> Any:
    """``reports.Report``, reached through the link's foreign key.

    Indicators sit below reports: their models name reports' models by string, and code here reaches them
    through those relations (this and ``category_model``) instead of importing the reports app."""
    return ReportIndicator._meta.get_field("report").related_model


def category_model() -> Any:
    """``reports.ReportCategory``, reached through an indicator's category (see ``report_model``)."""
    return IndicatorRecord._meta.get_field("category").related_model
