"""`toandan import-indicators FILE --source "…"`: import an external list (CSV or one value a line)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from toandan.indicators import importing
from toandan.indicators.models import IndicatorStatus


class Command(BaseCommand):
    help = (
        "Import an external list of indicators with its provenance. A bad line rejects the whole file "
        "(nothing is stored) unless --skip-invalid is given; bad lines are listed either way."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="path of the list; '-' reads standard input")
        parser.add_argument("--source", required=True, help="who published the list")
        parser.add_argument("--source-url", default="")
        parser.add_argument("--note", default="")
        parser.add_argument("--format", dest="fmt", choices=importing.FORMATS, default=None)
        parser.add_argument(
            "--kind", default="", help="kind of the rows that do not name one (default: detect)"
        )
        parser.add_argument(
            "--status", choices=[IndicatorStatus.REPORTED, IndicatorStatus.CONFIRMED], default="reported"
        )
        parser.add_argument("--skip-invalid", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        import sys

        path = options["file"]
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
        fmt = options["fmt"] or ("csv" if str(path).lower().endswith(".csv") else "plain")
        try:
            batch = importing.import_list(
                data,
                fmt=fmt,
                kind=options["kind"],
                status=options["status"],
                source=options["source"],
                source_url=options["source_url"],
                note=options["note"],
                file_name=Path(path).name if path != "-" else "",
                skip_invalid=options["skip_invalid"],
                actor=None,
            )
        except importing.ImportRejected as exc:
            for error in exc.errors[:200]:
                self.stderr.write(f"line {error.line}: {error.error} {error.text!r}")
            raise CommandError(str(exc)) from exc
        for error in batch.skipped[:200]:
            self.stderr.write(f"skipped line {error['line']}: {error['error']} {error['text']!r}")
        self.stdout.write(
            f"batch {batch.pk}: {batch.rows_new} new, {batch.rows_known} known, {batch.rows_skipped} skipped"
        )
