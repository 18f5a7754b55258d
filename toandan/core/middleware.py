"""Request plumbing shared by every app: the client's address, the blanket public rate limit and the refusal
of NUL characters in any input."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _

from toandan.core.errors import bad_input
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


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


def _json_has_nul(raw: str | bytes) -> bool:
    try:
        return _has_nul(json.loads(raw))
    except (ValueError, RecursionError):
        return False  # not JSON: the view answers that


class RejectNulMiddleware:
    """A NUL character in the path, the query string, a form field or a JSON body gets a clear 422 before any
    view runs: PostgreSQL refuses NUL in every text column, so it used to end as a 500 (or a dead worker).
    Files are not looked at (they are binary); a body too large gets 413."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            found = self._has_nul(request)
        except RequestDataTooBig:
            return bad_input(request, _("Nội dung gửi lên quá lớn."), status=413)
        if found:
            return bad_input(
                request,
                _("Dữ liệu gửi lên có ký tự không hợp lệ (ký tự NUL). Vui lòng bỏ ký tự đó rồi gửi lại."),
            )
        return self.get_response(request)

    def _has_nul(self, request: HttpRequest) -> bool:
        if "\x00" in request.path:
            return True
        if any(_has_nul(k) or _has_nul(request.GET.getlist(k)) for k in request.GET):
            return True
        if request.method in SAFE_METHODS:
            return False
        content_type = request.META.get("CONTENT_TYPE", "")
        if content_type.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
            try:
                fields = request.POST
            except MultiPartParserError:
                return False  # the view answers a malformed body
            for key in fields:
                values = fields.getlist(key)
                if _has_nul(key) or _has_nul(values):
                    return True
                # The API's multipart submission carries its fields as JSON in `data`.
                if (
                    key == "data"
                    and request.path.startswith("/api/")
                    and any(_json_has_nul(v) for v in values)
                ):
                    return True
            return any(_has_nul(f.name or "") for f in request.FILES.values())
        if "json" in content_type or request.path.startswith("/api/"):
            body = request.body
            return b"\x00" in body or (b"\\u0000" in body and _json_has_nul(body))
        return False
