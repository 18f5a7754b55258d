"""Suggested category and priority of each report, and the officers' decisions on them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Priority(models.TextChoices):
    URGENT = "urgent", _("Khẩn cấp")
    HIGH = "high", _("Cao")
    NORMAL = "normal", _("Bình thường")
    LOW = "low", _("Thấp")


class CategorySource(models.TextChoices):
    MODEL = "model", _("Mô hình học từ các vụ đã xác nhận")
    KEYWORDS = "keywords", _("Từ khóa (chưa có mô hình)")
    REPORTER = "reporter", _("Giữ loại người dân chọn")


class CaseSuggestion(models.Model):
    """The category and priority suggested for one report, why, and where the officer left them."""

    report = models.OneToOneField("reports.Report", on_delete=models.CASCADE, related_name="triage")
    category = models.ForeignKey(
        "reports.ReportCategory", verbose_name=_("loại đề xuất"), on_delete=models.PROTECT, related_name="+"
    )
    priority = models.CharField(_("mức ưu tiên đề xuất"), max_length=10, choices=Priority.choices)
    # The category the reporter chose, kept to compare the suggestion with it.
    reported_category = models.ForeignKey(
        "reports.ReportCategory", on_delete=models.PROTECT, related_name="+"
    )
    category_source = models.CharField(max_length=10, choices=CategorySource.choices)
    model_version = models.CharField(_("phiên bản mô hình"), max_length=40, blank=True)
    # [[message id (Vietnamese), {placeholders}], ...]: translated when shown, in the reader's language.
    reasons = models.JSONField(default=list, blank=True)
    points = models.SmallIntegerField(default=0)
    message_score = models.FloatField(null=True, blank=True)
    message_verdict = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # The officer's decision (the last CaseCorrection row), kept here for accuracy queries.
    final_category = models.ForeignKey(
        "reports.ReportCategory",
        verbose_name=_("loại cán bộ xác nhận"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    final_priority = models.CharField(
        _("mức ưu tiên cán bộ xác nhận"), max_length=10, choices=Priority.choices, blank=True
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("đề xuất phân loại")
        verbose_name_plural = _("đề xuất phân loại")

    def __str__(self) -> str:
        return f"{self.report_id}: {self.category_id}/{self.priority}"

    def reason_texts(self) -> list[str]:
        """The reasons in the active language."""
        texts = []
        for item in self.reasons:
            message, params = (item[0], item[1]) if isinstance(item, list | tuple) else (str(item), {})
            texts.append(gettext(message) % params if params else gettext(message))
        return texts

    @property
    def current_priority(self) -> str:
        return self.final_priority or self.priority


class CaseCorrection(models.Model):
    """An officer's decision on a suggestion: confirmed as it was or corrected; rows are only added."""

    suggestion = models.ForeignKey(CaseSuggestion, on_delete=models.CASCADE, related_name="corrections")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    category_before = models.ForeignKey("reports.ReportCategory", on_delete=models.PROTECT, related_name="+")
    category_after = models.ForeignKey(
        "reports.ReportCategory", verbose_name=_("loại"), on_delete=models.PROTECT, related_name="+"
    )
    priority_before = models.CharField(max_length=10, choices=Priority.choices)
    priority_after = models.CharField(_("mức ưu tiên"), max_length=10, choices=Priority.choices)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("xác nhận phân loại")
        verbose_name_plural = _("xác nhận phân loại")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.suggestion_id} {self.at:%Y-%m-%d %H:%M}"
