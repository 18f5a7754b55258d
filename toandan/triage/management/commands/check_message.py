"""Score text messages offline: ``manage.py check_message --jsonl < messages.jsonl``."""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from toandan.triage.management.commands._jsonl import run_jsonl
from toandan.triage.message import score_message


class Command(BaseCommand):
    """Reads {"text": ...} JSON lines and writes {"score", "verdict", "reasons"} lines in the same order."""

    # call_command(..., stdin=StringIO(...)) in tests and callers that pipe data in.
    stealth_options = ("stdin",)
    # Pure computation: no database, URLs or models to check, so a half-configured project can still score.
    requires_system_checks: list[str] = []
    help = "Chấm điểm rủi ro lừa đảo của tin nhắn (JSON lines trên stdin, hoặc một tin nhắn làm tham số)."

    def add_arguments(self, parser: CommandParser) -> None:
        """--jsonl for batch mode, or one message as a positional argument."""
        parser.add_argument("text", nargs="?", help="Nội dung tin nhắn (bỏ qua khi dùng --jsonl)")
        parser.add_argument("--jsonl", action="store_true", help='Đọc từng dòng {"text": ...} từ stdin')

    def handle(self, *args: Any, **options: Any) -> None:
        """Score the input; no database access is needed."""
        if options["jsonl"]:
            run_jsonl(options.get("stdin") or sys.stdin, self.stdout, "text", score_message)
        elif options["text"]:
            self.stdout.write(json.dumps(score_message(options["text"]).as_dict(), ensure_ascii=False))
        else:
            raise CommandError("Cần --jsonl hoặc nội dung tin nhắn.")
