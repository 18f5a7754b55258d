"""`toandan score-plans DIR` scores exactly like ../shared/tools/plan_score.py; the importer on real plans."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from toandan.plans.importer import import_document
from toandan.plans.importer.scoring import score

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
DEV = SHARED / "data" / "plans-dev"
TOOL = SHARED / "tools" / "plan_score.py"


def _key(tasks: list[dict]) -> dict:
    return {"number": "12/KH-UBND", "date": "2024-03-01", "tasks": tasks}


def _task(ref: str, title: str, lead: list[str], **extra: object) -> dict:
    return {
        "ref": ref,
        "title": title,
        "lead": lead,
        "support": [],
        "start": None,
        "end": None,
        "recurring": False,
        **extra,
    }


def test_scoring_matches_by_ref_then_by_title_and_counts_missed_tasks_wrong() -> None:
    want = _key(
        [
            _task("III.1[-1]", "Chủ trì tham mưu xây dựng kế hoạch", ["Sở Du lịch"]),
            _task("III.2", "Tổ chức tập huấn cho cán bộ cơ sở", ["Sở Y tế"]),
            _task("III.3", "Một nhiệm vụ không ai tìm thấy", ["Sở Tài chính"]),
        ]
    )
    got = {
        "number": "12/KH-UBND",
        "date": "2024-03-01",
        "tasks": [
            _task(
                "III.1.-1", "khác hẳn", ["So Du lich"]
            ),  # same ref once normalised; names ignore diacritics
            _task("x", "Tổ chức tập huấn cho cán bộ cơ sở xã", ["Sở Y tế", "Sở Nội vụ"], start="2024-03-01"),
        ],
    }
    checks = dict(score(want, got, want["date"]))
    assert checks["number"] and checks["date"] and not checks["task count"]
    assert checks["III.1[-1] lead"] and checks["III.2 start"]  # a null start accepts the plan's date
    assert not checks["III.2 lead"]  # one unit too many
    assert [name for name, ok in checks.items() if name.startswith("III.3")] == [
        "III.3 lead",
        "III.3 support",
        "III.3 end",
        "III.3 start",
        "III.3 recurring",
    ] and not any(ok for name, ok in checks.items() if name.startswith("III.3"))


def test_a_folder_without_keys_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="Không có tệp đáp án"):
        call_command("score_plans", str(tmp_path), stdout=StringIO())


@pytest.mark.shared_data
def test_command_prints_the_same_figures_as_plan_score_py(tmp_path: Path) -> None:
    out = StringIO()
    call_command("score_plans", str(DEV), stdout=out)
    printed = out.getvalue()
    right_total = of_total = 0
    for key in sorted(DEV.glob("*.expected.json")):
        name = key.name[: -len(".expected.json")]
        draft = import_document((DEV / f"{name}.txt").read_bytes(), f"{name}.txt")
        output = tmp_path / f"{name}.json"
        output.write_text(json.dumps(draft.to_json(), ensure_ascii=False), encoding="utf-8")
        result = subprocess.run(
            [sys.executable, str(TOOL), str(key), str(output)], capture_output=True, text=True, check=True
        )
        judged = json.loads(result.stdout)
        assert f"{name}: {judged['right']}/{judged['of']} " in printed
        right_total, of_total = right_total + judged["right"], of_total + judged["of"]
    assert f"{right_total}/{of_total}" in printed.splitlines()[-1]


@pytest.mark.shared_data
def test_development_set_score_does_not_fall_below_the_measured_level() -> None:
    out = StringIO()
    call_command("score_plans", str(DEV), stdout=out)
    total = re.search(r"= ([\d.]+)%", out.getvalue().splitlines()[-1])
    assert total and float(total.group(1)) >= 90.0, out.getvalue()
    assert "not_a_plan" not in out.getvalue()
