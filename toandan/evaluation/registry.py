"""The registry of computed indicators: key → function(window, unit) returning a value and the records it
counts.

The functions for reports, indicators and plans live in `evaluation.computed`. Apps below evaluation
(awareness, events) add theirs without importing evaluation: a module `<app>/metrics.py` with a list
`METRICS` of plain dicts (`key`, `label`, `unit_label`, `compute`, optionally `by_commune`, `columns`,
`per_unit`, `select_related`), found at first use.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.db.models import QuerySet

from toandan.plans.reporting import window_bounds

Number = int | Decimal | float


@dataclass(frozen=True)
class Window:
    """The days a figure covers (a reporting period's cut-off window) and the plan it is evaluated for."""

    plan: Any
    starts_on: date
    ends_on: date
    deadline: date | None = None

    @property
    def bounds(self) -> tuple[datetime, datetime]:
        """Aware datetimes [first day 00:00, day after the last 00:00)."""
        return window_bounds(self)


# compute(window, unit or None) -> (value, queryset of the records counted)
Compute = Callable[[Window, Any], tuple[Number, QuerySet]]
# by_commune(window) -> {commune unit id: value}, one grouped query for rankings and the tile grid
ByCommune = Callable[[Window], dict[int, Number]]


@dataclass(frozen=True)
class ComputedMetric:
    key: str
    label: str
    unit_label: str
    compute: Compute
    by_commune: ByCommune | None = None
    # Drill-down columns: (heading, function of one record → text)
    columns: list[tuple[str, Callable[[Any], Any]]] = field(default_factory=list)
    # False: a province-wide figure that no unit's share can be told apart for (e.g. partner feed pulls)
    per_unit: bool = True
    # Relations the drill-down page loads with the records (no query per row)
    select_related: tuple[str, ...] = ()


_registry: dict[str, ComputedMetric] = {}
_discovered = False


def register(
    key: str,
    label: str,
    unit_label: str,
    compute: Compute,
    *,
    by_commune: ByCommune | None = None,
    columns: list[tuple[str, Callable[[Any], Any]]] | None = None,
    per_unit: bool = True,
    select_related: tuple[str, ...] = (),
) -> None:
    if key in _registry and _registry[key].compute is not compute:
        raise ValueError(f"computed indicator {key!r} registered twice")
    _registry[key] = ComputedMetric(
        key, label, unit_label, compute, by_commune, columns or [], per_unit, tuple(select_related)
    )


def _discover() -> None:
    global _discovered
    if _discovered:
        return
    _discovered = True
    importlib.import_module("toandan.evaluation.computed")
    for config in apps.get_app_configs():
        name = f"{config.name}.metrics"
        if config.name == "toandan.evaluation" or importlib.util.find_spec(name) is None:
            continue
        for spec in getattr(importlib.import_module(name), "METRICS", []):
            register(**spec)


def get(key: str) -> ComputedMetric | None:
    _discover()
    return _registry.get(key)


def all_metrics() -> list[ComputedMetric]:
    _discover()
    return sorted(_registry.values(), key=lambda m: m.key)


def choices() -> list[tuple[str, str]]:
    return [(m.key, m.label) for m in all_metrics()]
