"""Who counts as staff, whether their session passed the second factor, and access helpers for views."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from toandan.orgs.models import PROVINCE_WIDE_ROLES, Role

SECOND_FACTOR_SESSION_KEY = "toandan_2fa"


def is_staff_user(user: Any) -> bool:
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_toandan_is_staff", None)
    if cached is None:
        cached = user.is_superuser or user.memberships.exists()
        user._toandan_is_staff = cached
    return cached


def has_role(user: Any, *roles: Role) -> bool:
    return user.is_authenticated and (user.is_superuser or user.memberships.filter(role__in=roles).exists())


def is_admin(user: Any) -> bool:
    return has_role(user, Role.ADMIN)


def is_province_wide(user: Any) -> bool:
    return has_role(user, *PROVINCE_WIDE_ROLES)


def second_factor_passed(request: HttpRequest) -> bool:
    """Staff pass with a verified TOTP device, or, only in the embedded demo, as a demo account."""
    user = request.user
    if request.session.get(SECOND_FACTOR_SESSION_KEY) == "totp" and user.is_verified():  # type: ignore[union-attr]
        return True
    return bool(
        settings.TOANDAN_DEMO_SKIP_2FA
        and getattr(user, "is_demo", False)
        and request.session.get(SECOND_FACTOR_SESSION_KEY) == "demo"
    )


def staff_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed in, holding a unit role, and past the second factor."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_staff_user(request.user):
            raise PermissionDenied
        if not second_factor_passed(request):
            return redirect("accounts:second_factor")
        return view(request, *args, **kwargs)

    return wrapper


def admin_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    @staff_required
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_admin(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def get_visible_or_404(queryset: QuerySet, user: Any, **lookup: Any) -> Model:
    """Fetch one object through the model's visible_to(user) rule; 404 (not 403) hides its existence."""
    try:
        return queryset.visible_to(user).get(**lookup)
    except queryset.model.DoesNotExist as exc:
        raise Http404 from exc
