"""Refuse a request whose body is too large before reading any of it (nginx has the same limit in front;
see docs/deploy.md). Django's own DATA_UPLOAD_MAX_MEMORY_SIZE does not count files, so without this a 200 MB
upload would be read to a temporary file before the form said no."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _


def limit_for(path: str) -> int:
    """The largest body accepted at `path`: the longest matching prefix of REQUEST_BODY_LIMITS."""
    best, limit = -1, settings.REQUEST_BODY_MAX_BYTES
    for prefix, bytes_ in settings.REQUEST_BODY_LIMITS.items():
        if path.startswith(prefix) and len(prefix) > best:
            best, limit = len(prefix), bytes_
    return limit


class BodySizeLimitMiddleware:
    """413 from the declared Content-Length, before the body is read; a body sent without a length is
    capped at the same size by the reading itself (see `LimitedBody`)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = limit_for(request.path)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > limit:
            return too_large(request, limit)
        return self.get_response(request)


def too_large(request: HttpRequest, limit: int) -> HttpResponse:
    from toandan.core.errors import _error

    megabytes = limit // (1024 * 1024)
    response = _error(
        request,
        413,
        _("Dữ liệu gửi lên quá lớn"),
        _("Tổng dung lượng gửi lên vượt quá %(size)s MB. Hãy bớt tệp hoặc gửi tệp nhỏ hơn.")
        % {"size": megabytes},
    )
    # The unread body must not be taken for the next request on this connection.
    response["Connection"] = "close"
    return response
