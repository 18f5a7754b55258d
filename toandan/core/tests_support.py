"""Small real tasks the test suite uses to exercise the scheduling machinery and the worker's resilience."""

import time
from pathlib import Path

from django.core.mail import send_mail
from django_tasks import task

from toandan.core.effects import once


@task()
def ping_task() -> int:
    return send_mail("ping", "periodic task ran", None, ["ops@example.vn"])


@task()
def fail_with_nul() -> int:
    # What a malformed e-mail address used to do to the worker: an error text PostgreSQL cannot store.
    raise ValueError("bad address: a\x00b@example.vn")


@task()
def gated_mail(key: str, folder: str) -> int:
    """Say it started (a file), wait for the test's gate file, then send one e-mail once per key."""
    base = Path(folder)
    (base / f"started-{time.monotonic_ns()}").touch()
    deadline = time.monotonic() + 120
    while not (base / "gate").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    with once(key) as first:
        if not first:
            return 0
        return send_mail("gated", f"effect {key}", None, ["ops@example.vn"])
