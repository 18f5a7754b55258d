"""Prometheus metrics at /metrics (text format, no extra library): requests and latency of this process,
queue depth, oldest queued task, tasks running, and the freshest worker heartbeat, read from the database,
then the gauges the apps above core register (reports: deadlines at risk).

Request counters are kept by each server process and labelled with its `process` id: one scrape reaches one
process, and a process restarted by the supervisor starts again from zero under a new id, so Prometheus sees
one counter per process instead of one counter that jumps (docs/resilience.md, "Metrics").

Readable from the machine itself (127.0.0.1, ::1) or with `Authorization: Bearer <METRICS_TOKEN>`."""

from __future__ import annotations

import hmac
import os
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

_lock = threading.Lock()
_requests: Counter[tuple[str, str]] = Counter()  # (method, status class) → count
_latency = {"sum": 0.0, "count": 0}
_started = time.time()

#: One sample of a gauge: its labels (may be empty) and its value.
Sample = tuple[Mapping[str, str], float]
#: Gauges of the apps above core (core never imports them), added from their AppConfig.ready: name → (help,
#: a function reading the samples from the database when /metrics is asked).
_gauges: dict[str, tuple[str, Callable[[], Iterable[Sample]]]] = {}


def register_gauge(name: str, help_text: str, read: Callable[[], Iterable[Sample]]) -> None:
    """Add a gauge of an app above core (reports: `toandan_report_deadlines_at_risk`)."""
    _gauges[name] = (help_text, read)


def _labels(labels: Mapping[str, str]) -> str:
    def escaped(value: str) -> str:
        return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")

    return "{" + ",".join(f'{k}="{escaped(v)}"' for k, v in labels.items()) + "}" if labels else ""


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _registered_lines() -> list[str]:
    lines: list[str] = []
    for name, (help_text, read) in sorted(_gauges.items()):
        lines += [f"# HELP {name} {help_text}", f"# TYPE {name} gauge"]
        lines += [f"{name}{_labels(labels)} {_number(value)}" for labels, value in read()]
    return lines


def observe(method: str, status: int, seconds: float) -> None:
    with _lock:
        _requests[(method, f"{status // 100}xx")] += 1
        _latency["sum"] += seconds
        _latency["count"] += 1


def _allowed(request: HttpRequest) -> bool:
    token = getattr(settings, "METRICS_TOKEN", "")
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if token and given and hmac.compare_digest(given, token):
        return True
    return getattr(request, "client_ip", request.META.get("REMOTE_ADDR", "")) in ("127.0.0.1", "::1")


def _database_lines() -> list[str]:
    from django_tasks_db.models import DBTaskResult

    from toandan.core.models import WorkerHeartbeat

    now = timezone.now()
    ready = DBTaskResult.objects.filter(status="READY")
    oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    last_beat = WorkerHeartbeat.objects.order_by("-last_seen").values_list("last_seen", flat=True).first()
    return [
        "# TYPE toandan_tasks_queued gauge",
        f"toandan_tasks_queued {ready.count()}",
        "# TYPE toandan_tasks_oldest_queued_seconds gauge",
        f"toandan_tasks_oldest_queued_seconds {(now - oldest).total_seconds() if oldest else 0:.1f}",
        "# TYPE toandan_tasks_running gauge",
        f"toandan_tasks_running {DBTaskResult.objects.filter(status='RUNNING').count()}",
        "# TYPE toandan_worker_heartbeat_age_seconds gauge",
        f"toandan_worker_heartbeat_age_seconds {(now - last_beat).total_seconds() if last_beat else -1:.1f}",
    ]


@never_cache
def metrics(request: HttpRequest) -> HttpResponse:
    if not _allowed(request):
        return HttpResponse(status=404)
    with _lock:
        counts = sorted(_requests.items())
        total, count = _latency["sum"], _latency["count"]
    process = f'process="{os.getpid()}"'
    lines = [
        "# HELP toandan_process_start_time_seconds When this server process started (Unix time).",
        "# TYPE toandan_process_start_time_seconds gauge",
        f"toandan_process_start_time_seconds{{{process}}} {_started:.3f}",
        "# TYPE toandan_http_requests_total counter",
    ]
    lines += [
        f'toandan_http_requests_total{{{process},method="{m}",status="{s}"}} {n}' for (m, s), n in counts
    ]
    lines += [
        "# TYPE toandan_http_request_duration_seconds summary",
        f"toandan_http_request_duration_seconds_sum{{{process}}} {total:.6f}",
        f"toandan_http_request_duration_seconds_count{{{process}}} {count}",
    ]
    lines += _database_lines()
    lines += _registered_lines()
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; version=0.0.4")
