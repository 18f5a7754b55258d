"""Limits that cannot be flushed: rate-limit and proof-of-work state survive a flood of unrelated cache keys,
hold no address in clear, do not outlive their window, and production refuses a per-process cache."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache, caches
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory
from django.utils import timezone
from django.utils.module_loading import import_string

from tests.test_settings import SAFE_PRODUCTION
from toandan.config import load_config
from toandan.core import antiabuse
from toandan.core.ratelimit import hit

IP = "198.51.100.23"


@pytest.fixture
def database_caches(settings: Any, transactional_db: Any) -> None:
    """The production layout: both caches in database tables, with Django's default cull settings."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "toandan_cache"},
        "limits": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "toandan_limits",
            "OPTIONS": {"MAX_ENTRIES": django_settings.LIMITS_CACHE_MAX_ENTRIES},
        },
    }
    call_command("createcachetable", verbosity=0)


def _request() -> Any:
    request = RequestFactory().post("/to-giac/", REMOTE_ADDR=IP)
    request.client_ip = IP
    return request


def test_unrelated_keys_do_not_flush_a_rate_limit(database_caches: None) -> None:
    request = _request()
    for _ in range(3):
        assert not hit(request, "report-nopow", "3/h")
    assert hit(request, "report-nopow", "3/h")
    # Anyone able to make the site cache 400 things (pages, lookups) would otherwise cull the counter.
    for number in range(400):
        cache.set(f"zz-unrelated-{number:04d}", "x", 3600)
    assert hit(request, "report-nopow", "3/h", increment=False)


def test_a_used_challenge_stays_used_after_a_flood(database_caches: None) -> None:
    challenge = antiabuse.new_challenge()
    nonce = antiabuse.solve(challenge)
    assert antiabuse.verify(challenge, nonce)
    for number in range(400):
        cache.set(f"zz-unrelated-{number:04d}", "x", 3600)
    assert not antiabuse.verify(challenge, nonce)


def test_limits_keep_no_address_and_expire_from_the_table(database_caches: None) -> None:
    hit(_request(), "report-ip", "20/h")
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key, value FROM toandan_limits")
        rows = cursor.fetchall()
    assert rows and not any(IP in repr(row) for row in rows)
    from toandan.core.tasks import purge_expired_cache

    assert purge_expired_cache.call() == 0  # nothing expired yet
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE toandan_limits SET expires = %s",
            [connection.ops.adapt_datetimefield_value(timezone.now() - timedelta(minutes=1))],
        )
    assert purge_expired_cache.call() == len(rows)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM toandan_limits")
        assert cursor.fetchone()[0] == 0


def test_production_refuses_a_per_process_cache(tmp_path: Path) -> None:
    with pytest.raises(ImproperlyConfigured, match="CACHE_BACKEND"):
        load_config({**SAFE_PRODUCTION, "CACHE_BACKEND": "locmem"}, tmp_path)
    assert load_config(SAFE_PRODUCTION, tmp_path).cache_backend == "database"


def test_the_sweeps_are_scheduled_and_importable() -> None:
    tasks = django_settings.PERIODIC_TASKS
    assert "toandan.reports.tasks.remove_orphan_evidence" in tasks
    assert "toandan.core.tasks.purge_expired_cache" in tasks
    for path in tasks:
        assert hasattr(import_string(path), "enqueue"), path


def test_limits_cache_is_its_own() -> None:
    assert django_settings.RATELIMIT_USE_CACHE == "limits" and caches["limits"] is not caches["default"]
