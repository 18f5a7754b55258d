"""Models of the evaluation app."""

from toandan.evaluation.models.budget import BudgetLine, FundingSource, Spending
from toandan.evaluation.models.inspections import (
    ChecklistItem,
    ChecklistTemplate,
    FollowUp,
    Inspection,
    InspectionEvent,
    InspectionScore,
    InspectionStatus,
)
from toandan.evaluation.models.metrics import Metric, MetricSource, Target
from toandan.evaluation.models.population import Population
from toandan.evaluation.models.practices import (
    Commendation,
    CommendationStatus,
    Practice,
    PracticeStatus,
    Replication,
)

__all__ = [
    "BudgetLine",
    "ChecklistItem",
    "ChecklistTemplate",
    "Commendation",
    "CommendationStatus",
    "FollowUp",
    "FundingSource",
    "Inspection",
    "InspectionEvent",
    "InspectionScore",
    "InspectionStatus",
    "Metric",
    "MetricSource",
    "Population",
    "Practice",
    "PracticeStatus",
    "Replication",
    "Spending",
    "Target",
]
