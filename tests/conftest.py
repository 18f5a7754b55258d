"""Shared fixtures: the directory, one named user per role, clients signed in past the second factor."""

from __future__ import annotations

import os
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import django_ratelimit.core
import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.utils import translation
from hypothesis import settings as hypothesis_settings

from toandan.accounts.models import User
from toandan.core import refcache
from toandan.orgs.models import Role, Unit
from toandan.orgs.services import sync_units
from toandan.reports.defaults import install_reference_data, install_routing_rules
from toandan.web.testing import COMMUNE_A_POLICE, COMMUNE_B_POLICE, PASSWORD, make_staff

SHARED_DIR = Path(__file__).resolve().parents[1].parent / "shared"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true")


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Tests marked `shared_data` read ../shared: skipped on a bare clone, required (failing) in CI."""
    if item.get_closest_marker("shared_data") and not SHARED_DIR.is_dir():
        if IN_CI or os.environ.get("TOANDAN_REQUIRE_SHARED") == "1":
            pytest.fail(f"shared data required in CI but missing: {SHARED_DIR}")
        pytest.skip("needs ../shared beside the repository (development data); required in CI")


# In CI the property tests draw the same examples every run, so a submission's result does not depend on
# luck; on developers' machines they keep exploring new examples.
hypothesis_settings.register_profile("ci", derandomize=True, deadline=None)
if IN_CI:
    hypothesis_settings.load_profile("ci")


@pytest.fixture(scope="session", autouse=True)
def _expected_database(django_db_setup: Any, django_db_blocker: Any) -> None:
    """CI runs the suite once per database; fail loudly if the PostgreSQL run silently used SQLite."""
    expected = os.environ.get("TOANDAN_EXPECT_DB")
    if expected:
        with django_db_blocker.unblock():
            assert connection.vendor == expected, f"expected {expected}, tests run on {connection.vendor}"


@pytest.fixture(autouse=True)
def _fresh_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    # Rate-limit counters live in the cache, reference data in per-process caches: each test starts clean.
    for each in caches.all():
        each.clear()
    refcache.clear()
    # django-ratelimit counts in fixed windows that end at a second of the clock set by the key: a test whose
    # requests straddled that second saw its count start again. The limits' clock stands still in a test.
    now = time.time()
    monkeypatch.setattr(django_ratelimit.core, "time", SimpleNamespace(time=lambda: now))
    # A request through the test client leaves its language active in the thread: start each test in the
    # default language, whatever the test before asked for.
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def units(db: Any) -> None:
    if not Unit.objects.exists():
        sync_units()
        install_reference_data()
        install_routing_rules()


@pytest.fixture
def citizen(db: Any) -> User:
    return User.objects.create_user(username="citizen", password=PASSWORD)


@pytest.fixture
def commune_a_officer(units: None) -> User:
    return make_staff("officer_a", COMMUNE_A_POLICE, Role.UNIT_OFFICER)


@pytest.fixture
def commune_b_officer(units: None) -> User:
    return make_staff("officer_b", COMMUNE_B_POLICE, Role.UNIT_OFFICER)


@pytest.fixture
def provincial_officer(units: None) -> User:
    return make_staff("provincial", "ca-tinh", Role.STANDING_OFFICER, include_subunits=True)


@pytest.fixture
def steering_member(units: None) -> User:
    return make_staff("steering", "bcd138", Role.STEERING_MEMBER)


@pytest.fixture
def admin_user(units: None) -> User:
    user = make_staff("admin", "tinh-quang-ngai", Role.ADMIN, include_subunits=True)
    user.is_staff = user.is_superuser = True
    user.save(update_fields=["is_staff", "is_superuser"])
    return user
