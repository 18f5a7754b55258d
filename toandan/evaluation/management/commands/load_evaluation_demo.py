"""`toandan load-evaluation-demo`: demo population figures of the communes (run by load-demo). Idempotent."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from toandan.evaluation.demo import load_demo_population


class Command(BaseCommand):
    help = "Load made-up population figures (marked as demo) for the communes, for the ranking per 10,000."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Số dân minh họa: {load_demo_population()} xã, phường mới.")
