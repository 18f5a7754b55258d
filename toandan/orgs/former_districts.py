"""The communes of 2025 that replaced each former district (data/former-districts-2025.csv, see SOURCE.md):
plans written before July 2025 name districts; their work now falls to these communes."""

from __future__ import annotations

import csv
from collections import defaultdict
from functools import cache
from pathlib import Path

from toandan.orgs.models import Unit, UnitKind

DATA = Path(__file__).resolve().parent / "data" / "former-districts-2025.csv"


@cache
def successor_codes() -> dict[str, tuple[str, ...]]:
    """Former district unit code → GSO codes of the communes that replaced it."""
    found: dict[str, list[str]] = defaultdict(list)
    with DATA.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            found[row["district_code"]].append(row["gso_code"])
    return {code: tuple(values) for code, values in found.items()}


def successor_communes(district: Unit) -> list[Unit]:
    """Today's communes for a former district (none for any other unit)."""
    codes = successor_codes().get(district.code, ())
    if not codes:
        return []
    return list(
        Unit.objects.filter(kind=UnitKind.COMMUNE, is_active=True, gso_code__in=codes).order_by("name")
    )
