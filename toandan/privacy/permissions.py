"""Who handles the platform's personal-data duties: administrators and the standing agency's officers
(province-wide roles that are not the steering committee, which sees figures only). Only administrators
change the retention schedule or run it by hand."""

from __future__ import annotations

from typing import Any

from toandan.accounts.permissions import has_role, is_admin
from toandan.orgs.models import Role


def can_handle(user: Any) -> bool:
    return has_role(user, Role.ADMIN, Role.STANDING_OFFICER)


def can_manage_schedule(user: Any) -> bool:
    return is_admin(user)
