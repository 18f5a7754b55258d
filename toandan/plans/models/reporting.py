"""The reporting regime of a plan: which periodic reports units owe, the periods, the reports themselves,
their history, and the reminders already sent."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toandan.orgs.models import UnitScopedQuerySet
from toandan.plans import periods
from toandan.plans.periods import Frequency


class ReportingRule(models.Model):
    """A periodic report the plan requires (e.g. quarterly) and how many working days after the Decree 09
    cut-off it is due."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="reporting_rules")
    frequency = models.CharField(_("kỳ báo cáo"), max_length=20, choices=Frequency.choices)
    due_working_days = models.PositiveSmallIntegerField(
        _("hạn gửi (số ngày làm việc sau ngày chốt số liệu)"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
    )

    class Meta:
        verbose_name = _("chế độ báo cáo")
        verbose_name_plural = _("chế độ báo cáo")
        constraints = [models.UniqueConstraint(fields=["plan", "frequency"], name="rule_unique_frequency")]

    def __str__(self) -> str:
        return f"{self.plan.number}: {self.get_frequency_display()}"


class ReportingPeriod(models.Model):
    """One period a plan's units report on: its cut-off window and due date (from the plan's rule)."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="periods")
    frequency = models.CharField(_("kỳ báo cáo"), max_length=20, choices=Frequency.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    index = models.PositiveSmallIntegerField(_("kỳ thứ"))
    starts_on = models.DateField(_("chốt số liệu từ ngày"))
    ends_on = models.DateField(_("chốt số liệu đến ngày"))
    due_on = models.DateField(_("hạn gửi báo cáo"))

    class Meta:
        verbose_name = _("kỳ báo cáo")
        verbose_name_plural = _("kỳ báo cáo")
        ordering = ["plan", "ends_on", "frequency"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "frequency", "year", "index"], name="period_unique"),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return periods.label(self.frequency, self.year, self.index)


class PeriodReportStatus(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    SUBMITTED = "submitted", _("Đã gửi")
    RETURNED = "returned", _("Trả lại để bổ sung")


class PeriodReport(models.Model):
    """A unit's report for one period: narrative and numbers; late when first sent after the due date."""

    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="reports")
    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="plan_period_reports"
    )
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=PeriodReportStatus.choices, default=PeriodReportStatus.DRAFT
    )
    narrative = models.TextField(_("nội dung báo cáo"), blank=True)
    submitted_at = models.DateTimeField(_("thời điểm gửi lần đầu"), null=True, blank=True)
    updated_at = models.DateTimeField(_("cập nhật lần cuối"), default=timezone.now)

    objects = UnitScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("báo cáo định kỳ")
        verbose_name_plural = _("báo cáo định kỳ")
        ordering = ["period", "unit__name"]
        constraints = [models.UniqueConstraint(fields=["period", "unit"], name="period_report_unique_unit")]

    def __str__(self) -> str:
        return f"{self.period} – {self.unit}"

    def is_late(self, today: date | None = None) -> bool:
        """Sent after the due date, or not sent and the due date has passed."""
        if self.submitted_at is not None:
            return timezone.localdate(self.submitted_at) > self.period.due_on
        return (today or timezone.localdate()) > self.period.due_on


class PeriodReportValue(models.Model):
    """One number of a period report for one of the plan's indicators."""

    report = models.ForeignKey(PeriodReport, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey("plans.Indicator", on_delete=models.CASCADE, related_name="+")
    value = models.PositiveIntegerField(_("số liệu"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "indicator"], name="report_value_unique")]

    def __str__(self) -> str:
        return f"{self.indicator_id}={self.value}"


class PeriodReportEvent(models.Model):
    """One change of a period report's status; rows are only ever added."""

    report = models.ForeignKey(PeriodReport, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    from_status = models.CharField(max_length=20, choices=PeriodReportStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=PeriodReportStatus.choices)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status or '∅'} → {self.to_status} {self.at:%Y-%m-%d}"


class ReminderKind(models.TextChoices):
    TASK_DUE_SOON = "task_due_soon", _("Nhiệm vụ sắp đến hạn")
    TASK_OVERDUE = "task_overdue", _("Nhiệm vụ quá hạn")
    REPORT_DUE_SOON = "report_due_soon", _("Báo cáo định kỳ sắp đến hạn")
    REPORT_OVERDUE = "report_overdue", _("Báo cáo định kỳ quá hạn")


class ReminderLog(models.Model):
    """A reminder e-mail already sent, keyed by what it was about, so that it is never sent twice."""

    key = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=20, choices=ReminderKind.choices)
    unit = models.ForeignKey("orgs.Unit", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)
    recipients = models.PositiveSmallIntegerField(default=0)

    objects = UnitScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return self.key
