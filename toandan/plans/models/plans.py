"""Plans the steering committee issues and the chain they form (directive → plan → each unit's own plan)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toandan.orgs.models import Unit, unit_scope_q

if TYPE_CHECKING:
    from toandan.accounts.models import User


class DocumentType(models.TextChoices):
    PLAN = "KH", _("Kế hoạch")
    DIRECTIVE = "CT", _("Chỉ thị")
    DECISION = "QĐ", _("Quyết định")
    REPORT = "BC", _("Báo cáo")


class PlanQuerySet(models.QuerySet):
    def visible_to(self, user: User) -> PlanQuerySet:
        """Province-wide roles see every plan; a unit's staff see the plans their units issue, carry out,
        or must implement; citizens see none."""
        scope = unit_scope_q(user, prefix="")
        if not user.is_authenticated or not (user.is_superuser or user.memberships.exists()):
            return self.none()
        if scope == Q():
            return self.all()
        from toandan.plans.models.tasks import Task

        units = Unit.objects.filter(scope).values("pk")
        return self.filter(
            Q(issuer__in=units)
            | Q(pk__in=Task.objects.filter(assignments__unit__in=units).values("plan"))
            | Q(expected_implementers__in=units)
        ).distinct()


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
    issuer_lines = models.TextField(
        _("dòng tên cơ quan ở đầu văn bản"), blank=True, help_text=_("Mỗi dòng một dòng như in trên văn bản.")
    )
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
    expected_implementers = models.ManyToManyField(
        "orgs.Unit",
        verbose_name=_("đơn vị phải ban hành kế hoạch thực hiện"),
        blank=True,
        related_name="plans_to_implement",
    )
    signer = models.CharField(_("người ký"), max_length=200, blank=True)
    signer_position = models.CharField(_("chức vụ người ký"), max_length=200, blank=True)
    recipients = models.TextField(_("nơi nhận"), blank=True, help_text=_("Mỗi dòng một nơi nhận."))
    source_text = models.TextField(_("nội dung gốc"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhập"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        ordering = ["-issued_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["number", "issued_on"], name="plan_unique_number_date"),
        ]

    def __str__(self) -> str:
        return f"{self.number} – {self.title[:80]}"

    def issuer_line_list(self) -> list[str]:
        return [line.strip() for line in self.issuer_lines.splitlines() if line.strip()]

    def recipient_list(self) -> list[str]:
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]


class Indicator(models.Model):
    """A number the plan tracks (sessions held, people reached, articles published) and its unit."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("tên chỉ tiêu"), max_length=150)
    unit_label = models.CharField(_("đơn vị tính"), max_length=40, blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["plan", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["plan", "name"], name="indicator_unique_name")]

    def __str__(self) -> str:
        return f"{self.name} ({self.unit_label})" if self.unit_label else self.name
