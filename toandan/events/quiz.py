"""The questions of an event's before/after test, behind one small interface.

An event's own `Question` rows come first; without them, the published awareness quiz bank on the event's
topic supplies its one-answer questions. Nothing else in the app reads questions directly."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from toandan.awareness import quizzes
from toandan.events.models import Event


@dataclass(frozen=True)
class QuizQuestion:
    key: str  # stable across the two attempts: "event-question:<id>" or a bank's own key
    text: str
    choices: tuple[str, ...]
    correct: int


def _own_questions(event: Event) -> list[QuizQuestion]:
    return [
        QuizQuestion(f"q{q.pk}", q.text, tuple(str(c) for c in q.choices), q.correct)
        for q in event.questions.all()
    ]


def _bank_questions(event: Event) -> list[QuizQuestion]:
    """A bank's questions with exactly one right choice (multiple-answer ones do not fit this test)."""
    bank = quizzes.published_bank_on(event.topic)
    if bank is None:
        return []
    found = []
    for q in quizzes.bank_questions(bank):
        right = [n for n, c in enumerate(q.choices) if c.is_correct]
        if len(right) == 1 and len(q.choices) >= 2:
            text = f"{q.text}\n{q.message}" if q.message else q.text
            found.append(QuizQuestion(f"b{q.id}", text, tuple(c.text for c in q.choices), right[0]))
    return found


SOURCES: list[Callable[[Event], list[QuizQuestion]]] = [_own_questions, _bank_questions]


def questions_for(event: Event) -> list[QuizQuestion]:
    """The first source with questions for the event wins."""
    for source in SOURCES:
        questions = source(event)
        if questions:
            return questions
    return []


def score(questions: list[QuizQuestion], answers: dict[str, int]) -> int:
    return sum(1 for q in questions if answers.get(q.key) == q.correct)
