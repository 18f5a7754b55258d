"""Records of the platform's personal-data duties: the retention schedule and its runs, data subjects'
requests, and personal-data breaches — each with history rows that are only ever added."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

USER = settings.AUTH_USER_MODEL


class RetentionRule(models.Model):
    """How many days one kind of personal data (core.personal_data.PersonalDataKind.key) is kept; a kind
    without a row keeps its declared default."""

    kind = models.CharField(_("loại dữ liệu"), max_length=60, unique=True)
    days = models.PositiveIntegerField(_("số ngày lưu giữ"), null=True, blank=True)
    changed_at = models.DateTimeField(default=timezone.now)
    changed_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("thời hạn lưu giữ")
        verbose_name_plural = _("lịch lưu giữ dữ liệu cá nhân")

    def __str__(self) -> str:
        return f"{self.kind}: {self.days}"


class RetentionRuleChange(models.Model):
    """One change of a retention period: who, when, from what to what, and why."""

    kind = models.CharField(max_length=60, db_index=True)
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    from_days = models.PositiveIntegerField(null=True, blank=True)
    to_days = models.PositiveIntegerField(null=True, blank=True)
    reason = models.TextField()

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.kind}: {self.from_days} -> {self.to_days}"


class RunTrigger(models.TextChoices):
    SCHEDULED = "scheduled", _("Tự động theo lịch")
    MANUAL = "manual", _("Quản trị viên chạy")


class RetentionRun(models.Model):
    """One run of the retention task: per kind, the period applied, the cut-off and how many records it
    anonymised or deleted."""

    started_at = models.DateTimeField(default=timezone.now, db_index=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    trigger = models.CharField(max_length=20, choices=RunTrigger.choices)
    actor = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    results = models.JSONField(default=dict)
    total = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M}: {self.total}"


class RequestKind(models.TextChoices):
    ACCESS = "access", _("Xem, nhận bản sao dữ liệu")
    CORRECTION = "correction", _("Chỉnh sửa dữ liệu")
    DELETION = "deletion", _("Xóa dữ liệu")
    WITHDRAWAL = "withdrawal", _("Rút lại sự đồng ý")


class RequestStatus(models.TextChoices):
    RECEIVED = "received", _("Đã tiếp nhận")
    IN_PROGRESS = "in_progress", _("Đang xử lý")
    DONE = "done", _("Đã thực hiện, trả lời")
    REFUSED = "refused", _("Từ chối, có lý do")


class SubjectRequest(models.Model):
    """A data subject's request (access, correction, deletion, withdrawal of consent) about their records."""

    code = models.CharField(_("mã yêu cầu"), max_length=16, unique=True)
    kind = models.CharField(_("loại yêu cầu"), max_length=20, choices=RequestKind.choices)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.RECEIVED
    )
    # core.personal_data.SubjectRecords.key and the reference the subject gave (a tracking code…)
    record_type = models.CharField(_("loại hồ sơ"), max_length=40)
    reference = models.CharField(_("mã hồ sơ"), max_length=40)
    subject_name = models.TextField(blank=True)  # encrypted (core.crypto)
    subject_contact = models.TextField(blank=True)  # encrypted (core.crypto)
    details = models.TextField(_("nội dung yêu cầu"), blank=True)
    received_at = models.DateTimeField(_("thời điểm tiếp nhận"), default=timezone.now, db_index=True)
    answer = models.TextField(_("trả lời"), blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("yêu cầu của chủ thể dữ liệu")
        verbose_name_plural = _("yêu cầu của chủ thể dữ liệu")
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return self.code


class SubjectRequestEvent(models.Model):
    """One step of a data subject's request."""

    request = models.ForeignKey(SubjectRequest, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    from_status = models.CharField(max_length=20, choices=RequestStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=RequestStatus.choices)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.request_id}: {self.to_status}"


class BreachStatus(models.TextChoices):
    OPEN = "open", _("Mới phát hiện, chưa thông báo")
    NOTIFIED = "notified", _("Đã thông báo cơ quan chức năng")
    CLOSED = "closed", _("Đã khắc phục, đóng")


class Breach(models.Model):
    """A personal-data breach: what happened, whose data, what was done, and when the authority was told."""

    title = models.CharField(_("tóm tắt"), max_length=200)
    description = models.TextField(_("diễn biến"))
    discovered_at = models.DateTimeField(_("thời điểm phát hiện"), default=timezone.now)
    data_kinds = models.TextField(_("loại dữ liệu bị ảnh hưởng"))
    subjects_estimate = models.PositiveIntegerField(_("số người có thể bị ảnh hưởng"), null=True, blank=True)
    measures = models.TextField(_("biện pháp đã áp dụng"), blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=BreachStatus.choices, default=BreachStatus.OPEN
    )
    notified_at = models.DateTimeField(_("thời điểm thông báo"), null=True, blank=True)
    notice_reference = models.CharField(_("số văn bản thông báo"), max_length=100, blank=True)
    recorded_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("sự cố dữ liệu cá nhân")
        verbose_name_plural = _("sổ sự cố dữ liệu cá nhân")
        ordering = ["-discovered_at"]

    def __str__(self) -> str:
        return self.title


class BreachEvent(models.Model):
    """One step of a breach's handling."""

    breach = models.ForeignKey(Breach, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    from_status = models.CharField(max_length=20, choices=BreachStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=BreachStatus.choices)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.breach_id}: {self.to_status}"
