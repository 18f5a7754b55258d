"""Error pages in the visitor's language, JSON under /api/; a database outage answers 503 with Retry-After."""

from __future__ import annotations

import sys
from typing import Any

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

OUTAGE_ERRORS = (OperationalError, InterfaceError)


def _error(request: HttpRequest, status: int, title: str, message: str) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=status)
    return render(request, "core/error.html", {"title": title, "message": message}, status=status)


def forbidden(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return _error(
        request, 403, _("Không có quyền truy cập"), _("Tài khoản của bạn không có quyền xem trang này.")
    )


def not_found(request: HttpRequest, exception: Any = None) -> HttpResponse:
    return _error(
        request, 404, _("Không tìm thấy trang"), _("Trang bạn tìm không tồn tại hoặc đã được chuyển đi.")
    )


def bad_input(request: HttpRequest, message: str, status: int = 422) -> HttpResponse:
    """Input refused before any view ran (NUL characters, a body too large): nothing was stored."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message, "errors": []}, status=status)
    # Rendered without the request: the page must not need the session or the database.
    html = render_to_string("core/error.html", {"title": _("Dữ liệu không hợp lệ"), "message": message})
    return HttpResponse(html, status=status)


def database_unavailable(request: HttpRequest) -> HttpResponse:
    """503 while the database cannot be reached; the page needs neither the session nor the database."""
    message = _(
        "Hệ thống đang tạm thời gián đoạn nên yêu cầu của bạn chưa được xử lý. Vui lòng thử lại sau ít phút."
    )
    if request.path.startswith("/api/"):
        response: HttpResponse = JsonResponse({"detail": message, "errors": []}, status=503)
    else:
        html = render_to_string("core/error.html", {"title": _("Tạm thời gián đoạn"), "message": message})
        response = HttpResponse(html, status=503)
    response["Retry-After"] = str(settings.OUTAGE_RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    # Django calls this while handling the exception: a lost database is an outage to wait out, not a bug.
    if isinstance(sys.exc_info()[1], OUTAGE_ERRORS):
        return database_unavailable(request)
    message = _("Đã xảy ra lỗi nên yêu cầu của bạn chưa được xử lý. Vui lòng thử lại sau.")
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=500)
    html = render_to_string("core/error.html", {"title": _("Lỗi hệ thống"), "message": message})
    return HttpResponse(html, status=500)
