"""Waves of near-identical reports (one scam script sent to many people) and warnings drafted from them."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class WaveQuerySet(models.QuerySet):
    def visible_to(self, user: Any) -> WaveQuerySet:
        """Waves with at least one member report the user may see (every wave for province-wide roles)."""
        from toandan.reports.models import Report

        return self.filter(
            pk__in=WaveMember.objects.filter(report__in=Report.objects.visible_to(user)).values("wave_id")
        )

    def shown(self) -> WaveQuerySet:
        """Live waves large enough to be called a wave."""
        from toandan.triage import conf

        return self.filter(merged_into__isnull=True, size__gte=conf.waves()["min_size"])


class Wave(models.Model):
    """A group of reports repeating one scam script, found by MinHash/LSH over their masked texts."""

    first_seen = models.DateTimeField(_("lần đầu"), db_index=True)
    last_seen = models.DateTimeField(_("lần gần nhất"), db_index=True)
    # Cached count of the members, kept by the detection run that adds them.
    size = models.PositiveIntegerField(_("số tố giác"), default=0, db_index=True)
    # Masked text (numbers, links, names and amounts replaced) of the member that started the wave.
    sample = models.TextField(_("nội dung tiêu biểu (đã che thông tin)"), blank=True)
    signature = models.BinaryField(editable=False)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = WaveQuerySet.as_manager()

    class Meta:
        verbose_name = _("đợt lừa đảo")
        verbose_name_plural = _("đợt lừa đảo")
        ordering = ["-size", "-last_seen"]

    def __str__(self) -> str:
        return f"wave {self.pk} ({self.size})"


class WaveMember(models.Model):
    """That a report was read by wave detection and belongs to a wave (alone in it until others join)."""

    report = models.OneToOneField("reports.Report", on_delete=models.CASCADE, related_name="wave_membership")
    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="members")
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["wave", "joined_at"], name="triage_wavemember_wave_idx")]

    def __str__(self) -> str:
        return f"{self.report_id} → {self.wave_id}"


class WaveBucket(models.Model):
    """One LSH band bucket (band number hashed with the band's MinHash values) and the wave it leads to."""

    key = models.BigIntegerField(unique=True)
    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="buckets")

    def __str__(self) -> str:
        return f"{self.key} → {self.wave_id}"


class WaveSize(models.Model):
    """A wave's size after one detection run: how it grew over time."""

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="sizes")
    at = models.DateTimeField(default=timezone.now)
    size = models.PositiveIntegerField()

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.wave_id} {self.size} @ {self.at:%Y-%m-%d %H:%M}"


class DetectionRun(models.Model):
    """One incremental pass of wave detection over the reports not read before."""

    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    last_report_id = models.BigIntegerField(default=0)
    reports_read = models.PositiveIntegerField(default=0)
    waves_changed = models.PositiveIntegerField(default=0)
    drafts_proposed = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"run {self.pk}: {self.reports_read} reports"


class WarningStatus(models.TextChoices):
    DRAFT = "draft", _("Bản nháp")
    APPROVED = "approved", _("Đã duyệt")
    REJECTED = "rejected", _("Không duyệt")


class WarningDraft(models.Model):
    """A public warning drafted from a growing wave, waiting for an editor's approval."""

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="drafts")
    title = models.CharField(_("tiêu đề"), max_length=200)
    body = models.TextField(_("nội dung"))
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=WarningStatus.choices, default=WarningStatus.DRAFT
    )
    wave_size = models.PositiveIntegerField(_("số tố giác khi soạn"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("dự thảo cảnh báo")
        verbose_name_plural = _("dự thảo cảnh báo")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class WarningDraftEvent(models.Model):
    """One step of a draft's review (proposed, approved, rejected); rows are only added."""

    draft = models.ForeignKey(WarningDraft, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    from_status = models.CharField(max_length=10, choices=WarningStatus.choices, blank=True)
    to_status = models.CharField(max_length=10, choices=WarningStatus.choices)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.draft_id} → {self.to_status}"
