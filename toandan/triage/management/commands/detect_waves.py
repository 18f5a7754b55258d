"""``toandan detect-waves``: one wave detection run now (the worker runs it on PERIODIC_TASKS' schedule)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from toandan.triage.waves import detection


class Command(BaseCommand):
    """Runs one incremental wave detection pass and prints what it did."""

    help = "Gom các tố giác mới thành đợt lừa đảo theo cùng kịch bản (một lượt, tăng dần)."

    def handle(self, *args: Any, **options: Any) -> None:
        run = detection.run()
        if run is None:
            self.stdout.write("another detection run is in progress")
            return
        self.stdout.write(
            f"reports read: {run.reports_read}, waves changed: {run.waves_changed}, "
            f"drafts proposed: {run.drafts_proposed}, last report id: {run.last_report_id}"
        )
