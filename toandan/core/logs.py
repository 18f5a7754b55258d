"""Structured logs: one JSON object a line, each carrying the id of the request it belongs to.

Personal data stays out: a request is logged by its route pattern (`api/v1/reports/<code>`), never by its
path, query string, body or headers, and messages are logged as their format string's result only where
the code chose what goes in."""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from collections.abc import Callable
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from django.http import HttpRequest, HttpResponse

from toandan.core import metrics

request_id: ContextVar[str] = ContextVar("request_id", default="")
SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
FIELDS = ("method", "route", "status", "duration_ms")  # the extra fields a record may carry
logger = logging.getLogger("toandan.request")


def _route(request: Any) -> str:
    match = getattr(request, "resolver_match", None)
    return match.route if match is not None else ""


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        request = getattr(record, "request", None)  # Django's own request logs (django.request, …)
        message = record.getMessage()
        if request is not None:
            # Their message holds the path (a report's tracking code, a searched number): the route instead.
            message = f"{getattr(record, 'status_code', '')} {_route(request)}".strip()
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": message,
            "request_id": getattr(record, "request_id", "")
            or getattr(request, "request_id", "")
            or request_id.get(),
        }
        for name in FIELDS:
            if hasattr(record, name):
                entry[name] = getattr(record, name)
        if record.exc_info:
            entry["exception"] = record.exc_info[0].__name__ if record.exc_info[0] else ""
        return json.dumps(entry, ensure_ascii=False)


class RequestIdMiddleware:
    """Give each request an id (the caller's X-Request-ID when it is a plain token), answer it in the
    X-Request-ID header and log one line per request with its route, status and duration."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        given = request.headers.get("X-Request-ID", "")
        rid = given if SAFE_ID.match(given) else uuid.uuid4().hex
        request.request_id = rid  # type: ignore[attr-defined] - read by the formatter after the middleware
        token = request_id.set(rid)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = rid
            metrics.observe(request.method or "", response.status_code, time.monotonic() - started)
            logger.info(
                "request",
                extra={
                    "request_id": rid,
                    "method": request.method,
                    "route": _route(request),
                    "status": response.status_code,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                },
            )
            return response
        finally:
            request_id.reset(token)
