"""The issue's experiments, bounded, on 127.0.0.1 against a real server (`toandan serve`):

* SIGKILL of the web server in the middle of a load of report submissions with idempotency keys; the
  supervisor restarts it and the clients retry: every acknowledged report exists once, complete, and the
  scheduled sweep leaves no orphan evidence file;
* PostgreSQL lost during submissions (a proxy on loopback cuts every connection): 503 with Retry-After, no
  partial data, and the same server answers again by itself once the database is back.

RESILIENCE_REPORTS sets the load (default 120; the figures in docs/resilience.md used 600); with
RESILIENCE_FIGURES=path each experiment appends its figures there as a JSON line."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from liveproc import ROOT, DbProxy, answers, child, free_port, live_env, serve_command, stop, wait_until
from loadclient import Load

from toandan.reports.models import Evidence
from toandan.reports.tasks import remove_orphan_evidence

pytestmark = pytest.mark.django_db(transaction=True)
REPORTS = int(os.environ.get("RESILIENCE_REPORTS", "120"))


def orphan_files(media_root: Path) -> list[Path]:
    known = {str(media_root / f) for f in Evidence.objects.values_list("file", flat=True)}
    root = media_root / "evidence"
    return [p for p in root.rglob("*") if p.is_file() and str(p) not in known] if root.exists() else []


def record(name: str, figures: dict[str, Any]) -> None:
    print(name, json.dumps(figures))  # noqa: T201 - shown with -s
    if path := os.environ.get("RESILIENCE_FIGURES"):
        with open(path, "a", encoding="utf-8") as out:
            out.write(json.dumps({"experiment": name, "database": connection.vendor, **figures}) + "\n")


def start_serve(tmp_path: Path, port: int, db_port: int | None = None) -> subprocess.Popen[bytes]:
    serve = subprocess.Popen(
        serve_command(port, "--no-worker"),
        env=live_env(tmp_path, db_port),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    wait_until(lambda: answers(f"http://127.0.0.1:{port}/api/v1/report-categories"), what="the server")
    return serve


def assert_whole(figures: dict[str, Any], load: Load) -> None:
    assert figures["acknowledged"] == figures["reports"], figures
    assert figures["stored"] == figures["acknowledged"], figures
    assert figures["duplicates"] == figures["lost"] == figures["half_stored"] == 0, (figures, load.problems)
    assert figures["500"] == 0 and figures["codes_match"], figures


def test_sigkill_of_the_web_server_mid_load_loses_and_doubles_nothing(tmp_path: Path, units: None) -> None:
    assert "toandan.reports.tasks.remove_orphan_evidence" in settings.PERIODIC_TASKS
    port = free_port()
    serve = start_serve(tmp_path, port)
    try:
        load = Load(port, REPORTS).start()
        wait_until(lambda: load.acknowledged >= REPORTS // 3, timeout=180, what="a third of the load")
        web = child(serve.pid, "granian")
        assert web is not None
        os.killpg(web, signal.SIGKILL)  # the server and its worker processes, requests in flight included
        load.join()
        assert child(serve.pid, "granian") != web, "the supervisor restarted the web server"
    finally:
        stop(serve)
    media = tmp_path / "media"
    figures = load.figures(media)
    figures["orphans_before_sweep"] = len(orphan_files(media))
    with override_settings(MEDIA_ROOT=str(media)):
        figures["orphans_swept"] = remove_orphan_evidence.call(min_age_seconds=0)
    figures["orphans_after_sweep"] = len(orphan_files(media))
    record("sigkill-web", figures)
    assert_whole(figures, load)
    assert figures["connection_errors"] > 0, "the kill happened while requests were in flight"
    assert figures["orphans_after_sweep"] == 0


def test_database_lost_during_submissions(tmp_path: Path, units: None) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("an outage is a network matter: PostgreSQL only")
    db = connection.settings_dict
    proxy = DbProxy(db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432))
    port = free_port()
    serve = start_serve(tmp_path, port, db_port=proxy.port)
    try:
        web = child(serve.pid, "granian")
        load = Load(port, REPORTS).start()
        wait_until(lambda: load.acknowledged >= REPORTS // 4, timeout=180, what="a quarter of the load")
        proxy.cut()
        wait_until(
            lambda: sum(o.statuses.count(503) for o in load.outcomes) >= 10, timeout=60, what="503 answers"
        )
        page = urllib.request.Request(f"http://127.0.0.1:{port}/to-giac/")
        try:
            urllib.request.urlopen(page, timeout=10)  # noqa: S310 - 127.0.0.1
            page_answer: Any = None
        except urllib.error.HTTPError as exc:
            page_answer = exc
        proxy.restore()
        load.join()
        assert child(serve.pid, "granian") == web, "the same server recovered, without a restart"
        check = answers(f"http://127.0.0.1:{port}/api/v1/check?q=0912345678")
    finally:
        stop(serve)
        proxy.close()
    figures = load.figures(tmp_path / "media")
    record("database-outage", figures)
    assert_whole(figures, load)
    assert figures["503"] >= 10
    assert all(value == "10" for o in load.outcomes for value in o.retry_after), "every 5xx had Retry-After"
    assert page_answer is not None and page_answer.code == 503
    assert page_answer.headers["Retry-After"] == "10"
    text = page_answer.read().decode()
    assert "Vui lòng thử lại" in text and "không bị mất" not in text
    assert check == 200
