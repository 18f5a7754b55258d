"""Fixtures for plan tests: the seed plan, unit staff, and media in a temporary folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from toandan.accounts.models import User
from toandan.orgs.models import Role
from toandan.plans.models import Plan
from toandan.plans.services import load_seed_plan
from toandan.web.testing import make_staff


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def seed_plan(units: None) -> Plan:
    return load_seed_plan()[0]


@pytest.fixture
def police_officer(units: None) -> User:
    """An officer of the provincial police (Công an tỉnh) itself, not province-wide."""
    return make_staff("canbo.catinh", "ca-tinh", Role.UNIT_OFFICER)


@pytest.fixture
def edu_officer(units: None) -> User:
    return make_staff("canbo.sgd", "so-gddt", Role.UNIT_OFFICER)
