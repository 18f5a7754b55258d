"""The floors of docs/architecture.md hold: an app imports only the apps below it (import-linter's layers
contract in pyproject.toml), and the contract does catch an app importing one above it."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent


def test_apps_import_only_the_floors_below_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT))
    monkeypatch.chdir(ROOT)
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True) == 0


def test_an_upward_import_breaks_the_contract(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The project's own contract, applied to a small package whose core imports reports.
    config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    section = config[config.index("[tool.importlinter]") :].replace('"toandan"', '"floorcheck"')
    package = tmp_path / "floorcheck"
    for app in (
        "identifiers",
        "core",
        "orgs",
        "accounts",
        "indicators",
        "reports",
        "plans",
        "triage",
        "api",
        "web",
    ):
        (package / app).mkdir(parents=True)
        (package / app / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    (package / "reports" / "models.py").write_text("from floorcheck.core import audit\n")
    (package / "core" / "audit.py").write_text(
        textwrap.dedent(
            """
            def record():
                from floorcheck.reports import models  # an upward import, hidden in a function
            """
        )
    )
    (tmp_path / "pyproject.toml").write_text(section, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.chdir(tmp_path)
    try:
        assert (
            lint_imports(config_filename=str(tmp_path / "pyproject.toml"), no_cache=True, no_logo=True) == 1
        )
    finally:
        for name in [m for m in sys.modules if m == "floorcheck" or m.startswith("floorcheck.")]:
            del sys.modules[name]


def test_identifiers_load_without_django() -> None:
    # The ground floor is a toolkit for scripts and benchmarks too: importing it must not import Django.
    import subprocess

    code = (
        "import importlib, pkgutil, sys, toandan.identifiers as p\n"
        "for m in pkgutil.iter_modules(p.__path__): importlib.import_module(p.__name__ + '.' + m.name)\n"
        "from toandan.identifiers.extract import extract_all\n"
        "assert extract_all('Gọi 0912 345 678')\n"
        "print(sorted(n for n in sys.modules if n == 'django' or n.startswith('django.')))\n"
    )
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
