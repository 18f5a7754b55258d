"""Which unit is competent for a new report: the first matching rule of the administrator's table."""

from __future__ import annotations

from toandan.orgs.models import Unit
from toandan.reports import reference
from toandan.reports.models import ReportCategory, RoutingTarget

FALLBACK_UNIT = "ca-tinh"


def route(category: ReportCategory, commune: Unit | None) -> Unit:
    for rule in reference.routing_rules():
        if rule.category_id and rule.category_id != category.pk:
            continue
        if rule.commune_id and (commune is None or rule.commune_id != commune.pk):
            continue
        if rule.outside_province and commune is not None:
            continue
        if rule.target == RoutingTarget.UNIT and rule.unit is not None:
            return rule.unit
        if rule.target == RoutingTarget.AREA_POLICE and commune is not None:
            police = reference.area_police().get(commune.pk)
            if police is not None:
                return police
    # The provincial police (standing agency) receives whatever no rule places: never refuse a report.
    return reference.unit_by_code(FALLBACK_UNIT)
