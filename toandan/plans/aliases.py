"""Unit names remembered from review: an officer's mapping of a written name becomes an alias the next import
uses; unknown bodies can be added to the directory; former districts are mapped to today's units.

The key of a written name is `name_key` (folded, abbreviations expanded) so "UBND các huyện" and "Ủy ban nhân
dân các huyện" are one alias. (`name_key` lives in orgs.matching for now; it is moving to a toolkit package.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.db import transaction
from django.http import HttpRequest
from django.utils.text import slugify

from toandan.core.audit import record
from toandan.core.models import AuditAction
from toandan.identifiers.names import name_key
from toandan.identifiers.text import strip_diacritics
from toandan.orgs.models import Unit, UnitKind
from toandan.plans.models import UnitAlias

__all__ = ["alias_units", "create_unit", "former_district", "remember_alias", "successor_suggestions"]

_DISTRICT_WORDS = re.compile(r"^(?:(?:ubnd|uy ban nhan dan|huyen|thi xa|thanh pho|quan)\s+)+")


def alias_units(names: Iterable[str]) -> dict[str, list[int]]:
    """Unit ids remembered for each written name that has an alias (one query)."""
    keys = {name_key(n): n for n in names if n.strip()}
    found: dict[str, list[int]] = {}
    for alias in UnitAlias.objects.filter(key__in=list(keys)).prefetch_related("units"):
        found[keys[alias.key]] = [u.pk for u in alias.units.all()]
    return found


@transaction.atomic
def remember_alias(
    written: str, unit_ids: list[int], *, actor=None, request: HttpRequest | None = None
) -> UnitAlias:  # noqa: ANN001
    """Remember that plans writing `written` mean these units (replacing an earlier mapping)."""
    key = name_key(written)
    alias, created = UnitAlias.objects.get_or_create(
        key=key, defaults={"written": written[:300], "created_by": actor}
    )
    alias.units.set(Unit.objects.filter(pk__in=unit_ids))
    record(
        AuditAction.CREATED if created else AuditAction.STATE_CHANGED,
        actor=actor,
        request=request,
        target=alias,
        summary=f"alias {written[:200]}",
        units=sorted(unit_ids),
    )
    return alias


@transaction.atomic
def create_unit(name: str, *, actor=None, request: HttpRequest | None = None) -> Unit:  # noqa: ANN001
    """Add a body a plan names but the directory lacks (kind "other", to be completed by an administrator)."""
    name = " ".join(name.split())[:200]
    base = slugify(strip_diacritics(name))[:50] or "don-vi"
    code, n = base, 1
    while Unit.objects.filter(code=code).exists():
        n += 1
        code = f"{base}-{n}"
    unit = Unit(code=code, name=name, kind=UnitKind.OTHER, note="Thêm khi nhập kế hoạch")
    unit.save()
    record(AuditAction.CREATED, actor=actor, request=request, target=unit, summary=f"unit {name}")
    return unit


def former_district(unit_ids: list[int], units: dict[int, Unit]) -> Unit | None:
    """The former district (before 1 July 2025) a name resolved to, if that is what it resolved to."""
    if len(unit_ids) != 1:
        return None
    unit = units.get(unit_ids[0])
    return unit if unit is not None and unit.kind == UnitKind.DISTRICT else None


def successor_suggestions(district: Unit, units: Iterable[Unit]) -> list[int]:
    """Today's communes and wards that carry the former district's name ("Huyện Bình Sơn" → "Xã Bình Sơn").

    Only a suggestion shown for the officer to confirm or extend: the directory does not record which
    communes took over each district's territory.
    """
    stem = _DISTRICT_WORDS.sub("", name_key(district.name)).strip()
    if not stem:
        return []
    out = []
    for unit in units:
        if unit.kind == UnitKind.COMMUNE and unit.is_active:
            key = re.sub(r"^(?:xa|phuong|dac khu)\s+", "", name_key(unit.name))
            if key == stem:
                out.append(unit.pk)
    return out


@transaction.atomic
def confirm_import(  # noqa: ANN201
    review,  # noqa: ANN001 - PlanReview (imported late: services imports this module's neighbours)
    *,
    mappings: dict[str, list[int]],
    to_create: list[str],
    corrections: dict[str, list[int]],
    actor=None,  # noqa: ANN001
    request: HttpRequest | None = None,
):
    """Save a reviewed plan with the officer's unit decisions, all in one transaction: bodies added to the
    directory, every mapping and correction remembered as an alias, then the plan itself."""
    from toandan.plans.services import create_plan

    created = {name: create_unit(name, actor=actor, request=request).pk for name in to_create}
    for task in review.tasks:
        for ref in [*task.lead, *task.support]:
            if ref.name in created and not ref.unit_ids:
                ref.unit_ids = [created[ref.name]]
    for name, ids in {**corrections, **mappings, **{n: [pk] for n, pk in created.items()}}.items():
        remember_alias(name, ids, actor=actor, request=request)
    return create_plan(review, actor=actor, request=request)
