"""`toandan import-plan PATH`: read a plan document, show what was found, and save it after confirmation.

With --json the importer's result is printed in the documented shape and nothing is saved.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from toandan.orgs.models import Unit
from toandan.plans.importer import PlanImportError, parse_plan, read_document
from toandan.plans.review import PlanReview, UnitRef, pending_import, review_from_pending
from toandan.plans.services import create_plan

YES = {"y", "yes", "c", "co", "có"}


class Command(BaseCommand):
    help = "Import a plan document (.docx, .txt, .pdf with a text layer); --json prints it without saving."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="plan document")
        parser.add_argument(
            "--json", action="store_true", help="print the extracted plan as JSON, save nothing"
        )
        parser.add_argument("--yes", action="store_true", help="save without asking")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(
                _("Không đọc được tệp %(path)s: %(reason)s") % {"path": path, "reason": exc.strerror}
            ) from exc
        try:
            text = read_document(data, path.name)
            draft = parse_plan(text)
        except PlanImportError as exc:
            raise CommandError(exc.message) from exc
        if options["json"]:
            self.stdout.write(json.dumps(draft.to_json(), ensure_ascii=False, indent=2))
            return
        review = review_from_pending(pending_import(draft, text, path.name))
        self._summary(review)
        if not options["yes"] and not self._confirm():
            self.stdout.write(_("Không lưu."))
            return
        try:
            plan = create_plan(review)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                _("Đã lưu kế hoạch %(number)s (mã %(pk)s).") % {"number": plan.number, "pk": plan.pk}
            )
        )

    def _confirm(self) -> bool:
        try:
            answer = input(_("Lưu kế hoạch này? [c/K] "))
        except EOFError:
            return False
        return answer.strip().lower() in YES

    def _units(self, refs: list[UnitRef], names: dict[int, str]) -> str:
        parts = []
        for ref in refs:
            if not ref.unit_ids:
                parts.append(_("%(name)s [CHƯA KHỚP]") % {"name": ref.name})
            elif ref.collective:
                parts.append(
                    _("%(name)s [%(count)s đơn vị]") % {"name": ref.name, "count": len(ref.unit_ids)}
                )
            else:
                parts.append(f"{ref.name} → {names.get(ref.unit_ids[0], '?')}")
        return "; ".join(parts) or "–"

    def _summary(self, review: PlanReview) -> None:
        names = dict(Unit.objects.values_list("pk", "name"))
        if not names:
            self.stderr.write(_("Danh bạ đơn vị trống (chạy “toandan init-data” trước): không tên nào khớp."))
        day = review.issued_on.strftime("%d/%m/%Y") if review.issued_on else "–"
        self.stdout.write(
            _("Số: %(number)s   ngày %(date)s   %(place)s")
            % {"number": review.number or "–", "date": day, "place": review.place}
        )
        self.stdout.write(_("Cơ quan ban hành: %(issuer)s") % {"issuer": review.issuer_name or "–"})
        self.stdout.write(_("Trích yếu: %(title)s") % {"title": review.title or "–"})
        self.stdout.write(_("Nhiệm vụ: %(count)s") % {"count": len(review.tasks)})
        for task in review.tasks:
            start = task.start.isoformat() if task.start else "?"
            end = task.end.isoformat() if task.end else "?"
            when = f"{start} → {end}" + (" " + _("(thường xuyên)") if task.recurring else "")
            flag = " " + _("[CẦN KIỂM TRA THỜI GIAN]") if task.flagged else ""
            self.stdout.write(f"  {task.ref}. {task.title[:90]}")
            self.stdout.write("      " + _("thời gian: %(when)s") % {"when": when + flag})
            self.stdout.write("      " + _("chủ trì: %(units)s") % {"units": self._units(task.lead, names)})
            self.stdout.write(
                "      " + _("phối hợp: %(units)s") % {"units": self._units(task.support, names)}
            )
        self.stdout.write(_("Người ký: %(signer)s") % {"signer": review.signer or "–"})
