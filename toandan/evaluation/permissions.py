"""Who may see and change evaluation data: the steering committee and standing agency see the province,
a unit leader sees their unit; the standing agency and administrators manage indicators, inspections,
practices and budget."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from toandan.orgs.models import PROVINCE_WIDE_ROLES, Role, Unit

MANAGER_ROLES = {Role.STANDING_OFFICER, Role.ADMIN}


def _memberships(user: Any) -> list:
    cached = getattr(user, "_toandan_memberships", None)
    if cached is None:
        cached = list(user.memberships.select_related("unit"))
        user._toandan_memberships = cached
    return cached


def can_manage(user: Any) -> bool:
    return user.is_authenticated and (
        user.is_superuser or any(m.role in MANAGER_ROLES for m in _memberships(user))
    )


def dashboard_unit(user: Any) -> Unit | None:
    """None for province-wide viewers; a unit leader's unit; PermissionDenied for anyone else."""
    if user.is_superuser or any(m.role in PROVINCE_WIDE_ROLES for m in _memberships(user)):
        return None
    for m in _memberships(user):
        if m.role == Role.UNIT_LEADER:
            return m.unit
    raise PermissionDenied


def require_manager(user: Any) -> None:
    if not can_manage(user):
        raise PermissionDenied
