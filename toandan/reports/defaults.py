"""Default routing rules; they refer to units, so they are installed after the directory (init-data)."""

from __future__ import annotations

from django.db import transaction

from toandan.orgs.models import Unit
from toandan.reports.models import DeadlinePolicy, ReportCategory, RoutingRule, RoutingTarget
from toandan.reports.reference_data import CATEGORIES, POLICIES

# (order, category code or None, outside province only, target, unit code)
RULES: list[tuple[int, str | None, bool, str, str | None]] = [
    (10, "xam-nhap", False, RoutingTarget.UNIT, "ca-pa05"),
    (20, "du-lieu-ca-nhan", False, RoutingTarget.UNIT, "ca-pa05"),
    (30, "xam-hai-tre-em", False, RoutingTarget.UNIT, "ca-pa05"),
    (40, "tin-sai", False, RoutingTarget.UNIT, "ca-pa05"),
    (50, None, False, RoutingTarget.AREA_POLICE, None),
    (60, None, True, RoutingTarget.UNIT, "ca-pa05"),
]


@transaction.atomic
def install_routing_rules() -> int:
    """Create the default rules once; an administrator's later edits are left alone."""
    if RoutingRule.objects.exists():
        return 0
    for order, category, outside, target, unit in RULES:
        RoutingRule.objects.create(
            order=order,
            category=ReportCategory.objects.get(code=category) if category else None,
            outside_province=outside,
            target=target,
            unit=Unit.objects.get(code=unit) if unit else None,
        )
    return len(RULES)


@transaction.atomic
def install_reference_data() -> int:
    """Add any missing default category or time limit (after a flush, or on an old database)."""
    added = 0
    for sort, (code, name, name_en, track) in enumerate(CATEGORIES, start=1):
        _row, created = ReportCategory.objects.get_or_create(
            code=code, defaults={"name": name, "name_en": name_en, "default_track": track, "sort": sort * 10}
        )
        added += created
    for track, step, extension, amount, unit, base, basis in POLICIES:
        _row, created = DeadlinePolicy.objects.get_or_create(
            track=track,
            step=step,
            extension=extension,
            defaults={"amount": amount, "unit": unit, "base": base, "legal_basis": basis},
        )
        added += created
    return added
