"""Rate limits of the app's public endpoints (on top of the blanket per-address limit of the middleware).
Each rate can be set in settings under the name given, e.g. EVENTS_RATE_REGISTER = "10/h"."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from toandan.core.ratelimit import SAFE_METHODS, hit, too_many_requests

DEFAULTS = {
    "EVENTS_RATE_READ": "120/m",  # calendar, event pages, feeds, ticket pages, certificate checks
    "EVENTS_RATE_REGISTER": "10/h",  # registrations per address
    "EVENTS_RATE_REGISTER_CONTACT": "3/h",  # registrations per phone or e-mail
    "EVENTS_RATE_WRITE": "30/h",  # tests, feedback, cancellations per address
}


def rate(name: str) -> str:
    return str(getattr(settings, name, DEFAULTS[name]))


def limited(group: str, write_rate: str = "EVENTS_RATE_WRITE") -> Callable:
    """Count reads in `group-read` and writes (POST) in `group` at the named rate."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method in SAFE_METHODS:
                over = hit(request, f"events-{group}-read", rate("EVENTS_RATE_READ"))
            else:
                over = hit(request, f"events-{group}", rate(write_rate))
            if over:
                return too_many_requests(request)
            return view(request, *args, **kwargs)

        return wrapper

    return decorate
