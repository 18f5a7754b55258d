"""The questions of an event's before/after test, behind one small interface.

Today they come from this app's `Question` rows. The awareness quiz banks (built on another branch) will be a
second source: a function returning `QuizQuestion`s for an event (e.g. by its topic) registered in
`SOURCES`; nothing else in the app reads questions directly."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

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


SOURCES: list[Callable[[Event], list[QuizQuestion]]] = [_own_questions]


def questions_for(event: Event) -> list[QuizQuestion]:
    """The first source with questions for the event wins."""
    for source in SOURCES:
        questions = source(event)
        if questions:
            return questions
    return []


def score(questions: list[QuizQuestion], answers: dict[str, int]) -> int:
    return sum(1 for q in questions if answers.get(q.key) == q.correct)
