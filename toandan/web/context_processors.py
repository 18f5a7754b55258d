"""Values every page's layout needs."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from toandan.accounts.permissions import is_staff_user


def site(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    return {
        "is_staff_user": bool(user is not None and user.is_authenticated and is_staff_user(user)),
        "demo_mode": settings.TOANDAN_DEMO_SKIP_2FA,
    }
