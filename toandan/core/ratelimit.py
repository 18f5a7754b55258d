"""Rate limits on public endpoints, kept in the configured cache (shared by processes in production)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django_ratelimit import ALL
from django_ratelimit.core import get_usage, is_ratelimited

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def private_key(value: str) -> str:
    """A keyed hash of an address or a contact: the limits' cache never holds the value itself, and without
    the SECRET_KEY its hash cannot be reversed by trying every IPv4 address."""
    return salted_hmac("toandan.ratelimit", value).hexdigest()


def ip_key(group: str, request: HttpRequest) -> str:
    return private_key(getattr(request, "client_ip", None) or request.META.get("REMOTE_ADDR", ""))


def hit(request: HttpRequest, group: str, rate: str, key: str | None = None, increment: bool = True) -> bool:
    """Count one request in `group` for `key` (the client address by default); True when over `rate`."""
    return is_ratelimited(
        request,
        group=group,
        key=(lambda g, r: private_key(key)) if key is not None else ip_key,
        rate=rate,
        method=ALL,
        increment=increment,
    )


def exhausted(request: HttpRequest, group: str, rate: str, key: str) -> bool:
    """True when `key` already used its whole allowance in `group` (checks without counting)."""
    usage = get_usage(
        request, group=group, key=lambda g, r: private_key(key), rate=rate, method=ALL, increment=False
    )
    return bool(usage and usage["count"] >= usage["limit"])


def too_many_requests(request: HttpRequest) -> HttpResponse:
    message = _("Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng đợi một phút rồi thử lại.")
    if request.path.startswith("/api/"):
        response: HttpResponse = JsonResponse({"detail": message}, status=429)
    else:
        response = render(
            request, "core/error.html", {"title": _("Quá nhiều yêu cầu"), "message": message}, status=429
        )
    response["Retry-After"] = "60"
    return response


def public_rate_for(request: HttpRequest) -> str:
    return settings.PUBLIC_RATE_GET if request.method in SAFE_METHODS else settings.PUBLIC_RATE_WRITE
