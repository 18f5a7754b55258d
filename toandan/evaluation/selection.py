"""What a dashboard or drill-down page shows: which plan, period and unit, from the query string and the
viewer's role (a unit leader always sees their own unit)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest
from django.utils import timezone

from toandan.evaluation.permissions import dashboard_unit
from toandan.orgs.models import Unit, UnitKind
from toandan.plans.models import Plan, ReportingPeriod


@dataclass
class Selection:
    plan: Plan
    period: ReportingPeriod | None
    unit: Unit | None
    fixed_unit: bool
    periods: list[ReportingPeriod]
    communes: list[Unit]

    @property
    def query(self) -> str:
        params: dict[str, Any] = {}
        if self.period is not None:
            params["ky"] = self.period.pk
        if self.unit is not None and not self.fixed_unit:
            params["xa"] = self.unit.pk
        return urlencode(params)

    @property
    def previous(self) -> ReportingPeriod | None:
        """The period of the same frequency just before the selected one (for trends and hot spots)."""
        if self.period is None:
            return None
        same = [
            p
            for p in self.periods
            if p.frequency == self.period.frequency and p.ends_on < self.period.ends_on
        ]
        return same[-1] if same else None


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def select(request: HttpRequest, plan: Plan) -> Selection:
    user = request.user
    own = dashboard_unit(user)
    periods = list(plan.periods.order_by("ends_on", "frequency"))
    wanted = _int(request.GET.get("ky"))
    period = next((p for p in periods if p.pk == wanted), None)
    if period is None and periods:
        today = timezone.localdate()
        started = [p for p in periods if p.starts_on <= today and p.frequency == "quarterly"] or [
            p for p in periods if p.starts_on <= today
        ]
        period = started[-1] if started else periods[0]
    communes = list(Unit.objects.filter(kind=UnitKind.COMMUNE, is_active=True).order_by("name"))
    if own is not None:
        return Selection(plan, period, own, True, periods, communes)
    wanted_unit = _int(request.GET.get("xa"))
    unit = Unit.objects.filter(pk=wanted_unit).first() if wanted_unit else None
    return Selection(plan, period, unit, False, periods, communes)
