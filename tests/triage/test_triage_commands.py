"""Management commands: check_message, check_url (JSON lines) and train_triage (only writes with --accept)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from toandan.triage import modelstore, url


def _run(command: str, lines: list[str]) -> list[dict]:
    out = StringIO()
    call_command(command, "--jsonl", stdin=StringIO("\n".join(lines) + "\n"), stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_check_message_jsonl_keeps_order_and_reports_bad_lines() -> None:
    results = _run(
        "check_message",
        [
            json.dumps({"text": "Mẹ ơi con về muộn nhé"}, ensure_ascii=False),
            "not json",
            json.dumps({"message": "wrong field"}),
            json.dumps({"text": 42}),
            json.dumps(["a", "list"]),
            json.dumps({"text": "Ban oi doc giup minh ma OTP vua gui nham vao may ban nhe"}),
        ],
    )
    assert len(results) == 6
    assert results[0]["verdict"] == "no_signal" and set(results[0]) == {"score", "verdict", "reasons"}
    for bad in results[1:5]:
        assert set(bad) == {"error"} and bad["error"]
    assert "JSON" in results[1]["error"] and "text" in results[2]["error"]
    assert results[5]["verdict"] in ("scam", "suspicious")  # flagged; the threshold is the model's (issue 10)


def test_check_message_writes_unescaped_vietnamese() -> None:
    out = StringIO()
    text = json.dumps({"text": "[VCB] Xac thuc tai vietcombank-xacthuc.top ngay"})
    call_command("check_message", "--jsonl", stdin=StringIO(text + "\n"), stdout=out)
    assert "Vietcombank" in out.getvalue() and "tên miền" in out.getvalue()


def test_check_url_jsonl() -> None:
    results = _run(
        "check_url",
        [
            json.dumps({"url": "https://www.vietcombank.com.vn/"}),
            "{broken",
            json.dumps({"text": "no url field"}),
            json.dumps({"url": "https://vietcombamk.com.vn/login"}),
        ],
    )
    assert [r.get("verdict") for r in results] == ["no_signal", None, None, "scam"]
    assert "error" in results[1] and "url" in results[2]["error"]


def test_check_url_single_argument() -> None:
    out = StringIO()
    call_command("check_url", "https://bit.ly/abc", stdout=out)
    assert json.loads(out.getvalue())["verdict"] in ("suspicious", "scam")


@pytest.fixture
def tiny_data(tmp_path: Path) -> Path:
    """Small synthetic copies of both training files, made up by code, in the shared-data layout."""
    messages = tmp_path / "vi-smishing-2025"
    messages.mkdir()
    with (messages / "dev.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["content", "label", "has_url", "has_phone_number", "sender_type"])
        for i in range(60):
            lure = f"Ban da trung thuong {i} trieu, goi 09{i:08d} de nhan qua"
            writer.writerow([lure, 1, 0, 1, "personal_number"])
            writer.writerow([f"Chieu nay {i} gio minh gap nhau o quan cu nhe", 0, 0, 0, "personal_number"])
    urls = tmp_path / "phish-urls-quangvu"
    urls.mkdir()
    with (urls / "FineTune.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["URL", "Label"])
        for i in range(60):
            writer.writerow([f"https://login-verify-{i}.xyz/secure", 1])
            writer.writerow([f"https://news{i}.example.org/articles/{i}", 0])
    return tmp_path


SHIPPED = modelstore.MODELS_DIR  # captured before any test points MODELS_DIR elsewhere


@pytest.fixture
def scratch_models(tmp_path: Path) -> Iterator[Path]:
    """Point the model directory at a scratch copy, and restore the shipped models afterwards."""
    original = modelstore.MODELS_DIR
    scratch = tmp_path / "models"
    scratch.mkdir()
    modelstore.MODELS_DIR = scratch
    try:
        yield scratch
    finally:
        modelstore.MODELS_DIR = original
        modelstore.reset_cache()
        url.clear_caches()


def test_train_triage_prints_evaluation_and_writes_only_with_accept(
    tiny_data: Path, scratch_models: Path
) -> None:
    shipped = (SHIPPED / modelstore.MESSAGE_MODEL).read_bytes()
    out = StringIO()
    call_command("train_triage", "--only", "message", "--data-dir", str(tiny_data), stdout=out)
    report = json.loads(out.getvalue().split("\nnot written")[0])
    assert report["message_model"]["n_tr"] == 120
    assert len(report["full_scorers"]["sh_msg"]["nosend"]["folds"]) == 5
    assert "sh_msg" in report["full_scorers"] and "msg_h" in report["full_scorers"]
    assert not list(scratch_models.iterdir())

    out = StringIO()
    call_command("train_triage", "--only", "message", "--data-dir", str(tiny_data), "--accept", stdout=out)
    written = scratch_models / modelstore.MESSAGE_MODEL
    assert written.exists() and "written message_ngrams.json" in out.getvalue()
    assert json.loads(written.read_text())["meta"]["full"]["sh_msg"]
    assert (SHIPPED / modelstore.MESSAGE_MODEL).read_bytes() == shipped
