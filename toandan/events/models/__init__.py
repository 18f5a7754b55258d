from toandan.events.models.events import (
    Audience,
    Event,
    EventHistory,
    EventKind,
    EventMaterial,
    EventQuerySet,
    EventStatus,
)
from toandan.events.models.learning import Certificate, Feedback, Phase, Question, TestAttempt
from toandan.events.models.participants import (
    SEATED,
    Participant,
    ParticipantHistory,
    ParticipantStatus,
    Source,
)

__all__ = [
    "SEATED",
    "Audience",
    "Certificate",
    "Event",
    "EventHistory",
    "EventKind",
    "EventMaterial",
    "EventQuerySet",
    "EventStatus",
    "Feedback",
    "Participant",
    "ParticipantHistory",
    "ParticipantStatus",
    "Phase",
    "Question",
    "Source",
    "TestAttempt",
]
