"""`toandan score-plans DIR`: import each plan of DIR that has an answer key, print the share of fields right.

DIR holds `NAME.txt|.docx|.pdf|.doc` next to `NAME.expected.json`; scoring is that of plan_score.py
(`toandan.plans.importer.scoring`). A document the importer refuses scores as an empty output.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from toandan.plans.importer import PlanImportError, import_document
from toandan.plans.importer.scoring import score

_SUFFIXES = (".txt", ".docx", ".pdf", ".doc")


class Command(BaseCommand):
    help = "Score the plan importer on a folder of documents with answer keys (NAME.expected.json)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", help="folder of plan documents and their *.expected.json keys")
        parser.add_argument("--wrong", action="store_true", help="list the fields scored wrong")

    def handle(self, *args: Any, **options: Any) -> None:
        folder = Path(options["directory"])
        keys = sorted(folder.glob("*.expected.json"))
        if not keys:
            raise CommandError(_("Không có tệp đáp án *.expected.json trong %(dir)s.") % {"dir": folder})
        right_total = of_total = 0
        for key in keys:
            name = key.name[: -len(".expected.json")]
            document = next((folder / (name + s) for s in _SUFFIXES if (folder / (name + s)).exists()), None)
            if document is None:
                self.stderr.write(_("%(name)s: không có tài liệu đi kèm đáp án.") % {"name": name})
                continue
            want = json.loads(key.read_text(encoding="utf-8"))
            note = ""
            try:
                got = import_document(document.read_bytes(), document.name).to_json()
            except PlanImportError as exc:
                got, note = {"tasks": []}, f"  [{exc.code}]"
            checks = score(want, got, want["date"])
            right = sum(ok for _, ok in checks)
            right_total, of_total = right_total + right, of_total + len(checks)
            self.stdout.write(
                f"{name}: {right}/{len(checks)} = {100 * right / len(checks):.1f}%  "
                f"tasks {len(got.get('tasks') or [])}/{len(want['tasks'])}{note}"
            )
            if options["wrong"]:
                wrong = [field for field, ok in checks if not ok]
                self.stdout.write("    " + ", ".join(wrong))
        percent = 100 * right_total / of_total if of_total else 0.0
        self.stdout.write(
            _("Tổng: %(right)s/%(of)s = %(pct).1f%%") % {"right": right_total, "of": of_total, "pct": percent}
        )
