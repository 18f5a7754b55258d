"""``toandan backup FILE``: the database and uploaded files, encrypted, with a manifest (core/backup.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from toandan.core.backup import BackupError, backup_key, make_backup


class Command(BaseCommand):
    help = "Write an encrypted backup (database dump + media + manifest of counts and hashes) to FILE."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--key-file", type=Path, help="file holding the backup key (else TOANDAN_BACKUP_KEY)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        key = options["key_file"].read_text(encoding="utf-8").strip() if options["key_file"] else None
        try:
            manifest = make_backup(options["file"], backup_key(key))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(manifest["counts"].values())
        self.stdout.write(
            f"backup written to {options['file']}: {manifest['database']['vendor']} database, {rows} rows, "
            f"{len(manifest['media'])} files"
        )
