"""The register of model practices (task 4 of the seed plan), their replications and commendations."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PracticeStatus(models.TextChoices):
    PROPOSED = "proposed", _("Đề xuất")
    RECOGNISED = "recognised", _("Được công nhận")


class Practice(models.Model):
    """A model (mô hình điển hình): the unit and commune that run it, what it does, evidence and results."""

    plan = models.ForeignKey(
        "plans.Plan", null=True, blank=True, on_delete=models.SET_NULL, related_name="model_practices"
    )
    name = models.CharField(_("tên mô hình"), max_length=200)
    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    commune = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("xã, phường"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind": "commune"},
    )
    description = models.TextField(_("cách làm"))
    evidence = models.TextField(
        _("minh chứng"), blank=True, help_text=_("Mỗi dòng một đường dẫn hoặc văn bản.")
    )
    results = models.TextField(_("kết quả"), blank=True)
    started_on = models.DateField(_("bắt đầu từ"), null=True, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=PracticeStatus.choices, default=PracticeStatus.PROPOSED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("mô hình điển hình")
        verbose_name_plural = _("mô hình điển hình")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def evidence_list(self) -> list[str]:
        return [line.strip() for line in self.evidence.splitlines() if line.strip()]


class Replication(models.Model):
    """A unit that took the practice up, where and since when."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="replications")
    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("đơn vị nhân rộng"), on_delete=models.PROTECT, related_name="+"
    )
    started_on = models.DateField(_("từ ngày"))
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        ordering = ["practice", "started_on"]
        constraints = [models.UniqueConstraint(fields=["practice", "unit"], name="replication_unique_unit")]

    def __str__(self) -> str:
        return f"{self.practice_id} @ {self.unit_id}"


class CommendationStatus(models.TextChoices):
    PROPOSED = "proposed", _("Đã đề xuất")
    APPROVED = "approved", _("Đã khen thưởng")
    DECLINED = "declined", _("Không khen thưởng")


class Commendation(models.Model):
    """A proposal to commend the people or unit behind a practice, and its outcome."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="commendations")
    nominee = models.CharField(_("tập thể, cá nhân được đề nghị"), max_length=300)
    form = models.CharField(_("hình thức khen thưởng"), max_length=200)
    status = models.CharField(
        _("trạng thái"),
        max_length=20,
        choices=CommendationStatus.choices,
        default=CommendationStatus.PROPOSED,
    )
    proposed_on = models.DateField(_("ngày đề xuất"), default=timezone.localdate)

    class Meta:
        ordering = ["practice", "proposed_on"]

    def __str__(self) -> str:
        return self.nominee
