"""Pages every visitor sees (home) and /healthz."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from toandan.core.health import check_health


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html")


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    result = check_health()
    return JsonResponse(result, status=200 if result["ok"] else 503)
