"""Tasks of a plan, the units assigned to them, and the progress updates units post.

An assignment's status is never stored: it is derived from its latest update and the task's dates, in Python
by `derive_status` and in SQL by `AssignmentQuerySet.with_status` (the same rule).
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Case, OuterRef, Subquery, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toandan.core.files import StoredFile
from toandan.orgs.models import UnitScopedQuerySet


class AssignmentRole(models.TextChoices):
    LEAD = "lead", _("Chủ trì")
    SUPPORT = "support", _("Phối hợp")


class ProgressState(models.TextChoices):
    """What a unit reports in an update; the update rows are the history of an assignment's status."""

    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE = "done", _("Đã hoàn thành")


class AssignmentStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Chưa bắt đầu")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE = "done", _("Đã hoàn thành")
    OVERDUE = "overdue", _("Quá hạn")


def derive_status(last_state: str | None, end: date | None, today: date) -> AssignmentStatus:
    """Done once the latest update says so; otherwise overdue after the end date; else by whether any
    update exists."""
    if last_state == ProgressState.DONE:
        return AssignmentStatus.DONE
    if end is not None and end < today:
        return AssignmentStatus.OVERDUE
    if last_state:
        return AssignmentStatus.IN_PROGRESS
    return AssignmentStatus.NOT_STARTED


class Task(models.Model):
    """One task of a plan: numbering, text and time frame (start, end, recurring, phrase as written)."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="tasks")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    ref = models.CharField(_("số thứ tự trong kế hoạch"), max_length=30)
    section = models.CharField(_("mục"), max_length=20, blank=True)
    title = models.TextField(_("nhiệm vụ"))
    body = models.TextField(_("nội dung"), blank=True)
    start = models.DateField(_("bắt đầu"), null=True, blank=True)
    end = models.DateField(_("hạn hoàn thành"), null=True, blank=True)
    recurring = models.BooleanField(_("thường xuyên"), default=False)
    time_text = models.CharField(_("thời gian (như ghi)"), max_length=300, blank=True)
    flagged = models.BooleanField(
        _("thời gian cần kiểm tra"), default=False, help_text=_("Cụm từ thời gian không đọc được tự động.")
    )
    lead_text = models.TextField(_("đơn vị chủ trì (như ghi)"), blank=True)
    support_text = models.TextField(_("đơn vị phối hợp (như ghi)"), blank=True)

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering = ["plan", "order", "id"]

    def __str__(self) -> str:
        return f"{self.ref}. {self.title[:80]}"


class AssignmentQuerySet(UnitScopedQuerySet):
    def with_status(self, today: date | None = None) -> AssignmentQuerySet:
        """Annotate `last_state` (latest update) and `status`, the SQL form of `derive_status`."""
        today = today or timezone.localdate()
        latest = ProgressUpdate.objects.filter(assignment=OuterRef("pk")).order_by("-at", "-id")
        return self.annotate(last_state=Subquery(latest.values("state")[:1])).annotate(
            status=Case(
                When(last_state=ProgressState.DONE, then=Value(AssignmentStatus.DONE.value)),
                When(task__end__lt=today, then=Value(AssignmentStatus.OVERDUE.value)),
                When(last_state__isnull=False, then=Value(AssignmentStatus.IN_PROGRESS.value)),
                default=Value(AssignmentStatus.NOT_STARTED.value),
                output_field=models.CharField(),
            )
        )

    def open(self) -> AssignmentQuerySet:
        """Assignments not reported done (needs `with_status`)."""
        return self.exclude(status=AssignmentStatus.DONE)


class Assignment(models.Model):
    """A unit's part in a task: leading it or supporting it, and the name the plan used for the unit."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="plan_assignments"
    )
    role = models.CharField(_("vai trò"), max_length=10, choices=AssignmentRole.choices)
    as_written = models.CharField(_("tên như ghi trong kế hoạch"), max_length=300, blank=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("phân công")
        verbose_name_plural = _("phân công")
        ordering = ["task", "role", "unit__name"]
        constraints = [models.UniqueConstraint(fields=["task", "unit"], name="assignment_unique_unit")]

    def __str__(self) -> str:
        return f"{self.task.ref} – {self.unit} ({self.get_role_display()})"

    @property
    def status_label(self) -> str:
        """The label of the status annotated by `with_status`, or derived now."""
        return str(AssignmentStatus(getattr(self, "status", None) or self.current_status()).label)

    def current_status(self, today: date | None = None) -> AssignmentStatus:
        latest = self.updates.order_by("-at", "-id").values_list("state", flat=True).first()
        return derive_status(latest, self.task.end, today or timezone.localdate())


class ProgressUpdateQuerySet(UnitScopedQuerySet):
    unit_field = "assignment__unit"


class ProgressUpdate(models.Model):
    """A unit's report of progress on one assignment: narrative, state, numbers, files and links."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người cập nhật"), null=True, on_delete=models.SET_NULL
    )
    at = models.DateTimeField(_("thời điểm"), default=timezone.now, db_index=True)
    state = models.CharField(_("tình trạng"), max_length=20, choices=ProgressState.choices)
    narrative = models.TextField(_("kết quả thực hiện"))
    links = models.TextField(_("đường dẫn"), blank=True, help_text=_("Mỗi dòng một đường dẫn."))

    objects = ProgressUpdateQuerySet.as_manager()

    class Meta:
        verbose_name = _("cập nhật tiến độ")
        verbose_name_plural = _("cập nhật tiến độ")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["assignment", "at"], name="update_assignment_at_idx")]

    def __str__(self) -> str:
        return f"{self.assignment} @ {self.at:%Y-%m-%d}"

    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]


class ProgressValue(models.Model):
    """One number of an update for one of the plan's indicators (what was done since the previous update)."""

    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey("plans.Indicator", on_delete=models.CASCADE, related_name="+")
    value = models.PositiveIntegerField(_("số liệu"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["update", "indicator"], name="progress_value_unique")]

    def __str__(self) -> str:
        return f"{self.indicator_id}={self.value}"


def attachment_path(instance: ProgressAttachment, filename: str) -> str:
    return f"plans/updates/{instance.update.at:%Y/%m}/{instance.update_id}/{filename}"


class ProgressAttachment(StoredFile):
    """A file attached to an update: type sniffed, metadata stripped, stored outside the web root."""

    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=300)

    class Meta:
        ordering = ["id"]
