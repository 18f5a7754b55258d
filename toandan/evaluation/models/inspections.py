"""Inspections of units: a checklist template per plan, each inspection's scores, findings and follow-ups."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toandan.orgs.models import UnitScopedQuerySet


class ChecklistTemplate(models.Model):
    """The list of points inspectors check at each unit under a plan."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="checklist_templates")
    name = models.CharField(_("tên mẫu"), max_length=200)

    class Meta:
        verbose_name = _("mẫu danh mục kiểm tra")
        verbose_name_plural = _("mẫu danh mục kiểm tra")
        ordering = ["plan", "name"]

    def __str__(self) -> str:
        return self.name


class ChecklistItem(models.Model):
    """One point of a checklist and the highest score it can get."""

    template = models.ForeignKey(ChecklistTemplate, on_delete=models.CASCADE, related_name="items")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    text = models.CharField(_("nội dung kiểm tra"), max_length=300)
    max_score = models.PositiveSmallIntegerField(_("điểm tối đa"), default=10)

    class Meta:
        ordering = ["template", "order", "id"]

    def __str__(self) -> str:
        return self.text


class InspectionStatus(models.TextChoices):
    DRAFT = "draft", _("Đang kiểm tra")
    CONCLUDED = "concluded", _("Đã kết luận")


class Inspection(models.Model):
    """One inspection of one unit under a plan: team, date, scores, findings and conclusion."""

    template = models.ForeignKey(ChecklistTemplate, on_delete=models.PROTECT, related_name="inspections")
    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("đơn vị được kiểm tra"), on_delete=models.PROTECT, related_name="+"
    )
    inspected_on = models.DateField(_("ngày kiểm tra"))
    place = models.CharField(_("địa điểm"), max_length=200, blank=True)
    team = models.TextField(
        _("thành phần đoàn kiểm tra"), help_text=_("Mỗi dòng một người: họ tên, chức vụ.")
    )
    findings = models.TextField(_("kết quả kiểm tra, tồn tại, hạn chế"), blank=True)
    conclusion = models.TextField(_("kết luận, kiến nghị"), blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=InspectionStatus.choices, default=InspectionStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = UnitScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("cuộc kiểm tra")
        verbose_name_plural = _("cuộc kiểm tra")
        ordering = ["-inspected_on", "-id"]

    def __str__(self) -> str:
        return f"{self.unit} {self.inspected_on:%d/%m/%Y}"

    def team_list(self) -> list[str]:
        return [line.strip() for line in self.team.splitlines() if line.strip()]


class InspectionScore(models.Model):
    """The score an inspection gave one checklist point, with the inspectors' note."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="scores")
    item = models.ForeignKey(ChecklistItem, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(_("điểm"))
    note = models.CharField(_("nhận xét"), max_length=500, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["inspection", "item"], name="inspection_score_unique")]

    def __str__(self) -> str:
        return f"{self.item_id}={self.score}"


class FollowUp(models.Model):
    """An action the inspection requires: owner unit, deadline, and the plan task that tracks it."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="follow_ups")
    action = models.CharField(_("việc phải làm"), max_length=500)
    owner = models.ForeignKey(
        "orgs.Unit", verbose_name=_("đơn vị thực hiện"), on_delete=models.PROTECT, related_name="+"
    )
    due_on = models.DateField(_("hạn hoàn thành"))
    task = models.OneToOneField(
        "plans.Task", null=True, blank=True, on_delete=models.SET_NULL, related_name="inspection_follow_up"
    )

    class Meta:
        ordering = ["inspection", "due_on", "id"]

    def __str__(self) -> str:
        return self.action


class InspectionEvent(models.Model):
    """One change of an inspection's status; rows are only ever added."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    from_status = models.CharField(max_length=20, choices=InspectionStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=InspectionStatus.choices)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status or '∅'} → {self.to_status}"
