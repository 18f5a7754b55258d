"""Models of the awareness app, one module per subject; import them from here."""

from toandan.awareness.models.content import (
    Audience,
    AudienceCode,
    Category,
    ContentEvent,
    ContentImage,
    ContentItem,
    ContentVersion,
    Kind,
    LegalType,
    Status,
    Tag,
)
from toandan.awareness.models.quiz import AgeGroup, Choice, Question, QuestionKind, QuizAttempt, QuizBank
from toandan.awareness.models.reach import Channel, ReachDay

__all__ = [
    "Channel",
    "ReachDay",
    "AgeGroup",
    "Choice",
    "Question",
    "QuestionKind",
    "QuizAttempt",
    "QuizBank",
    "Audience",
    "AudienceCode",
    "Category",
    "ContentEvent",
    "ContentImage",
    "ContentItem",
    "ContentVersion",
    "Kind",
    "LegalType",
    "Status",
    "Tag",
]
