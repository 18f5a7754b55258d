"""Before/after tests, the feedback survey and completion certificates.

Questions are this app's own small model for now: the awareness quiz banks are built on another branch.
`toandan.events.quiz` is the one place that reads questions, so switching to the banks changes only it.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toandan.events.models.events import Event
from toandan.events.models.participants import Participant


class Question(models.Model):
    """A multiple-choice question asked before and after an event (the same questions both times)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(_("câu hỏi"), max_length=500)
    choices = models.JSONField(_("các phương án"), default=list)
    correct = models.PositiveSmallIntegerField(_("phương án đúng (từ 0)"))

    class Meta:
        verbose_name = _("câu hỏi kiểm tra")
        verbose_name_plural = _("câu hỏi kiểm tra")
        ordering = ["event", "order", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class Phase(models.TextChoices):
    BEFORE = "before", _("Trước buổi học")
    AFTER = "after", _("Sau buổi học")


class TestAttempt(models.Model):
    """A participant's answers to the event's test, once before and once after."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="attempts")
    phase = models.CharField(max_length=10, choices=Phase.choices)
    score = models.PositiveSmallIntegerField()
    total = models.PositiveSmallIntegerField()
    answers = models.JSONField(default=dict)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["participant", "phase"], name="attempt_unique_phase")]

    def __str__(self) -> str:
        return f"{self.participant_id} {self.phase} {self.score}/{self.total}"

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.total if self.total else 0.0


class Feedback(models.Model):
    """The short survey after an event: how useful it was and one free comment."""

    participant = models.OneToOneField(Participant, on_delete=models.CASCADE, related_name="feedback")
    rating = models.PositiveSmallIntegerField(_("mức độ hữu ích (1–5)"))
    will_share = models.BooleanField(_("sẽ chia sẻ với người thân"), default=False)
    comment = models.TextField(_("góp ý"), blank=True, max_length=1000)
    at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.participant_id}: {self.rating}"


class Certificate(models.Model):
    """A completion certificate: its public number is what the QR code on the PDF verifies."""

    participant = models.OneToOneField(Participant, on_delete=models.CASCADE, related_name="certificate")
    number = models.CharField(max_length=24, unique=True)
    holder_name = models.CharField(max_length=120)
    issued_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.number
