"""Citizen reports (tố giác, tin báo) of cybercrime, their evidence, history, and the reporter kept apart."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toandan.core.files import StoredFile
from toandan.identifiers.text import strip_diacritics
from toandan.orgs.models import UnitScopedQuerySet


class Track(models.TextChoices):
    CRIME = "crime", _("Tố giác, tin báo về tội phạm (Bộ luật Tố tụng hình sự)")
    DENUNCIATION = "denunciation", _("Tố cáo (Luật Tố cáo 2018)")
    FEEDBACK = "feedback", _("Phản ánh, kiến nghị")


class Status(models.TextChoices):
    RECEIVED = "received", _("Đã tiếp nhận")
    VERIFYING = "verifying", _("Đang xác minh")
    TRANSFERRED = "transferred", _("Đã chuyển đơn vị khác")
    RESOLVED = "resolved", _("Đã giải quyết")


class Outcome(models.TextChoices):
    CASE_OPENED = "case_opened", _("Khởi tố vụ án")
    NOT_OPENED = "not_opened", _("Không khởi tố vụ án")
    ADMINISTRATIVE = "administrative", _("Xử lý vi phạm hành chính")
    NO_VIOLATION = "no_violation", _("Không phát hiện vi phạm")
    DUPLICATE = "duplicate", _("Trùng với tố giác khác")
    NOT_PROCESSABLE = "not_processable", _("Không đủ thông tin để xử lý")


class PaymentMethod(models.TextChoices):
    NONE = "", _("Không mất tiền")
    BANK_TRANSFER = "bank_transfer", _("Chuyển khoản ngân hàng")
    E_WALLET = "e_wallet", _("Ví điện tử")
    CARD = "card", _("Thẻ ngân hàng")
    PHONE_CARD = "phone_card", _("Thẻ cào điện thoại")
    CRYPTO = "crypto", _("Tiền mã hóa")
    CASH = "cash", _("Tiền mặt")
    OTHER = "other", _("Cách khác")


class Channel(models.TextChoices):
    WEB = "web", _("Trang web")
    API = "api", _("API")
    STAFF = "staff", _("Cán bộ nhập")


class ReportCategory(models.Model):
    """A kind of violation a report is about; the list and its order are data an administrator edits."""

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên (tiếng Việt)"), max_length=150)
    name_en = models.CharField(_("tên (tiếng Anh)"), max_length=150, blank=True)
    description = models.TextField(_("mô tả"), blank=True)
    default_track = models.CharField(
        _("trình tự mặc định"), max_length=20, choices=Track.choices, default=Track.CRIME
    )
    sort = models.PositiveSmallIntegerField(_("thứ tự"), default=100)
    is_active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("loại tố giác")
        verbose_name_plural = _("loại tố giác")
        ordering = ["sort", "name"]

    def __str__(self) -> str:
        return self.name

    def display_name(self, language: str | None) -> str:
        return self.name_en if language == "en" and self.name_en else self.name


class RoutingTarget(models.TextChoices):
    AREA_POLICE = "area_police", _("Công an xã, phường nơi xảy ra")
    UNIT = "unit", _("Một đơn vị cố định")


class RoutingRule(models.Model):
    """Which unit a new report goes to: the first active rule (by order) matching its category and place."""

    order = models.PositiveSmallIntegerField(_("thứ tự"), default=100)
    category = models.ForeignKey(
        ReportCategory,
        verbose_name=_("loại tố giác"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        help_text=_("Để trống: mọi loại."),
    )
    commune = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("xã, phường"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to={"kind": "commune"},
        help_text=_("Để trống: mọi nơi."),
    )
    outside_province = models.BooleanField(_("chỉ tố giác ngoài tỉnh / không rõ nơi"), default=False)
    target = models.CharField(_("chuyển đến"), max_length=20, choices=RoutingTarget.choices)
    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("đơn vị nhận"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    is_active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("quy tắc chuyển tố giác")
        verbose_name_plural = _("quy tắc chuyển tố giác")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return f"{self.order}: {self.category or '*'} → {self.unit or self.get_target_display()}"


class DeadlineUnit(models.TextChoices):
    CALENDAR_DAYS = "calendar_days", _("ngày")
    WORKING_DAYS = "working_days", _("ngày làm việc")
    MONTHS = "months", _("tháng")


class DeadlineBase(models.TextChoices):
    RECEIVED = "received", _("từ ngày tiếp nhận")
    ACCEPTED = "accepted", _("từ ngày thụ lý")
    PREVIOUS = "previous", _("cộng thêm vào hạn trước")


class DeadlineStep(models.TextChoices):
    PROCURACY_NOTICE = "procuracy_notice", _("Thông báo Viện kiểm sát")
    DECISION = "decision", _("Ra quyết định giải quyết")
    ACCEPTANCE = "acceptance", _("Thụ lý (quyết định có thụ lý hay không)")
    ACCEPTANCE_MULTI_PLACE = "acceptance_multi_place", _("Thụ lý khi phải xác minh ở nhiều nơi")
    RESOLUTION = "resolution", _("Giải quyết tố cáo")
    RESPONSE = "response", _("Trả lời phản ánh")


class DeadlinePolicy(models.Model):
    """One legal time limit: step, extension number (0 = first limit), amount, how it counts, its source."""

    track = models.CharField(_("trình tự"), max_length=20, choices=Track.choices)
    step = models.CharField(_("bước"), max_length=30, choices=DeadlineStep.choices)
    extension = models.PositiveSmallIntegerField(
        _("lần gia hạn"), default=0, help_text=_("0 = thời hạn ban đầu.")
    )
    amount = models.PositiveSmallIntegerField(_("thời hạn"))
    unit = models.CharField(_("đơn vị tính"), max_length=20, choices=DeadlineUnit.choices)
    base = models.CharField(_("tính từ"), max_length=20, choices=DeadlineBase.choices)
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("thời hạn luật định")
        verbose_name_plural = _("thời hạn luật định")
        ordering = ["track", "step", "extension"]
        constraints = [
            models.UniqueConstraint(
                fields=["track", "step", "extension"], name="deadline_policy_unique_step"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_track_display()} – {self.get_step_display()} ({self.extension}): {self.amount}"


class ReportQuerySet(UnitScopedQuerySet):
    def open(self) -> ReportQuerySet:
        return self.exclude(status=Status.RESOLVED)

    def overdue(self, now: Any = None) -> ReportQuerySet:
        return self.open().filter(deadline_at__lt=now or timezone.now())

    def due_within(self, days: int, now: Any = None) -> ReportQuerySet:
        now = now or timezone.now()
        return self.open().filter(deadline_at__gte=now, deadline_at__lt=now + timedelta(days=days))

    def incidents(self) -> ReportQuerySet:
        """One report per incident: without the likely repeats and the duplicates an officer marked."""
        return self.filter(repeat_of__isnull=True, duplicate_of__isnull=True)

    def search(self, text: str) -> ReportQuerySet:

        query = Q()
        for word in strip_diacritics(text).lower().split()[:8]:
            query &= Q(search_text__contains=word)
        return self.filter(query)


class Report(models.Model):
    """One report of a cybercrime, as the reporter gave it, and where its handling stands."""

    code = models.CharField(_("mã tra cứu"), max_length=16)  # unique: see Meta (no pattern index needed)
    key_hash = models.CharField(max_length=64)
    category = models.ForeignKey(ReportCategory, verbose_name=_("loại"), on_delete=models.PROTECT)
    description = models.TextField(_("nội dung"))
    happened_on = models.DateField(_("ngày xảy ra"), null=True, blank=True)
    commune = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("xã, phường"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reports_in_area",
    )
    outside_province = models.BooleanField(_("ngoài tỉnh hoặc không rõ nơi"), default=False)
    money_lost = models.PositiveBigIntegerField(_("số tiền bị mất (đồng)"), null=True, blank=True)
    payment_method = models.CharField(
        _("hình thức trả tiền"), max_length=20, choices=PaymentMethod.choices, blank=True, default=""
    )
    identifiers_text = models.TextField(
        _("số điện thoại, tài khoản, đường link (như người dân nhập)"), blank=True
    )
    anonymous = models.BooleanField(_("ẩn danh"), default=False)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.WEB)
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submitted_reports",
    )
    # Indexed by report_received_idx, which starts with it.
    received_at = models.DateTimeField(_("thời điểm tiếp nhận"), default=timezone.now)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    track = models.CharField(_("trình tự xử lý"), max_length=20, choices=Track.choices, default=Track.CRIME)
    outcome = models.CharField(_("kết quả"), max_length=20, choices=Outcome.choices, blank=True)
    multi_place = models.BooleanField(_("cần xác minh ở nhiều nơi"), default=False)
    unit = models.ForeignKey(  # indexed by report_unit_status_idx, which starts with it
        "orgs.Unit",
        verbose_name=_("đơn vị xử lý"),
        on_delete=models.PROTECT,
        related_name="reports",
        db_index=False,
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ xử lý"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_reports",
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("trùng với"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
    )
    # Set by the worker's sweep when the same story naming the same indicators came shortly before
    # (reports.repeats): the first report of the incident. Unlike `duplicate_of` (an officer's decision) it
    # is a likely match that an officer may undo; either way the report is not counted again as an incident.
    repeat_of = models.ForeignKey(
        "self",
        verbose_name=_("có thể trùng với"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="repeats",
        db_index=False,  # partial index in Meta: most reports have none, and their insert skips it
    )
    # False until the worker's sweep has compared the report with the recent ones (reports.repeats.sweep).
    repeat_checked = models.BooleanField(default=False, editable=False)
    # Derived from the history and the deadline policy by services.refresh_deadline(); kept for queue filters.
    deadline_at = models.DateTimeField(_("hạn xử lý"), null=True, blank=True, db_index=True)
    # Kept by reports.resolution from the history whenever the report is resolved or reopened (empty while
    # open): the dashboards count "resolved within the legal time limit" with one indexed query instead of
    # replaying the deadline rules over every resolved report's history (38 s at 1 million reports).
    resolved_at = models.DateTimeField(_("thời điểm giải quyết"), null=True, blank=True, editable=False)
    resolved_due_on = models.DateField(_("hạn luật định cuối cùng"), null=True, blank=True, editable=False)
    resolved_in_time = models.BooleanField(_("giải quyết trong hạn luật định"), null=True, editable=False)
    # Recorded by the officer (reports.workflow.record_money_recovered), each change a history row.
    money_recovered = models.PositiveBigIntegerField(
        _("số tiền đã thu hồi, trả lại người bị hại (đồng)"), null=True, blank=True
    )
    search_text = models.TextField(editable=False, blank=True)
    # Explicit consent to the processing of personal data, with the exact text version shown.
    consent_text = models.ForeignKey(
        "ConsentText", null=True, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    consented_at = models.DateTimeField(null=True, blank=True)
    # NULL, not "", for reports without one: the unique constraint (Meta) allows many NULLs.
    idempotency_key = models.CharField(max_length=100, null=True, blank=True)  # noqa: DJ001
    idempotency_fingerprint = models.CharField(max_length=64, blank=True)
    # Only for submissions with an Idempotency-Key, so that a retry can answer with the same key.
    key_encrypted = models.TextField(blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("tố giác")
        verbose_name_plural = _("tố giác")
        ordering = ["-received_at"]
        indexes = [
            models.Index(fields=["unit", "status"], name="report_unit_status_idx"),
            # Period figures (counts and sums by commune, category or unit over a window of received_at) are
            # read from the index alone on PostgreSQL; other databases ignore `include` (a plain index).
            models.Index(
                fields=["received_at"],
                include=["id", "commune", "category", "unit", "money_lost", "money_recovered"],
                name="report_received_idx",
            ),
            # The dashboards' "resolved in time in the period" count and grouping by commune.
            models.Index(
                fields=["resolved_at", "commune"],
                name="report_resolved_in_time_idx",
                condition=Q(resolved_in_time=True),
            ),
            models.Index(
                fields=["repeat_of"], name="report_repeat_of_idx", condition=Q(repeat_of__isnull=False)
            ),
            # The sweep's queue: only reports not compared yet are in it.
            models.Index(
                fields=["id"], name="report_repeat_unchecked_idx", condition=Q(repeat_checked=False)
            ),
        ]
        # Constraints rather than unique=True: PostgreSQL then gets no second, LIKE-pattern index on each
        # column (never searched by prefix), which every report's insert would also have to update.
        constraints = [
            models.UniqueConstraint(fields=["code"], name="report_code_unique"),
            models.UniqueConstraint(fields=["idempotency_key"], name="report_idempotency_key_unique"),
        ]

    def __str__(self) -> str:
        return self.code


class ReporterIdentity(models.Model):
    """Who reported: kept apart from the case, every field encrypted at rest (see core.crypto)."""

    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="identity")
    name = models.TextField(blank=True)
    phone = models.TextField(blank=True)
    email = models.TextField(blank=True)
    id_number = models.TextField(blank=True)

    class Meta:
        verbose_name = _("thông tin người tố giác")
        verbose_name_plural = _("thông tin người tố giác")

    def __str__(self) -> str:
        return f"identity of report {self.report_id}"


class ConsentText(models.Model):
    """One version of the consent text shown on the report form, in one language; reports point to it."""

    version = models.CharField(max_length=20)
    language = models.CharField(max_length=10)
    text = models.TextField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["version", "language"], name="consent_text_unique")]

    def __str__(self) -> str:
        return f"{self.version} ({self.language})"


def evidence_path(instance: Evidence, filename: str) -> str:
    return f"evidence/{instance.report.received_at:%Y/%m}/{instance.report.code}/{filename}"


class Evidence(StoredFile):
    """A file attached to a report: type sniffed, metadata stripped, stored outside the web root."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to=evidence_path, max_length=300)
    from_reporter = models.BooleanField(default=True)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "id"]


class EventKind(models.TextChoices):
    SUBMITTED = "submitted", _("Tiếp nhận")
    STATUS = "status", _("Đổi trạng thái")
    TRACK = "track", _("Chọn trình tự xử lý")
    TRANSFER = "transfer", _("Chuyển đơn vị")
    ASSIGN = "assign", _("Phân công cán bộ")
    MESSAGE = "message", _("Tin nhắn gửi người tố giác")
    NOTE = "note", _("Ghi chú nội bộ")
    EXTENSION = "extension", _("Gia hạn")
    PROCURACY_NOTIFIED = "procuracy_notified", _("Đã thông báo Viện kiểm sát")
    ACCEPTED = "accepted", _("Thụ lý")
    REPORTER_INFO = "reporter_info", _("Người tố giác bổ sung")
    DUPLICATE = "duplicate", _("Đánh dấu trùng")
    MONEY_RECOVERED = "money_recovered", _("Ghi nhận tiền thu hồi")
    REPEAT = "repeat", _("Có thể trùng (tự phát hiện)")
    NOT_REPEAT = "not_repeat", _("Không trùng")


class ReportEvent(models.Model):
    """One step in a report's history; rows are only ever added. `public` rows are shown to the reporter."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    # Not indexed: never searched by unit (the report's own unit is); only unit deletion would look them up.
    from_unit = models.ForeignKey(
        "orgs.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    to_unit = models.ForeignKey(
        "orgs.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    text = models.TextField(blank=True)
    public = models.BooleanField(default=False)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.at:%Y-%m-%d %H:%M}"
