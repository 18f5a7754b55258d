"""The personal data of triage (read by the privacy app; shapes in core.personal_data)."""

from toandan.core.personal_data import staff_trail

KINDS = [staff_trail("triage", ("triage.CaseCorrection.actor", "triage.WarningDraftEvent.actor"))]
