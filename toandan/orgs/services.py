"""State changes of the organisation directory and of staff roles; each writes an audit row."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.text import slugify

from toandan.core.audit import record
from toandan.core.models import AuditAction
from toandan.identifiers.text import strip_diacritics
from toandan.orgs.models import Membership, Role, Unit, UnitKind

DATA_DIR = Path(__file__).resolve().parent / "data"
POLICE_PREFIX = {"xã": "Công an xã", "phường": "Công an phường", "đặc khu": "Công an đặc khu"}


def commune_code(name: str, gso_code: str) -> str:
    # The GSO code keeps names that differ only by diacritics apart ("Sơn Hà" and "Sơn Hạ").
    return f"{slugify(strip_diacritics(name))}-{gso_code}"


@transaction.atomic
def sync_units() -> dict[str, int]:
    """Create or update the shipped directory (agencies, 96 communes with their police, former districts)."""
    counts = {"created": 0, "updated": 0}

    def upsert(code: str, **fields: Any) -> Unit:
        unit = Unit.objects.filter(code=code).first()
        if unit is None:
            unit = Unit(code=code)
            counts["created"] += 1
        else:
            counts["updated"] += 1
        for name, value in fields.items():
            setattr(unit, name, value)
        unit.save()
        return unit

    with open(DATA_DIR / "units.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            upsert(
                row["code"],
                name=row["name"],
                short_name=row["short_name"],
                kind=row["kind"],
                parent=Unit.objects.get(code=row["parent"]) if row["parent"] else None,
                is_active=row["active"] == "1",
                aliases="\n".join(a.strip() for a in row["aliases"].split(";") if a.strip()),
                note=row["note"],
            )
    province = Unit.objects.get(code="tinh-quang-ngai")
    police = Unit.objects.get(code="ca-tinh")
    with open(DATA_DIR / "quang-ngai-communes-2025.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            code = commune_code(row["name"], row["gso_code"])
            bare = (
                row["name"].split(" ", 2)[-1]
                if row["division_type"] == "đặc khu"
                else row["name"].split(" ", 1)[1]
            )
            commune = upsert(
                code,
                name=row["name"],
                kind=UnitKind.COMMUNE,
                parent=province,
                gso_code=row["gso_code"],
                is_active=True,
                aliases=f"UBND {row['name'].lower()[0]}{row['name'][1:]}\n{bare}",
                note="Nghị quyết 1677/NQ-UBTVQH15",
            )
            upsert(
                f"ca-{code}",
                name=f"{POLICE_PREFIX[row['division_type']]} {bare}",
                kind=UnitKind.POLICE,
                parent=police,
                area=commune,
                is_active=True,
            )
    return counts


def forget_scope(user: Any) -> None:
    """Drop the memberships cached on this user object (orgs.models.unit_scope_q) after a role change."""
    for name in ("_toandan_memberships", "_toandan_is_staff"):
        user.__dict__.pop(name, None)


@transaction.atomic
def grant_role(
    *,
    actor: Any,
    user: Any,
    unit: Unit,
    role: Role | str,
    include_subunits: bool = False,
    request: Any = None,
) -> Membership:
    forget_scope(user)
    membership, created = Membership.objects.get_or_create(
        user=user, unit=unit, role=role, defaults={"include_subunits": include_subunits}
    )
    if not created and membership.include_subunits != include_subunits:
        membership.include_subunits = include_subunits
        membership.save(update_fields=["include_subunits"])
    elif not created:
        return membership
    record(
        AuditAction.ROLE_GRANTED,
        actor=actor,
        request=request,
        target=membership,
        unit=unit,
        summary=f"{user.get_username()}: {Role(role).label} @ {unit.name}",
        user=user.get_username(),
        role=str(role),
        include_subunits=include_subunits,
    )
    return membership


@transaction.atomic
def revoke_role(*, actor: Any, membership: Membership, request: Any = None) -> None:
    forget_scope(membership.user)
    record(
        AuditAction.ROLE_REVOKED,
        actor=actor,
        request=request,
        target=membership,
        unit=membership.unit,
        summary=f"{membership.user.get_username()}: {membership.get_role_display()} @ {membership.unit.name}",
        user=membership.user.get_username(),
        role=membership.role,
    )
    membership.delete()
