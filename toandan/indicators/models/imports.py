"""External lists imported in bulk (e.g. a national list of scam domains), with their provenance."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toandan.indicators.models.records import IndicatorStatus


class ImportBatch(models.Model):
    """One imported list: where it came from, who imported it, what became of its rows."""

    source = models.CharField(
        _("nguồn"), max_length=200, help_text=_("Ví dụ: Cục An toàn thông tin, danh sách tên miền lừa đảo.")
    )
    source_url = models.URLField(_("địa chỉ nguồn"), max_length=500, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    file_format = models.CharField(max_length=10)
    status = models.CharField(
        _("đánh dấu là"), max_length=20, choices=IndicatorStatus.choices, default=IndicatorStatus.REPORTED
    )
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField(default=timezone.now)
    rows_total = models.PositiveIntegerField(default=0)
    rows_new = models.PositiveIntegerField(default=0)
    rows_known = models.PositiveIntegerField(default=0)
    rows_skipped = models.PositiveIntegerField(default=0)
    # Lines left out (only with skip_invalid): [{"line": 12, "text": "...", "error": "..."}].
    skipped = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("lần nhập danh sách")
        verbose_name_plural = _("các lần nhập danh sách")
        ordering = ["-imported_at"]

    def __str__(self) -> str:
        return f"{self.source} ({self.imported_at:%Y-%m-%d})"


class ImportedIndicator(models.Model):
    """That an imported list named an indicator, on which line and as written."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="rows")
    indicator = models.ForeignKey(
        "indicators.IndicatorRecord", on_delete=models.PROTECT, related_name="import_rows"
    )
    line = models.PositiveIntegerField()
    raw = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["batch", "indicator"], name="imported_indicator_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.batch_id}:{self.line}"
