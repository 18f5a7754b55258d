"""Request plumbing shared by every app: the client's address and the blanket public rate limit."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from toandan.core.ratelimit import SAFE_METHODS, hit, public_rate_for, too_many_requests


class ClientIPMiddleware:
    """Set request.client_ip, trusting X-Forwarded-For only for the configured number of proxies."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        ip = request.META.get("REMOTE_ADDR", "")
        count = settings.TRUSTED_PROXY_COUNT
        if count:
            hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
            if len(hops) >= count:
                ip = hops[-count]
        request.client_ip = ip  # type: ignore[attr-defined]
        return self.get_response(request)


class PublicRateLimitMiddleware:
    """Every endpoint answers 429 once one address sends too many requests a minute."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        group = "public-read" if request.method in SAFE_METHODS else "public-write"
        if hit(request, group, public_rate_for(request)):
            return too_many_requests(request)
        return self.get_response(request)
