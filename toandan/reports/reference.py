"""Reference data report intake reads on every submission, cached per process (see core.refcache)."""

from __future__ import annotations

from datetime import date

from toandan.core import refcache
from toandan.orgs.models import Unit, UnitKind
from toandan.reports.models import DeadlinePolicy, ReportCategory, RoutingRule


def categories() -> dict[str, ReportCategory]:
    return refcache.cached("report-categories", lambda: {c.code: c for c in ReportCategory.objects.all()})


def communes() -> dict[str, Unit]:
    return refcache.cached(
        "communes", lambda: {u.code: u for u in Unit.objects.filter(kind=UnitKind.COMMUNE, is_active=True)}
    )


def area_police() -> dict[int, Unit]:
    """The active police unit serving each commune, by commune id."""
    return refcache.cached(
        "area-police",
        lambda: {
            u.area_id: u
            for u in Unit.objects.filter(kind=UnitKind.POLICE, is_active=True, area__isnull=False)
        },
    )


def unit_by_code(code: str) -> Unit:
    return refcache.cached(f"unit:{code}", lambda: Unit.objects.get(code=code))


def routing_rules() -> list[RoutingRule]:
    return refcache.cached(
        "routing-rules",
        lambda: list(
            RoutingRule.objects.filter(is_active=True).select_related("unit").order_by("order", "id")
        ),
    )


def deadline_policies(track: str) -> list[DeadlinePolicy]:
    return refcache.cached(
        f"deadline-policies:{track}", lambda: list(DeadlinePolicy.objects.filter(track=track))
    )


def days_off() -> frozenset[date]:
    from toandan.core.workdays import extra_days_off

    return refcache.cached("days-off", extra_days_off)
