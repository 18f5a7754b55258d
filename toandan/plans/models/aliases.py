"""Names plans give units, remembered from officers' corrections so the next import needs fewer."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toandan.orgs.models import Unit


class UnitAlias(models.Model):
    """A unit name as plans write it ("UBND các huyện") and the directory units it means today."""

    written = models.CharField(_("tên như ghi trong kế hoạch"), max_length=300)
    key = models.CharField(max_length=300, unique=True, editable=False)
    units = models.ManyToManyField(Unit, verbose_name=_("đơn vị"), related_name="plan_aliases")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("tên gọi đơn vị trong kế hoạch")
        verbose_name_plural = _("tên gọi đơn vị trong kế hoạch")
        ordering = ["written"]

    def __str__(self) -> str:
        return self.written
