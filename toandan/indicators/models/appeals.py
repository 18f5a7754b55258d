"""Appeals of people who believe their number, account or site is wrongly listed, with their evidence."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toandan.core.files import StoredFile


class AppealStatus(models.TextChoices):
    PENDING = "pending", _("Đang chờ xem xét")
    UPHELD = "upheld", _("Chấp nhận: đã gỡ khỏi danh sách")
    REJECTED = "rejected", _("Không chấp nhận")


class AppellantRelation(models.TextChoices):
    OWNER = "owner", _("Tôi là chủ số điện thoại, tài khoản hoặc trang web này")
    REPRESENTATIVE = "representative", _("Tôi đại diện cho cơ quan, doanh nghiệp sở hữu")
    OTHER = "other", _("Khác")


class Appeal(models.Model):
    """A request to take an indicator off the list; the appellant's contact details are encrypted at rest."""

    code = models.CharField(_("mã khiếu nại"), max_length=16, unique=True)
    indicator = models.ForeignKey(
        "indicators.IndicatorRecord", on_delete=models.PROTECT, related_name="appeals"
    )
    relation = models.CharField(_("quan hệ"), max_length=20, choices=AppellantRelation.choices)
    statement = models.TextField(_("lý do"))
    # Encrypted with the reporters' key (toandan.core.crypto): personal data, shown only to deciders.
    name = models.TextField(blank=True)
    contact = models.TextField(blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=AppealStatus.choices, default=AppealStatus.PENDING
    )
    filed_at = models.DateTimeField(default=timezone.now, db_index=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_note = models.TextField(_("lý do quyết định"), blank=True)

    class Meta:
        verbose_name = _("khiếu nại về dấu hiệu")
        verbose_name_plural = _("khiếu nại về dấu hiệu")
        ordering = ["-filed_at"]

    def __str__(self) -> str:
        return self.code


def appeal_evidence_path(instance: AppealEvidence, filename: str) -> str:
    return f"appeals/{instance.appeal.filed_at:%Y/%m}/{instance.appeal.code}/{filename}"


class AppealEvidence(StoredFile):
    """A file attached to an appeal, cleaned like report evidence (type sniffed, metadata removed)."""

    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to=appeal_evidence_path, max_length=300)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "id"]
