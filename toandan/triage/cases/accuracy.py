"""How often the suggestions were right: suggested category and priority against the officers' decisions."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

from toandan.triage.models import CaseSuggestion


def per_class(pairs: list[tuple[str, str]]) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and support of each class from (predicted, true) pairs."""
    predicted = Counter(p for p, _t in pairs)
    actual = Counter(t for _p, t in pairs)
    hits = Counter(t for p, t in pairs if p == t)
    table = {}
    for code in sorted(set(predicted) | set(actual)):
        precision = hits[code] / predicted[code] if predicted[code] else 0.0
        recall = hits[code] / actual[code] if actual[code] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[code] = {
            "prec": round(precision, 3),
            "rec": round(recall, 3),
            "f1": round(f1, 3),
            "n": actual[code],
        }
    return table


def summary(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """Accuracy, macro F1 and the per-class table of (predicted, true) pairs."""
    table = per_class(pairs)
    return {
        "n": len(pairs),
        "acc": round(sum(p == t for p, t in pairs) / len(pairs), 3) if pairs else 0.0,
        "macro_f1": round(sum(row["f1"] for row in table.values()) / len(table), 3) if table else 0.0,
        "classes": table,
    }


@dataclass
class Accuracy:
    """Suggestions against decisions, with the reporter's own choice as the baseline."""

    reviewed: int = 0
    pending: int = 0
    category: dict[str, Any] = field(default_factory=dict)
    reporter: dict[str, Any] = field(default_factory=dict)
    priority: dict[str, Any] = field(default_factory=dict)
    by_source: dict[str, dict[str, Any]] = field(default_factory=dict)


def measure(suggestions: QuerySet[CaseSuggestion] | None = None) -> Accuracy:
    """Accuracy of the suggestions an officer has decided on (all of them, or those given)."""
    queryset = suggestions if suggestions is not None else CaseSuggestion.objects.all()
    rows = list(
        queryset.filter(reviewed_at__isnull=False).values_list(
            "category__code",
            "final_category__code",
            "reported_category__code",
            "priority",
            "final_priority",
            "category_source",
        )
    )
    result = Accuracy(reviewed=len(rows), pending=queryset.filter(reviewed_at__isnull=True).count())
    result.category = summary([(r[0], r[1]) for r in rows])
    result.reporter = summary([(r[2], r[1]) for r in rows])
    result.priority = summary([(r[3], r[4]) for r in rows])
    for source in sorted({r[5] for r in rows}):
        result.by_source[source] = summary([(r[0], r[1]) for r in rows if r[5] == source])
    return result
