"""`toandan load-demo-events`: the two demo events on the seed plan (run by load-demo). Idempotent."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from toandan.events.demo import load_demo_events
from toandan.plans.services import load_seed_plan


class Command(BaseCommand):
    help = "Load two demo events (a community session and a workshop) on the seed plan's tasks."

    def handle(self, *args: Any, **options: Any) -> None:
        plan, _created = load_seed_plan()
        self.stdout.write(f"Sự kiện mẫu: {load_demo_events(plan)} mới.")
