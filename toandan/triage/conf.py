"""Tunable values of triage, read from optional Django settings so that a deployment can change them.

``TRIAGE_WAVES`` (dict) overrides the keys of ``WAVE_DEFAULTS``; ``TRIAGE_MODEL_DIR`` is where the
category model trained on this platform's own cases is written (default ``<var>/triage``): it is data of
the deployment, not of the repository.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings

WAVE_DEFAULTS: dict[str, Any] = {
    # Reports of one script before the group is shown as a wave.
    "min_size": 3,
    # A wave that gains this many reports (by time received) within the window proposes a warning.
    "growth_members": 5,
    "growth_hours": 24,
    # MinHash / LSH: estimated Jaccard similarity of masked word 3-shingles above which texts group.
    "threshold": 0.5,
    "num_perm": 64,
    # Reports read per database round of one detection run.
    "batch": 2000,
}


def waves() -> dict[str, Any]:
    """The wave settings in force."""
    return {**WAVE_DEFAULTS, **getattr(settings, "TRIAGE_WAVES", {})}


def model_dir() -> Path:
    """Directory of the category model trained on this platform's confirmed cases."""
    configured = getattr(settings, "TRIAGE_MODEL_DIR", None)
    return Path(configured) if configured else Path(settings.VAR_DIR) / "triage"
