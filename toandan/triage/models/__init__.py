"""Models of the triage app, one module per subject; import them from here."""

from toandan.triage.models.cases import CaseCorrection, CaseSuggestion, Priority
from toandan.triage.models.waves import (
    DetectionRun,
    WarningDraft,
    WarningDraftEvent,
    WarningStatus,
    Wave,
    WaveBucket,
    WaveMember,
    WaveSize,
)

__all__ = [
    "CaseCorrection",
    "CaseSuggestion",
    "DetectionRun",
    "Priority",
    "WarningDraft",
    "WarningDraftEvent",
    "WarningStatus",
    "Wave",
    "WaveBucket",
    "WaveMember",
    "WaveSize",
]
