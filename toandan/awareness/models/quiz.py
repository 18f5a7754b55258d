"""Quizzes ("Nhận biết đúng — sai"): question banks, questions with choices and explanations, and anonymous
attempts kept only as the figures the province aggregates (no person, no address, no cookie)."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Chọn một đáp án")
    MULTIPLE = "multiple", _("Chọn nhiều đáp án")
    TRUE_FALSE = "true_false", _("Đúng hay sai")
    SCAM_MESSAGE = "scam_message", _("Tin nhắn này có phải lừa đảo?")


class AgeGroup(models.TextChoices):
    UNDER_18 = "under_18", _("Dưới 18 tuổi")
    FROM_18 = "18_35", _("Từ 18 đến 35 tuổi")
    FROM_36 = "36_59", _("Từ 36 đến 59 tuổi")
    FROM_60 = "60_plus", _("Từ 60 tuổi trở lên")


class QuizBank(models.Model):
    """A bank of questions on one topic; a published bank can be taken by anyone without an account."""

    slug = models.SlugField(_("đường dẫn"), max_length=80, unique=True)
    title = models.CharField(_("tên bộ câu hỏi"), max_length=200)
    description = models.TextField(_("giới thiệu"), blank=True)
    topic = models.CharField(_("chủ đề"), max_length=120, blank=True)
    unit = models.ForeignKey("orgs.Unit", verbose_name=_("đơn vị phụ trách"), on_delete=models.PROTECT)
    is_published = models.BooleanField(_("công khai"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("bộ câu hỏi")
        verbose_name_plural = _("bộ câu hỏi")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("awareness:quiz", kwargs={"slug": self.slug})


class Question(models.Model):
    """One question of a bank, with the explanation shown after it is answered."""

    bank = models.ForeignKey(QuizBank, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("loại câu hỏi"), max_length=20, choices=QuestionKind.choices)
    text = models.TextField(_("câu hỏi"))
    message = models.TextField(
        _("tin nhắn mẫu"), blank=True, help_text=_("Với câu “có phải lừa đảo?”: nội dung tin nhắn như thật.")
    )
    explanation = models.TextField(_("giải thích"))
    difficulty = models.PositiveSmallIntegerField(
        _("độ khó"), choices=[(1, _("Dễ")), (2, _("Vừa")), (3, _("Khó"))], default=1
    )
    topic = models.CharField(_("chủ đề"), max_length=120, blank=True)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("câu hỏi")
        verbose_name_plural = _("câu hỏi")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class Choice(models.Model):
    """One answer offered for a question."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("đáp án"), max_length=300)
    is_correct = models.BooleanField(_("đúng"), default=False)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("đáp án")
        verbose_name_plural = _("đáp án")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text


class QuizAttempt(models.Model):
    """One counted attempt: only the month, the optional commune, age group and audience, and the score."""

    bank = models.ForeignKey(QuizBank, on_delete=models.CASCADE, related_name="attempts")
    month = models.DateField(_("tháng"), db_index=True)
    commune = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("xã, phường"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    age_group = models.CharField(_("nhóm tuổi"), max_length=10, choices=AgeGroup.choices, blank=True)
    audience = models.CharField(_("đối tượng"), max_length=20, blank=True)
    score = models.PositiveSmallIntegerField(_("số câu đúng"))
    total = models.PositiveSmallIntegerField(_("số câu"))
    # {question id: answered correctly}, for the rate of correct answers per question.
    answers = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("lượt làm bài")
        verbose_name_plural = _("lượt làm bài")
        indexes = [models.Index(fields=["bank", "month"], name="awareness_attempt_bank_month")]

    def __str__(self) -> str:
        return f"{self.bank_id} {self.month:%Y-%m}: {self.score}/{self.total}"
