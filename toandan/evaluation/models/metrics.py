"""Indicators of the movement a plan is evaluated by, and their targets per unit and period."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class MetricSource(models.TextChoices):
    COMPUTED = "computed", _("Tính từ dữ liệu của hệ thống")
    ENTERED = "entered", _("Do đơn vị nhập trong báo cáo định kỳ")


class Metric(models.Model):
    """One evaluation indicator of a plan: computed from the platform's records, or entered by units."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="evaluation_metrics")
    name = models.CharField(_("tên chỉ tiêu"), max_length=200)
    unit_label = models.CharField(_("đơn vị tính"), max_length=40, blank=True)
    source = models.CharField(_("nguồn số liệu"), max_length=20, choices=MetricSource.choices)
    computed_key = models.CharField(_("cách tính"), max_length=60, blank=True)
    plan_indicator = models.ForeignKey(
        "plans.Indicator",
        verbose_name=_("chỉ tiêu trong báo cáo định kỳ"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    deadline = models.DateField(
        _("hạn"),
        null=True,
        blank=True,
        help_text=_("Với chỉ tiêu về thời hạn (ví dụ ban hành kế hoạch thực hiện): để trống là cuối kỳ."),
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("chỉ tiêu đánh giá")
        verbose_name_plural = _("chỉ tiêu đánh giá")
        ordering = ["plan", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "name"], name="metric_unique_name"),
            models.CheckConstraint(
                condition=(models.Q(source="computed") & ~models.Q(computed_key=""))
                | (models.Q(source="entered") & models.Q(plan_indicator__isnull=False)),
                name="metric_source_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.unit_label})" if self.unit_label else self.name


class Target(models.Model):
    """The value a unit (or the whole province when no unit) should reach on a metric in a period."""

    metric = models.ForeignKey(Metric, on_delete=models.CASCADE, related_name="targets")
    period = models.ForeignKey("plans.ReportingPeriod", on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey("orgs.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    value = models.DecimalField(_("chỉ tiêu"), max_digits=18, decimal_places=2)

    class Meta:
        verbose_name = _("mục tiêu")
        verbose_name_plural = _("mục tiêu")
        constraints = [
            models.UniqueConstraint(fields=["metric", "period", "unit"], name="target_unique_unit"),
            models.UniqueConstraint(
                fields=["metric", "period"],
                condition=models.Q(unit__isnull=True),
                name="target_unique_province",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.metric_id}@{self.period_id}: {self.value}"
