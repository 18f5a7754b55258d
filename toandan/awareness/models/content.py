"""Public content (articles, scam warnings, legal documents, FAQ entries), its versions and its history."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toandan.orgs.models import UnitScopedQuerySet


class Kind(models.TextChoices):
    ARTICLE = "article", _("Bài viết")
    WARNING = "warning", _("Cảnh báo lừa đảo")
    LEGAL = "legal", _("Văn bản pháp luật")
    FAQ = "faq", _("Hỏi – đáp")


class Status(models.TextChoices):
    DRAFT = "draft", _("Bản nháp")
    REVIEW = "review", _("Chờ duyệt")
    SCHEDULED = "scheduled", _("Hẹn giờ đăng")
    PUBLISHED = "published", _("Đã đăng")
    ARCHIVED = "archived", _("Lưu trữ")


class LegalType(models.TextChoices):
    LAW = "law", _("Luật")
    DECREE = "decree", _("Nghị định")
    CIRCULAR = "circular", _("Thông tư")
    DECISION = "decision", _("Quyết định")
    OTHER = "other", _("Văn bản khác")


class AudienceCode(models.TextChoices):
    EVERYONE = "everyone", _("Mọi người")
    STUDENTS = "students", _("Học sinh, sinh viên")
    ELDERLY = "elderly", _("Người cao tuổi")
    OFFICIALS = "officials", _("Cán bộ, công chức")
    BUSINESSES = "businesses", _("Doanh nghiệp")


class Category(models.Model):
    """A section of the public content (e.g. "Lừa đảo qua mạng", "Pháp luật về an ninh mạng")."""

    slug = models.SlugField(_("mã"), max_length=60, unique=True)
    name = models.CharField(_("tên"), max_length=120)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("chuyên mục")
        verbose_name_plural = _("chuyên mục")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class Tag(models.Model):
    """A free keyword that groups content across categories."""

    slug = models.SlugField(_("mã"), max_length=60, unique=True)
    name = models.CharField(_("tên"), max_length=80)

    class Meta:
        verbose_name = _("từ khóa")
        verbose_name_plural = _("từ khóa")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Audience(models.Model):
    """One of the fixed audiences a piece of content is written for (rows installed by a migration)."""

    code = models.CharField(_("mã"), max_length=20, choices=AudienceCode.choices, unique=True)

    class Meta:
        verbose_name = _("đối tượng")
        verbose_name_plural = _("đối tượng")
        ordering = ["id"]

    def __str__(self) -> str:
        return str(self.get_code_display())


class ContentQuerySet(UnitScopedQuerySet):
    def live(self, now: Any = None) -> ContentQuerySet:
        """What citizens see: published, or scheduled and due (even before the worker flips the status)."""
        now = now or timezone.now()
        return self.filter(
            Q(status=Status.PUBLISHED) | Q(status=Status.SCHEDULED, publish_at__lte=now),
            published_at__lte=now,
        )


class ContentItem(models.Model):
    """One piece of public content in its latest version; every edit also leaves a ContentVersion row."""

    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices, default=Kind.ARTICLE)
    slug = models.SlugField(_("đường dẫn"), max_length=120, unique=True)
    title = models.CharField(_("tiêu đề"), max_length=200)
    summary = models.CharField(_("tóm tắt"), max_length=400, blank=True)
    body = models.TextField(_("nội dung (Markdown)"), blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("đơn vị phụ trách"), on_delete=models.PROTECT, related_name="+"
    )
    category = models.ForeignKey(
        Category, verbose_name=_("chuyên mục"), null=True, blank=True, on_delete=models.SET_NULL
    )
    tags = models.ManyToManyField(Tag, verbose_name=_("từ khóa"), blank=True)
    audiences = models.ManyToManyField(Audience, verbose_name=_("đối tượng"), blank=True)
    communes = models.ManyToManyField(
        "orgs.Unit", verbose_name=_("xã, phường liên quan"), blank=True, related_name="+"
    )
    # Scam warnings.
    masked_example = models.TextField(_("tin nhắn mẫu (đã che thông tin)"), blank=True)
    targets = models.CharField(_("đối tượng bị nhắm đến"), max_length=300, blank=True)
    what_to_do = models.TextField(_("cần làm gì"), blank=True)
    indicators = models.TextField(
        _("dấu hiệu (số điện thoại, tài khoản, đường link)"),
        blank=True,
        help_text=_("Mỗi dòng một dấu hiệu."),
    )
    scam_category = models.ForeignKey(
        "reports.ReportCategory",
        verbose_name=_("loại lừa đảo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    wave = models.ForeignKey(
        "triage.Wave", verbose_name=_("đợt lừa đảo"), null=True, blank=True, on_delete=models.SET_NULL
    )
    source_draft = models.OneToOneField(
        "triage.WarningDraft", null=True, blank=True, on_delete=models.SET_NULL, related_name="content"
    )
    # Legal documents.
    legal_type = models.CharField(_("loại văn bản"), max_length=10, choices=LegalType.choices, blank=True)
    doc_number = models.CharField(_("số hiệu"), max_length=60, blank=True)
    short_name = models.CharField(
        _("tên gọi ngắn"), max_length=120, blank=True, help_text=_("Ví dụ: Luật An ninh mạng.")
    )
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    # Publication.
    publish_at = models.DateTimeField(_("hẹn giờ đăng"), null=True, blank=True)
    published_at = models.DateTimeField(_("ngày đăng"), null=True, blank=True, db_index=True)
    version = models.PositiveIntegerField(_("phiên bản"), default=0)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    # Folded (lower case, no diacritics) copies for search on every database.
    title_folded = models.CharField(max_length=200, editable=False, default="")
    text_folded = models.TextField(editable=False, default="")
    # The read-aloud file and the text it was made from (regenerated when the text changes).
    audio = models.FileField(max_length=300, blank=True, editable=False)
    audio_text_sha = models.CharField(max_length=64, blank=True, editable=False)

    objects = ContentQuerySet.as_manager()

    class Meta:
        verbose_name = _("nội dung tuyên truyền")
        verbose_name_plural = _("nội dung tuyên truyền")
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["status", "kind"], name="awareness_status_kind_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("awareness:detail", kwargs={"slug": self.slug})

    def indicator_list(self) -> list[str]:
        return [line.strip() for line in self.indicators.splitlines() if line.strip()]


class ContentVersion(models.Model):
    """One saved version of an item's text; rows are only added, so any two can be compared."""

    item = models.ForeignKey(ContentItem, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=400, blank=True)
    body = models.TextField(blank=True)
    # The kind-specific fields (masked example, what to do, indicators, legal number…) as saved.
    extra = models.JSONField(default=dict, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["item", "number"], name="awareness_version_unique")]

    def __str__(self) -> str:
        return f"{self.item_id} v{self.number}"


class ContentEvent(models.Model):
    """One step of an item's editorial workflow; rows are only added."""

    item = models.ForeignKey(ContentItem, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    from_status = models.CharField(max_length=10, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=10, choices=Status.choices)
    version = models.PositiveIntegerField(default=0)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.item_id} → {self.to_status}"


def image_path(instance: ContentImage, filename: str) -> str:
    return f"awareness/{instance.item_id}/{instance.sha256[:20]}.{filename.rsplit('.', 1)[-1]}"


class ContentImage(models.Model):
    """An image of an item: re-encoded without metadata, with the alternative text screen readers read."""

    item = models.ForeignKey(ContentItem, on_delete=models.CASCADE, related_name="images")
    file = models.FileField(upload_to=image_path, max_length=300)
    alt = models.CharField(_("mô tả ảnh (cho người khiếm thị)"), max_length=300)
    caption = models.CharField(_("chú thích"), max_length=300, blank=True)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.alt

    def get_absolute_url(self) -> str:
        return reverse("awareness:image", kwargs={"pk": self.pk})
