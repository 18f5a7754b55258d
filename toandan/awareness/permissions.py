"""Who writes and who publishes: editors are staff of the owning unit (or of a unit above it with sub-units);
reviewers are that unit's leaders and the province-wide roles of the standing agency and administrators."""

from __future__ import annotations

from typing import Any

from toandan.awareness.models import ContentItem
from toandan.orgs.models import Role, Unit, unit_scope_q

REVIEWER_ROLES = (Role.UNIT_LEADER, Role.STANDING_OFFICER, Role.ADMIN)
PROVINCE_REVIEWER_ROLES = (Role.STANDING_OFFICER, Role.ADMIN)


def _memberships(user: Any) -> list[Any]:
    unit_scope_q(user)  # fills the per-request cache of memberships
    return list(getattr(user, "_toandan_memberships", []))


def writable_units(user: Any) -> Any:
    """Units whose content the user may write."""
    return Unit.objects.filter(unit_scope_q(user, prefix=""))


def can_write(user: Any, item: ContentItem) -> bool:
    return user.is_authenticated and writable_units(user).filter(pk=item.unit_id).exists()


def can_review(user: Any, item: ContentItem) -> bool:
    """A reviewer of the owning unit: its leader (or a leader above it), or a province-wide reviewer."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    path = item.unit.path
    for m in _memberships(user):
        if m.role in PROVINCE_REVIEWER_ROLES:
            return True
        if m.role == Role.UNIT_LEADER and (m.unit_id == item.unit_id or path.startswith(m.unit.path)):
            return True
    return False


def is_reviewer_anywhere(user: Any) -> bool:
    return user.is_authenticated and (
        user.is_superuser or any(m.role in REVIEWER_ROLES for m in _memberships(user))
    )
