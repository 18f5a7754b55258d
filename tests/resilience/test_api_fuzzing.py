"""schemathesis --checks all against the OpenAPI schema of a real server on 127.0.0.1: no 500 on any
generated input, every answer documented and shaped as the schema says. Bounded: FUZZ_EXAMPLES examples per
operation and phase (default 15; about 20 s)."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from liveproc import ROOT, answers, free_port, live_env, serve_command, stop, wait_until

from toandan.indicators import partners
from toandan.indicators.models import Partner

pytestmark = pytest.mark.django_db(transaction=True)
CONFIG = Path(__file__).with_name("schemathesis.toml")


def test_schemathesis_finds_nothing(tmp_path: Path, units: None) -> None:
    token = partners.issue_token(Partner.objects.create(name="Đối tác thử", kind="telecom"), actor=None)[1]
    port = free_port()
    serve = subprocess.Popen(
        serve_command(port, "--no-worker"), env=live_env(tmp_path), cwd=ROOT, stdout=subprocess.DEVNULL
    )
    try:
        schema = f"http://127.0.0.1:{port}/api/v1/openapi.json"
        wait_until(lambda: answers(schema) == 200, what="the server")
        command = [
            str(Path(sys.executable).with_name("schemathesis")),
            "--config-file",
            str(CONFIG),
            "--no-color",
            "run",
            schema,
            "--checks",
            "all",
            "--max-examples",
            os.environ.get("FUZZ_EXAMPLES", "15"),
            "--phases",
            "examples,coverage,fuzzing",
            "--request-timeout",
            "30",
            "--seed",
            "20261203",
            "--header",
            f"Authorization: Bearer {token}",
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=tmp_path)
    finally:
        stop(serve)
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]


def test_the_accepted_refusals_never_include_a_server_error_or_a_role_refusal() -> None:
    """schemathesis.toml accepts only the refusals schema-valid input can earn: never a server error, a 401
    (the token is sent), a 403 (nothing in the public API refuses by role) or a 429 (limits raised)."""
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    statuses = config["checks"]["positive_data_acceptance"]["expected-statuses"]
    assert statuses == ["2xx", "400", "404", "409", "422"]
    assert "operations" not in config
