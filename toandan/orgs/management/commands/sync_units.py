from django.core.management.base import BaseCommand

from toandan.orgs.services import sync_units


class Command(BaseCommand):
    help = "Create or update the shipped organisation directory (agencies, 96 communes, former districts)."

    def handle(self, *args, **options) -> None:  # type: ignore[no-untyped-def]
        counts = sync_units()
        self.stdout.write(f"Units: {counts['created']} created, {counts['updated']} updated.")
