"""``toandan restore FILE``: replace the database and the uploaded files with a backup, after checking every
hash in its manifest; the row counts are compared after the restore (core/backup.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from toandan.core.backup import BackupError, backup_key, restore_backup


class Command(BaseCommand):
    help = "Restore an encrypted backup made by `toandan backup` (REPLACES the database and media)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--key-file", type=Path, help="file holding the backup key (else TOANDAN_BACKUP_KEY)"
        )
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["yes"]:
            answer = input("This replaces the database and all uploaded files. Type 'restore' to go on: ")
            if answer.strip() != "restore":
                raise CommandError("restore cancelled")
        key = options["key_file"].read_text(encoding="utf-8").strip() if options["key_file"] else None
        try:
            manifest = restore_backup(options["file"], backup_key(key))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"restored the backup of {manifest['created']}: {sum(manifest['counts'].values())} rows, "
            f"{len(manifest['media'])} files, counts and hashes checked"
        )
