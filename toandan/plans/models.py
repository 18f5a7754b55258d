"""Plans the steering committee issues and the chain they form (directive → plan → each unit's own plan)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DocumentType(models.TextChoices):
    PLAN = "KH", _("Kế hoạch")
    DIRECTIVE = "CT", _("Chỉ thị")
    DECISION = "QĐ", _("Quyết định")
    REPORT = "BC", _("Báo cáo")


class Plan(models.Model):
    """One plan document: its header (number, issuer, place, date, title) and the plan it implements."""

    number = models.CharField(_("số, ký hiệu"), max_length=60)
    doc_type = models.CharField(
        _("loại văn bản"), max_length=4, choices=DocumentType.choices, default=DocumentType.PLAN
    )
    issuer = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("cơ quan ban hành"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="issued_plans",
    )
    issuer_name = models.CharField(_("cơ quan ban hành (như ghi trong văn bản)"), max_length=200, blank=True)
    place = models.CharField(_("địa danh"), max_length=100, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    title = models.TextField(_("trích yếu"))
    implements = models.ForeignKey(
        "self",
        verbose_name=_("thực hiện văn bản"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="implementing_plans",
    )
    implements_text = models.CharField(_("văn bản được thực hiện (như ghi)"), max_length=300, blank=True)
    signer = models.CharField(_("người ký"), max_length=200, blank=True)
    source_text = models.TextField(_("nội dung gốc"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        ordering = ["-issued_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["number", "issued_on"], name="plan_unique_number_date"),
        ]

    def __str__(self) -> str:
        return f"{self.number} – {self.title[:80]}"
