"""The value of an evaluation indicator for a period and a unit (None: the whole province), with the records
behind it, and its target."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet, Sum

from toandan.evaluation import registry
from toandan.evaluation.models import Metric, MetricSource, Target
from toandan.orgs.models import Unit
from toandan.plans.models import PeriodReport, PeriodReportStatus, PeriodReportValue, ReportingPeriod


def window_for(metric: Metric, period: ReportingPeriod) -> registry.Window:
    return registry.Window(metric.plan, period.starts_on, period.ends_on, metric.deadline)


def entered_reports(metric: Metric, period: ReportingPeriod, unit: Unit | None) -> QuerySet:
    """The submitted period reports whose numbers an entered indicator adds up."""
    qs = PeriodReport.objects.filter(period=period, status=PeriodReportStatus.SUBMITTED)
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    return qs


def entered_value(metric: Metric, period: ReportingPeriod, unit: Unit | None) -> int:
    reports = entered_reports(metric, period, unit)
    rows = PeriodReportValue.objects.filter(
        report__in=reports.values("pk"), indicator=metric.plan_indicator_id
    )
    return rows.aggregate(s=Sum("value"))["s"] or 0


def value_of(metric: Metric, period: ReportingPeriod, unit: Unit | None) -> tuple[Any, QuerySet | None]:
    """(value, records counted); the value is None where it cannot be told for this unit."""
    if metric.source == MetricSource.ENTERED:
        return entered_value(metric, period, unit), entered_reports(metric, period, unit)
    spec = registry.get(metric.computed_key)
    if spec is None or (unit is not None and not spec.per_unit):
        return None, None
    return spec.compute(window_for(metric, period), unit)


def target_of(metric: Metric, period: ReportingPeriod, unit: Unit | None) -> Decimal | None:
    row = (
        Target.objects.filter(metric=metric, period=period, unit=unit).values_list("value", flat=True).first()
    )
    return row


@dataclass
class Line:
    """One indicator on a dashboard: target, actual and how far along."""

    metric: Metric
    target: Decimal | None
    actual: Any

    @property
    def percent(self) -> int | None:
        if not self.target or self.actual is None:
            return None
        return round(100 * Decimal(self.actual) / self.target)
