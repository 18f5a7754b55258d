"""Retrain the triage models from the shared data sets and print their evaluation.

``manage.py train_triage`` trains both models in memory and prints the metrics of the models alone and of the
complete scorers on every evaluation set; the shipped files change only with ``--accept``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from toandan.triage import training


class Command(BaseCommand):
    """Trains, evaluates and (with --accept) replaces the shipped message and URL models."""

    # Pure computation: no database, URLs or models to check, so a half-configured project can still score.
    requires_system_checks: list[str] = []
    help = "Huấn luyện lại mô hình phân loại tin nhắn và đường link; chỉ ghi đè mô hình khi có --accept."

    def add_arguments(self, parser: CommandParser) -> None:
        """Options: which model, where the shared data lives, whether to write the files."""
        parser.add_argument("--only", choices=("message", "url"), help="Chỉ huấn luyện một mô hình")
        parser.add_argument(
            "--data-dir", type=Path, help="Thư mục dữ liệu dùng chung (mặc định ../shared/data)"
        )
        parser.add_argument("--accept", action="store_true", help="Ghi đè mô hình đang dùng bằng mô hình mới")

    def handle(self, *args: Any, **options: Any) -> None:
        """Train, evaluate, print, and write only when accepted."""
        data_dir = options["data_dir"]
        try:
            message = training.train_message_model(data_dir) if options["only"] in (None, "message") else None
            url = training.train_url_model(data_dir) if options["only"] in (None, "url") else None
            evaluation = training.full_evaluation(message, url, data_dir)
        except FileNotFoundError as error:
            raise CommandError(str(error)) from error
        report = {
            "message_model": message.report if message else None,
            "url_model": url.report if url else None,
            "full_scorers": evaluation,
        }
        self.stdout.write(json.dumps(report, ensure_ascii=False, indent=1))
        if options["accept"]:
            sizes = training.accept(*(r for r in (message, url) if r is not None), evaluation=evaluation)
            for name, size in sizes.items():
                self.stdout.write(f"written {name}: {size} bytes")
        else:
            self.stdout.write("not written (use --accept to replace the shipped models)")
