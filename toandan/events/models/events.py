"""Trainings, workshops, seminars and community sessions, each carrying out one task of a plan."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toandan.orgs.models import UnitScopedQuerySet


class EventKind(models.TextChoices):
    TRAINING = "training", _("Tập huấn")
    WORKSHOP = "workshop", _("Hội thảo")
    SEMINAR = "seminar", _("Tọa đàm")
    COMMUNITY = "community", _("Buổi sinh hoạt cộng đồng")
    SCHOOL = "school", _("Buổi ngoại khóa ở trường học")


class Audience(models.TextChoices):
    STAFF = "staff", _("Cán bộ, công chức")
    FORCES = "forces", _("Lực lượng công an, quân sự")
    TEACHERS = "teachers", _("Giáo viên")
    STUDENTS = "students", _("Học sinh, sinh viên")
    CITIZENS = "citizens", _("Người dân")
    ELDERLY = "elderly", _("Người cao tuổi")
    BUSINESS = "business", _("Doanh nghiệp, hộ kinh doanh")
    PRESS = "press", _("Phóng viên, biên tập viên")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Bản nháp")
    PUBLISHED = "published", _("Đang mở")
    CANCELLED = "cancelled", _("Đã hủy")


class EventQuerySet(UnitScopedQuerySet):
    unit_field = "organiser"

    def public(self) -> EventQuerySet:
        return self.filter(status=EventStatus.PUBLISHED, is_public=True)

    def upcoming(self) -> EventQuerySet:
        return self.filter(ends_at__gte=timezone.now())


class Event(models.Model):
    """One event: what, for whom, when and where, and the plan task it carries out."""

    task = models.ForeignKey(
        "plans.Task", verbose_name=_("nhiệm vụ kế hoạch"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("tên sự kiện"), max_length=200)
    kind = models.CharField(_("hình thức"), max_length=20, choices=EventKind.choices)
    topic = models.CharField(
        _("chủ đề"),
        max_length=120,
        help_text=_("Ví dụ: Nhận diện lừa đảo qua mạng. Dùng để so sánh hiệu quả."),
    )
    description = models.TextField(_("giới thiệu"), blank=True)
    organiser = models.ForeignKey(
        "orgs.Unit", verbose_name=_("đơn vị tổ chức"), on_delete=models.PROTECT, related_name="+"
    )
    participating_units = models.ManyToManyField(
        "orgs.Unit", verbose_name=_("đơn vị tham gia"), blank=True, related_name="+"
    )
    audience = models.CharField(_("đối tượng"), max_length=20, choices=Audience.choices)
    starts_at = models.DateTimeField(_("bắt đầu"))
    ends_at = models.DateTimeField(_("kết thúc"))
    commune = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("xã, phường tổ chức"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind": "commune"},
    )
    venue = models.CharField(_("địa điểm"), max_length=300, blank=True)
    online_url = models.URLField(_("đường dẫn trực tuyến"), blank=True)
    capacity = models.PositiveIntegerField(
        _("số chỗ"), help_text=_("Người đăng ký vượt số chỗ vào danh sách chờ.")
    )
    agenda = models.TextField(_("chương trình"), blank=True)
    speakers = models.TextField(_("báo cáo viên"), blank=True, help_text=_("Mỗi dòng một người."))
    pass_percent = models.PositiveSmallIntegerField(
        _("điểm đạt bài kiểm tra sau (%)"), default=70, help_text=_("Để cấp giấy chứng nhận.")
    )
    is_public = models.BooleanField(_("người dân tự đăng ký"), default=True)
    status = models.CharField(
        _("tình trạng"), max_length=20, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)
    figures_update = models.ForeignKey(
        "plans.ProgressUpdate",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("sự kiện")
        verbose_name_plural = _("sự kiện")
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["status", "starts_at"], name="event_status_start_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_start",
                violation_error_message=_("Giờ kết thúc phải sau giờ bắt đầu."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def speaker_list(self) -> list[str]:
        return [line.strip() for line in self.speakers.splitlines() if line.strip()]

    @property
    def is_over(self) -> bool:
        return self.ends_at < timezone.now()


def material_path(instance: EventMaterial, filename: str) -> str:
    return f"events/{instance.event_id}/{filename}"


class EventMaterial(models.Model):
    """A file handed out at an event (slides, leaflet): type sniffed, metadata stripped, served by a view."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="materials")
    file = models.FileField(upload_to=material_path, max_length=300)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=60)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.original_name


class EventHistory(models.Model):
    """One change of an event's status (created, published, cancelled, …), with who made it."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="history")
    at = models.DateTimeField(default=timezone.now)
    from_status = models.CharField(max_length=20, blank=True, choices=EventStatus.choices)
    to_status = models.CharField(max_length=20, choices=EventStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("lịch sử sự kiện")
        verbose_name_plural = _("lịch sử sự kiện")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.event_id}: {self.from_status or '∅'} → {self.to_status}"
