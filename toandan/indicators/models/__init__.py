"""Models of the indicators app, one module per subject; import them from here."""

from toandan.indicators.models.allowlist import AllowedIndicator
from toandan.indicators.models.appeals import Appeal, AppealEvidence, AppealStatus, AppellantRelation
from toandan.indicators.models.imports import ImportBatch, ImportedIndicator
from toandan.indicators.models.partners import Partner, PartnerAccess, PartnerKind, PartnerToken
from toandan.indicators.models.records import (
    KIND_CHOICES,
    KIND_LABELS,
    ClearReason,
    EventKind,
    IndicatorEvent,
    IndicatorRecord,
    IndicatorSource,
    IndicatorStatus,
    ReportIndicator,
    category_model,
    report_model,
)

__all__ = [
    "category_model",
    "report_model",
    "KIND_CHOICES",
    "KIND_LABELS",
    "AllowedIndicator",
    "Appeal",
    "AppealEvidence",
    "AppealStatus",
    "AppellantRelation",
    "ClearReason",
    "EventKind",
    "ImportBatch",
    "ImportedIndicator",
    "IndicatorEvent",
    "IndicatorRecord",
    "IndicatorSource",
    "IndicatorStatus",
    "Partner",
    "PartnerAccess",
    "PartnerKind",
    "PartnerToken",
    "ReportIndicator",
]
