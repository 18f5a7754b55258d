"""Shared records: the append-only audit log and the worker heartbeat."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    LOGIN = "auth.login", _("Đăng nhập")
    LOGIN_FAILED = "auth.login_failed", _("Đăng nhập thất bại")
    LOGIN_THROTTLED = "auth.login_throttled", _("Đăng nhập bị tạm chặn")
    LOGOUT = "auth.logout", _("Đăng xuất")
    SECOND_FACTOR = "auth.second_factor", _("Xác thực hai lớp")
    SECOND_FACTOR_FAILED = "auth.second_factor_failed", _("Xác thực hai lớp thất bại")
    TOTP_ENROLLED = "auth.totp_enrolled", _("Đăng ký ứng dụng xác thực")
    ROLE_GRANTED = "perm.role_granted", _("Cấp vai trò")
    ROLE_REVOKED = "perm.role_revoked", _("Thu hồi vai trò")
    USER_FLAGS_CHANGED = "perm.user_flags_changed", _("Thay đổi quyền tài khoản")
    PERSONAL_DATA_VIEWED = "pii.viewed", _("Xem dữ liệu cá nhân được bảo vệ")
    STATE_CHANGED = "state.changed", _("Thay đổi trạng thái")
    CREATED = "state.created", _("Tạo mới")


class AuditQuerySet(models.QuerySet):
    """Audit rows are never changed or removed through the ORM."""

    def update(self, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError("audit log is append-only")

    def delete(self):  # type: ignore[no-untyped-def]
        raise PermissionError("audit log is append-only")


class AuditEvent(models.Model):
    """One security-relevant event: who did what to which object, when and from where."""

    at = models.DateTimeField(_("thời điểm"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,  # the log is searched by the actor's name (actor_label), not by id
        related_name="+",
    )
    actor_label = models.CharField(_("tên người thực hiện"), max_length=150, blank=True)
    action = models.CharField(_("hành động"), max_length=40, choices=AuditAction.choices)  # indexed: Meta
    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("đơn vị"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,  # never searched by unit
        related_name="+",
    )
    object_type = models.CharField(_("loại đối tượng"), max_length=60, blank=True)
    object_id = models.CharField(_("mã đối tượng"), max_length=64, blank=True)
    summary = models.CharField(_("tóm tắt"), max_length=300, blank=True)
    ip = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)
    data = models.JSONField(_("chi tiết"), default=dict, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = _("sự kiện nhật ký")
        verbose_name_plural = _("nhật ký kiểm toán")
        ordering = ["-at", "-id"]
        # Every state change writes a row: only the indexes the log is searched by (an Index, not
        # db_index=True, on `action`: PostgreSQL would add a LIKE-pattern index nobody uses).
        indexes = [
            models.Index(fields=["object_type", "object_id"], name="audit_object_idx"),
            models.Index(fields=["action"], name="audit_action_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.actor_label}"

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self.pk is not None:
            raise PermissionError("audit log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError("audit log is append-only")


class WorkerHeartbeat(models.Model):
    """The last time each background worker process reported itself alive."""

    worker_id = models.CharField(max_length=64, unique=True)
    hostname = models.CharField(max_length=255, blank=True)
    pid = models.IntegerField(default=0)
    started_at = models.DateTimeField(default=timezone.now)
    last_seen = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return f"{self.worker_id} @ {self.last_seen:%H:%M:%S}"


class DayOff(models.Model):
    """An extra day off decided by the Government (e.g. a bridge day) that the holidays package lacks."""

    day = models.DateField(_("ngày"), unique=True)
    reason = models.CharField(_("lý do"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("ngày nghỉ bổ sung")
        verbose_name_plural = _("ngày nghỉ bổ sung")
        ordering = ["day"]

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y} {self.reason}"


class PeriodicRun(models.Model):
    """When a periodic task (settings.PERIODIC_TASKS) was last enqueued, shared by every worker."""

    name = models.CharField(max_length=200, unique=True)
    last_run = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} @ {self.last_run:%Y-%m-%d %H:%M}"


class EffectDone(models.Model):
    """An effect outside the database (an e-mail sent) that happened once, so a task run again skips it."""

    key = models.CharField(max_length=200, unique=True)
    at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.key} @ {self.at:%Y-%m-%d %H:%M}"
