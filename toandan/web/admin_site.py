"""Django's admin, open only to administrators past the platform's sign-in and second factor."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _


class ToanDanAdminSite(admin.AdminSite):
    site_header = _("Quản trị Toàn Dân")
    site_title = _("Quản trị Toàn Dân")

    def has_permission(self, request: HttpRequest) -> bool:
        from toandan.accounts.permissions import second_factor_passed

        user = request.user
        return bool(user.is_active and user.is_staff and second_factor_passed(request))

    def login(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.GET.get("next", request.get_full_path()))
