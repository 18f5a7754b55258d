"""`toandan init-data`: the reference data every installation needs (directory, routing). Idempotent."""

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from toandan.orgs.services import sync_units
from toandan.reports.defaults import install_reference_data, install_routing_rules


class Command(BaseCommand):
    help = "Install or update the organisation directory and the default report routing rules."

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        counts = sync_units()
        install_reference_data()
        rules = install_routing_rules()
        self.stdout.write(
            f"Đơn vị: {counts['created']} mới, {counts['updated']} cập nhật. Quy tắc chuyển: {rules} mới."
        )
