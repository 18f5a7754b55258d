"""``toandan rotate-identity-key``: re-encrypt every protected personal detail with the first key of
REPORTER_IDENTITY_KEY.

Rotation, step by step (docs/deploy.md): 1. generate a key; 2. set REPORTER_IDENTITY_KEY="NEW,OLD" and
restart the app and workers (new data is written with NEW, old data still reads); 3. run this command;
4. run it again with --check: it fails while any value still needs OLD; 5. set REPORTER_IDENTITY_KEY="NEW".
"""

from __future__ import annotations

from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from toandan.core import crypto

BATCH = 500


def encrypted_fields() -> list[tuple[Any, list[str]]]:
    """Every model column holding a value encrypted with the reporter identity key."""
    from toandan.indicators.models import Appeal
    from toandan.reports.models import Report, ReporterIdentity

    return [
        (ReporterIdentity, ["name", "phone", "email", "id_number"]),
        (Report, ["key_encrypted"]),
        (Appeal, ["name", "contact"]),
    ]


class Command(BaseCommand):
    help = "Re-encrypt reporters' and appellants' details with the first REPORTER_IDENTITY_KEY."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--check", action="store_true", help="change nothing; fail if any value still needs an older key"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        keys = [k.strip() for k in settings.REPORTER_IDENTITY_KEYS.split(",") if k.strip()]
        newest = Fernet(keys[0].encode())
        rotated = stale = 0
        for model, fields in encrypted_fields():
            queryset = model.objects.order_by("pk").only("pk", *fields)
            last = 0
            while True:
                rows = list(queryset.filter(pk__gt=last)[:BATCH])
                if not rows:
                    break
                last = rows[-1].pk
                changed = []
                for row in rows:
                    for name in fields:
                        token = getattr(row, name)
                        if not token or _reads_with(newest, token):
                            continue
                        stale += 1
                        if not options["check"]:
                            setattr(row, name, crypto.rotate(token))
                            changed.append(row)
                if changed:
                    with transaction.atomic():
                        model.objects.bulk_update(set(changed), fields)
                    rotated += len(set(changed))
        if options["check"]:
            if stale:
                raise CommandError(f"{stale} value(s) still need an older key: run rotate-identity-key")
            self.stdout.write("every value reads with the first key")
            return
        self.stdout.write(f"re-encrypted {stale} value(s) in {rotated} row(s) with the first key")


def _reads_with(fernet: Fernet, token: str) -> bool:
    try:
        fernet.decrypt(token.encode())
    except InvalidToken:
        return False
    return True
