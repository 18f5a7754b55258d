"""The quiz service, also used by other apps (events' before/after tests): a bank's questions as plain data,
grading, and counting an anonymous attempt once per browser within a short window.

    from toandan.awareness import quizzes
    bank = quizzes.published_bank("nhan-biet-lua-dao")
    questions = quizzes.bank_questions(bank)            # list[QuestionData]
    grade = quizzes.grade(questions, {question_id: {choice_id, ...}})
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Avg, Count, F, FloatField, QuerySet, Sum
from django.db.models.functions import Cast
from django.utils import timezone

from toandan.awareness.models import QuestionKind, QuizAttempt, QuizBank

REPEAT_WINDOW_SECONDS = 30 * 60


@dataclass(frozen=True)
class ChoiceData:
    id: int
    text: str
    is_correct: bool


@dataclass(frozen=True)
class QuestionData:
    """A question as other apps and the pages use it."""

    id: int
    kind: str
    text: str
    message: str
    explanation: str
    difficulty: int
    topic: str
    choices: tuple[ChoiceData, ...]

    @property
    def multiple(self) -> bool:
        return self.kind == QuestionKind.MULTIPLE

    @property
    def correct_ids(self) -> frozenset[int]:
        return frozenset(c.id for c in self.choices if c.is_correct)


@dataclass
class Grade:
    """Answers checked: which questions were right, and what each person chose."""

    score: int
    total: int
    correct: dict[int, bool] = field(default_factory=dict)
    chosen: dict[int, frozenset[int]] = field(default_factory=dict)

    @property
    def percent(self) -> int:
        return round(100 * self.score / self.total) if self.total else 0


def published_bank(slug: str) -> QuizBank | None:
    return QuizBank.objects.filter(slug=slug, is_published=True).first()


def published_bank_on(topic: str) -> QuizBank | None:
    """The newest published bank whose topic is the given one (case ignored): events' before/after tests."""
    if not topic.strip():
        return None
    return QuizBank.objects.filter(is_published=True, topic__iexact=topic.strip()).order_by("-pk").first()


def bank_questions(bank: QuizBank | str) -> list[QuestionData]:
    """Every question of a bank with its choices (two queries)."""
    if isinstance(bank, str):
        bank = QuizBank.objects.get(slug=bank)
    questions = bank.questions.prefetch_related("choices")
    return [
        QuestionData(
            id=q.pk,
            kind=q.kind,
            text=q.text,
            message=q.message,
            explanation=q.explanation,
            difficulty=q.difficulty,
            topic=q.topic or bank.topic,
            choices=tuple(ChoiceData(c.pk, c.text, c.is_correct) for c in q.choices.all()),
        )
        for q in questions
    ]


def grade(questions: list[QuestionData], answers: dict[int, set[int]]) -> Grade:
    """A question is right when exactly its correct choices were chosen; unanswered counts as wrong."""
    result = Grade(score=0, total=len(questions))
    for question in questions:
        valid = {c.id for c in question.choices}
        chosen = frozenset(answers.get(question.id, set()) & valid)
        right = bool(chosen) and chosen == question.correct_ids
        result.correct[question.id] = right
        result.chosen[question.id] = chosen
        result.score += int(right)
    return result


def browser_key(request: Any, bank: QuizBank) -> str:
    """A key for "this browser, this bank" kept only in the cache for the repeat window, never stored."""
    raw = "|".join(
        [
            str(getattr(request, "client_ip", "") or request.META.get("REMOTE_ADDR", "")),
            request.META.get("HTTP_USER_AGENT", "")[:300],
            str(bank.pk),
        ]
    )
    return hmac.new(settings.SECRET_KEY.encode(), raw.encode(), hashlib.sha256).hexdigest()


def record_attempt(
    bank: QuizBank,
    result: Grade,
    *,
    key: str,
    commune: Any = None,
    age_group: str = "",
    audience: str = "",
) -> bool:
    """Count an attempt unless this browser was counted for this bank within the window; True if counted."""
    if not cache.add(f"awareness-quiz:{key}", 1, REPEAT_WINDOW_SECONDS):
        return False
    today = timezone.localdate()
    QuizAttempt.objects.create(
        bank=bank,
        month=date(today.year, today.month, 1),
        commune=commune,
        age_group=age_group,
        audience=audience,
        score=result.score,
        total=result.total,
        answers={str(k): v for k, v in result.correct.items()},
    )
    return True


def aggregates(bank: QuizBank, by: str) -> QuerySet:
    """Attempts and mean share of correct answers grouped by month, commune, age group or audience."""
    column = {"month": "month", "commune": "commune__name", "age": "age_group", "audience": "audience"}[by]
    return (
        QuizAttempt.objects.filter(bank=bank)
        .values(group=F(column))
        .annotate(
            attempts=Count("id"),
            correct=Sum("score"),
            asked=Sum("total"),
            mean=Avg(Cast("score", FloatField()) / Cast("total", FloatField())),
        )
        .order_by("group")
    )
