"""``toandan retrain``: train the case category model on this platform's confirmed cases, print how it
compares with the current method on the fixed test part, and write it only with ``--accept``."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from toandan.reports.models import ReportCategory
from toandan.triage.cases import classifier, retraining


def _table(current: dict[str, Any], new: dict[str, Any]) -> list[str]:
    lines = [f"{'category':<20} {'n':>5} | {'current P/R/F1':^20} | {'new P/R/F1':^20}"]
    for code in sorted(set(current["classes"]) | set(new["classes"]) - {""}):
        old, fresh = current["classes"].get(code, {}), new["classes"].get(code, {})
        n = fresh.get("n", old.get("n", 0))

        def cell(row: dict[str, Any]) -> str:
            return f"{row.get('prec', 0):.2f}/{row.get('rec', 0):.2f}/{row.get('f1', 0):.2f}" if row else "-"

        lines.append(f"{code:<20} {n:>5} | {cell(old):^20} | {cell(fresh):^20}")
    return lines


class Command(BaseCommand):
    """Retrains, evaluates and (with --accept) replaces the case category model."""

    help = "Huấn luyện lại mô hình đề xuất loại tố giác từ các vụ đã xác nhận; chỉ ghi khi có --accept."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--accept", action="store_true", help="Ghi mô hình mới thay mô hình đang dùng")
        parser.add_argument(
            "--force", action="store_true", help="Chấp nhận cả khi mô hình mới kém hơn trên phần kiểm tra"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        available = set(ReportCategory.objects.filter(is_active=True).values_list("code", flat=True))
        try:
            result = retraining.retrain(available)
        except retraining.NotEnoughCases as error:
            raise CommandError(
                f"not enough confirmed cases to train on ({error.args[0]}; at least {retraining.MIN_CASES} "
                "in two or more categories)"
            ) from error
        out = self.stdout.write
        out(f"cases: {result.n_train} training, {result.n_test} test (split {retraining.SPLIT})")
        out(f"candidate model {result.model.version}, seed {retraining.SEED}")
        out("")
        out(f"current = {result.current_name}")
        out("\n".join(_table(result.current, result.new)))
        out("")
        out(f"{'':<20} {'accuracy':>9} {'macro F1':>9}")
        for name, row in (
            ("reporter's choice", result.reporter),
            ("current", result.current),
            ("new", result.new),
        ):
            out(f"{name:<20} {row['acc']:>9.3f} {row['macro_f1']:>9.3f}")
        worse = result.new["macro_f1"] < result.current["macro_f1"]
        if not options["accept"]:
            out("not written (use --accept to use the new model)")
            return
        if worse and not options["force"]:
            raise CommandError(
                "the new model is worse than the current one on the test part; use --force to accept"
            )
        path = classifier.save(result.model)
        out(f"written {path} (model {result.model.version})")
