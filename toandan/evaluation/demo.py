"""Demo data of the evaluation app: a population figure for every commune, marked as demo (made-up numbers,
never presented as real), so that the ranking per 10,000 residents can be seen in a demo."""

from __future__ import annotations

from toandan.evaluation.models import Population
from toandan.orgs.models import Unit, UnitKind

DEMO_YEAR = 2025
DEMO_SOURCE = "Số liệu minh họa (demo), không phải số dân thật"


def demo_residents(gso_code: str) -> int:
    """A made-up but stable figure between 6,000 and 45,999 per commune."""
    digits = int("".join(ch for ch in gso_code if ch.isdigit()) or "0")
    return 6_000 + (digits * 7_919) % 40_000


def load_demo_population() -> int:
    """Add the demo figure of every active commune that has none for the demo year; returns how many."""
    have = set(Population.objects.filter(year=DEMO_YEAR).values_list("commune_id", flat=True))
    rows = [
        Population(
            commune=c, year=DEMO_YEAR, residents=demo_residents(c.gso_code), source=DEMO_SOURCE, is_demo=True
        )
        for c in Unit.objects.filter(kind=UnitKind.COMMUNE, is_active=True).exclude(pk__in=have)
    ]
    Population.objects.bulk_create(rows)
    return len(rows)
