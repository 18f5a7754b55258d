"""How far content reaches, counted per day and channel with no cookie, address or person kept."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    PAGE = "page", _("Lượt xem trang")
    FEED = "feed", _("Lượt lấy tin (RSS/Atom)")
    AUDIO = "audio", _("Lượt nghe, tải âm thanh")
    PRINT = "print", _("Lượt in, tải PDF")


class ReachDay(models.Model):
    """One counter: how many times an item (or a feed, item empty) was reached by one channel on one day."""

    day = models.DateField(_("ngày"))
    item = models.ForeignKey(
        "awareness.ContentItem", null=True, blank=True, on_delete=models.CASCADE, related_name="reach"
    )
    channel = models.CharField(_("kênh"), max_length=10, choices=Channel.choices)
    count = models.PositiveIntegerField(_("số lượt"), default=0)

    class Meta:
        verbose_name = _("lượt tiếp cận")
        verbose_name_plural = _("lượt tiếp cận")
        constraints = [
            models.UniqueConstraint(fields=["day", "item", "channel"], name="awareness_reach_unique"),
            models.UniqueConstraint(
                fields=["day", "channel"], condition=models.Q(item__isnull=True), name="awareness_reach_site"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.item_id} {self.channel}: {self.count}"
