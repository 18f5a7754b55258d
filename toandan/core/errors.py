"""Error pages in the visitor's language, JSON under /api/."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


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


def server_error(request: HttpRequest) -> HttpResponse:
    return _error(
        request,
        500,
        _("Lỗi hệ thống"),
        _("Đã xảy ra lỗi. Dữ liệu của bạn không bị mất; vui lòng thử lại sau."),
    )
