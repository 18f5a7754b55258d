"""``toandan triage-accuracy``: how often the suggested category and priority matched the officers'
decisions, per category, beside the reporter's own choice."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from toandan.triage.cases import accuracy


class Command(BaseCommand):
    """Prints the accuracy of the triage suggestions."""

    help = "In độ chính xác của phân loại đề xuất so với quyết định của cán bộ."

    def handle(self, *args: Any, **options: Any) -> None:
        result = accuracy.measure()
        out = self.stdout.write
        out(f"reviewed: {result.reviewed}, not reviewed yet: {result.pending}")
        for name, row in (
            ("suggested category", result.category),
            ("reporter's category", result.reporter),
            ("suggested priority", result.priority),
        ):
            out(f"{name:<22} accuracy {row['acc']:.3f}  macro F1 {row['macro_f1']:.3f}")
        for source, row in result.by_source.items():
            out(f"  from {source:<15} n={row['n']:<5} accuracy {row['acc']:.3f}")
        out(f"{'category':<20} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}")
        for code, row in result.category.get("classes", {}).items():
            out(f"{code:<20} {row['prec']:>6.3f} {row['rec']:>6.3f} {row['f1']:>6.3f} {row['n']:>5}")
