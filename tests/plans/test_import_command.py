"""`toandan import-plan PATH [--json] [--yes]`."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from plan_factories import SEED

from toandan.plans.importer import import_document
from toandan.plans.models import Plan

pytestmark = pytest.mark.django_db


def test_json_prints_the_draft_and_saves_nothing(units: None) -> None:
    out = StringIO()
    call_command("import_plan", str(SEED), "--json", stdout=out)
    printed = out.getvalue()
    assert json.loads(printed) == import_document(SEED.read_bytes()).to_json()
    assert "Bộ Công an" in printed and "\\u" not in printed  # ensure_ascii=False
    assert Plan.objects.count() == 0


def test_yes_saves_after_the_summary(units: None) -> None:
    out = StringIO()
    call_command("import_plan", str(SEED), "--yes", stdout=out)
    text = out.getvalue()
    assert "249/KH-BCĐ138" in text and "[CHƯA KHỚP]" in text and "Đã lưu kế hoạch" in text
    assert "Sở Thông tin và Truyền thông → Sở Thông tin và Truyền thông" in text
    plan = Plan.objects.get()
    assert plan.tasks.count() == 7 and plan.issuer.code == "bcd138"
    with pytest.raises(CommandError, match="đã được nhập trước đây"):
        call_command("import_plan", str(SEED), "--yes", stdout=StringIO())
    assert Plan.objects.count() == 1


def test_asks_before_saving(units: None, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter(["k", "có"])
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    out = StringIO()
    call_command("import_plan", str(SEED), stdout=out)
    assert "Không lưu." in out.getvalue() and Plan.objects.count() == 0
    call_command("import_plan", str(SEED), stdout=StringIO())
    assert Plan.objects.count() == 1


def test_errors_are_command_errors(units: None, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="Không đọc được tệp"):
        call_command("import_plan", str(tmp_path / "khong-co.txt"))
    letter = tmp_path / "cong-van.txt"
    letter.write_text("CÔNG VĂN\nVề việc họp\n1. Họp giao ban.", encoding="utf-8")
    with pytest.raises(CommandError, match="không phải là kế hoạch"):
        call_command("import_plan", str(letter), "--json")
    assert Plan.objects.count() == 0
