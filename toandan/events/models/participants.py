"""People registered for an event, their status history and attendance.

Contact details (phone, e-mail) are encrypted at rest like a reporter's identity and shown only to the
organiser unit; a keyed hash of each lets the service refuse a second registration with the same contact.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toandan.events.models.events import Audience, Event


class ParticipantStatus(models.TextChoices):
    REGISTERED = "registered", _("Đã đăng ký")
    WAITLISTED = "waitlisted", _("Danh sách chờ")
    CANCELLED = "cancelled", _("Đã hủy")
    ATTENDED = "attended", _("Đã tham dự")


class Source(models.TextChoices):
    PUBLIC = "public", _("Tự đăng ký")
    STAFF = "staff", _("Cán bộ đăng ký")
    BULK = "bulk", _("Danh sách của đơn vị")
    WALK_IN = "walk_in", _("Đến trực tiếp")


# Holding a seat: counted against the capacity.
SEATED = (ParticipantStatus.REGISTERED, ParticipantStatus.ATTENDED)


class ParticipantQuerySet(models.QuerySet):
    def seated(self) -> ParticipantQuerySet:
        return self.filter(status__in=SEATED)

    def waiting(self) -> ParticipantQuerySet:
        return self.filter(status=ParticipantStatus.WAITLISTED).order_by("registered_at", "id")


class Participant(models.Model):
    """One person's registration for one event, from sign-up to attendance."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participants")
    name = models.CharField(_("họ và tên"), max_length=120)
    phone = models.TextField(_("số điện thoại"), blank=True)  # encrypted (events.contacts)
    email = models.TextField(_("thư điện tử"), blank=True)  # encrypted (events.contacts)
    contact_hash = models.CharField(max_length=64, blank=True, editable=False)
    commune = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("xã, phường"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("đơn vị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    audience = models.CharField(_("đối tượng"), max_length=20, choices=Audience.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source = models.CharField(_("hình thức đăng ký"), max_length=20, choices=Source.choices)
    status = models.CharField(_("tình trạng"), max_length=20, choices=ParticipantStatus.choices)
    checkin_code = models.CharField(max_length=24, unique=True, editable=False)
    registered_at = models.DateTimeField(default=timezone.now)
    checked_in_at = models.DateTimeField(_("giờ điểm danh"), null=True, blank=True)
    link_base = models.CharField(
        max_length=200, blank=True, editable=False
    )  # site address for e-mailed links
    anonymised = models.BooleanField(default=False, editable=False)

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        verbose_name = _("người tham gia")
        verbose_name_plural = _("người tham gia")
        ordering = ["registered_at", "id"]
        indexes = [models.Index(fields=["event", "status"], name="participant_event_status_idx")]
        constraints = [
            # One active registration per contact and event; a cancelled one may register again.
            models.UniqueConstraint(
                fields=["event", "contact_hash"],
                condition=~Q(contact_hash="") & ~Q(status="cancelled"),
                name="participant_unique_contact",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.event_id}"


class ParticipantHistory(models.Model):
    """One change of a participant's status (registration, promotion, cancellation, check-in)."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="history")
    at = models.DateTimeField(default=timezone.now)
    from_status = models.CharField(max_length=20, blank=True, choices=ParticipantStatus.choices)
    to_status = models.CharField(max_length=20, choices=ParticipantStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.participant_id}: {self.from_status or '∅'} → {self.to_status}"
