"""Fixtures of the triage tests: a scratch directory for the platform's category model, fast wave settings,
and reports submitted through the real intake service."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from toandan.orgs.models import Unit
from toandan.reports.models import Report, ReportCategory
from toandan.reports.services import ReportInput, submit_report
from toandan.triage.tasks import suggest_pending

COMMUNE_A = "phuong-cam-thanh-21025"  # served by COMMUNE_A_POLICE
COMMUNE_B = "phuong-nghia-lo-21028"  # served by COMMUNE_B_POLICE


@pytest.fixture(autouse=True)
def _model_dir(settings: Any, tmp_path: Path) -> Path:
    """Each test has its own (empty) directory for the category model: none is accepted at first."""
    settings.TRIAGE_MODEL_DIR = str(tmp_path / "triage-models")
    settings.TRIAGE_WAVES = {"min_size": 3, "growth_members": 4, "growth_hours": 24}
    return Path(settings.TRIAGE_MODEL_DIR)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def report_factory(units: None, django_capture_on_commit_callbacks: Any) -> Callable[..., Report]:
    """Submit a report through intake, then run the worker's triage sweep as the next periodic run would."""

    def make(
        description: str,
        category: str = "lua-dao",
        commune: str | None = COMMUNE_A,
        identifiers: list[str] | None = None,
        **extra: Any,
    ) -> Report:
        data = ReportInput(
            category=ReportCategory.objects.get(code=category),
            description=description,
            identifiers=identifiers or [],
            commune=Unit.objects.get(code=commune) if commune else None,
            consent=True,
            **extra,
        )
        with django_capture_on_commit_callbacks(execute=True):
            report = submit_report(data).report
        suggest_pending.call()
        return Report.objects.select_related("triage").get(pk=report.pk)

    return make
