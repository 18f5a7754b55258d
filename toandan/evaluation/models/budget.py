"""Budget of a plan (section III): each task's estimate by unit and source, and what was spent."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toandan.orgs.models import UnitScopedQuerySet


class FundingSource(models.TextChoices):
    PROVINCE = "province", _("Ngân sách tỉnh")
    COMMUNE = "commune", _("Ngân sách xã")
    UNIT = "unit", _("Kinh phí thường xuyên của đơn vị")
    SOCIAL = "social", _("Xã hội hóa")
    OTHER = "other", _("Nguồn khác")


class BudgetLine(models.Model):
    """A unit's estimate for one task of a plan from one source, in đồng."""

    task = models.ForeignKey("plans.Task", on_delete=models.CASCADE, related_name="budget_lines")
    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    source = models.CharField(_("nguồn kinh phí"), max_length=20, choices=FundingSource.choices)
    estimate = models.PositiveBigIntegerField(_("dự toán (đồng)"))

    objects = UnitScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("dự toán")
        verbose_name_plural = _("dự toán")
        ordering = ["task", "unit", "source"]
        constraints = [
            models.UniqueConstraint(fields=["task", "unit", "source"], name="budget_line_unique_source")
        ]

    def __str__(self) -> str:
        return f"{self.task_id}/{self.unit_id}/{self.source}: {self.estimate}"


class Spending(models.Model):
    """Money spent against a budget line on a day; rows are added, a correction is a negative row."""

    line = models.ForeignKey(BudgetLine, on_delete=models.CASCADE, related_name="spendings")
    spent_on = models.DateField(_("ngày chi"))
    amount = models.BigIntegerField(_("số tiền (đồng)"))
    note = models.CharField(_("nội dung chi"), max_length=300)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("khoản chi")
        verbose_name_plural = _("khoản chi")
        ordering = ["spent_on", "id"]
        indexes = [models.Index(fields=["line", "spent_on"], name="spending_line_day_idx")]

    def __str__(self) -> str:
        return f"{self.line_id} {self.spent_on}: {self.amount}"
