"""Models of the plans app: plans and indicators, tasks and progress, the reporting regime."""

from toandan.plans.models.aliases import UnitAlias
from toandan.plans.models.plans import DocumentType, Indicator, Plan, PlanQuerySet
from toandan.plans.models.reporting import (
    PeriodReport,
    PeriodReportEvent,
    PeriodReportStatus,
    PeriodReportValue,
    ReminderKind,
    ReminderLog,
    ReportingPeriod,
    ReportingRule,
)
from toandan.plans.models.tasks import (
    Assignment,
    AssignmentRole,
    AssignmentStatus,
    ProgressAttachment,
    ProgressState,
    ProgressUpdate,
    ProgressValue,
    Task,
    derive_status,
)
from toandan.plans.periods import Frequency

__all__ = [
    "Assignment",
    "AssignmentRole",
    "AssignmentStatus",
    "DocumentType",
    "Frequency",
    "Indicator",
    "PeriodReport",
    "PeriodReportEvent",
    "PeriodReportStatus",
    "PeriodReportValue",
    "Plan",
    "PlanQuerySet",
    "ProgressAttachment",
    "ProgressState",
    "ProgressUpdate",
    "ProgressValue",
    "ReminderKind",
    "ReminderLog",
    "ReportingPeriod",
    "ReportingRule",
    "Task",
    "UnitAlias",
    "derive_status",
]
