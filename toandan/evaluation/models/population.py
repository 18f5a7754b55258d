"""Residents of each commune, entered by an administrator with the source and year of the figure: the base of
"reports per 10,000 residents". The platform holds no official population data of its own."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Population(models.Model):
    """The number of residents of one commune in one year, and where the figure comes from."""

    commune = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("xã, phường, đặc khu"),
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to={"kind": "commune"},
    )
    year = models.PositiveSmallIntegerField(
        _("năm của số liệu"), validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    residents = models.PositiveIntegerField(
        _("số dân"), validators=[MinValueValidator(1), MaxValueValidator(5_000_000)]
    )
    source = models.CharField(
        _("nguồn số liệu"),
        max_length=300,
        help_text=_("Ví dụ: Niên giám thống kê tỉnh 2024 (Cục Thống kê) hoặc báo cáo của UBND xã."),
    )
    is_demo = models.BooleanField(
        _("số liệu minh họa"), default=False, help_text=_("Số liệu trình diễn, không phải số liệu thật.")
    )
    entered_at = models.DateTimeField(_("ngày nhập"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("số dân xã, phường")
        verbose_name_plural = _("số dân xã, phường")
        ordering = ["commune__name", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["commune", "year"], name="evaluation_population_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.commune} {self.year}: {self.residents}"

    def clean(self) -> None:
        if self.commune_id and self.commune.kind != "commune":
            raise ValidationError({"commune": _("Chỉ nhập số dân cho xã, phường, đặc khu.")})
        if not (self.source or "").strip():
            raise ValidationError({"source": _("Ghi rõ nguồn của số dân.")})
