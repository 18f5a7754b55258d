"""Settings come from the environment; bad or unsafe values stop the platform with the variable's name."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from toandan.config import load_config

SAFE_PRODUCTION = {
    "TOANDAN_PRODUCTION": "1",
    "SECRET_KEY": "k" * 20 + "a-long-random-production-secret-value-123456",
    "ALLOWED_HOSTS": "toandan.quangngai.gov.vn",
    "DATABASE_URL": "postgres://toandan@db.internal:5432/toandan",
    "EMAIL_BACKEND": "smtp",
    "TOANDAN_DEMO_SKIP_2FA": "0",
    "REPORTER_IDENTITY_KEY": "q5JcI0v3Zb0nq0hH6kYQ2qgk3sX5lqJ2W9oWl3mJd8E=",
}


def test_embedded_default_uses_sqlite_under_var_and_keeps_one_secret(tmp_path: Path) -> None:
    first = load_config({}, tmp_path)
    second = load_config({}, tmp_path)
    assert first.database["ENGINE"] == "django.db.backends.sqlite3"
    assert first.database["NAME"] == str(tmp_path / "var" / "toandan.sqlite3")
    assert first.secret_key == second.secret_key and len(first.secret_key) >= 50
    assert (tmp_path / "var" / "secret_key").stat().st_mode & 0o777 == 0o600
    assert first.debug is False
    assert first.demo_skip_2fa is True


@pytest.mark.parametrize("url", ["mysql://u@h/db", "not a url", "sqlite://", "postgres://user@host:5432/"])
def test_bad_database_url_names_the_variable(tmp_path: Path, url: str) -> None:
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        load_config({"DATABASE_URL": url}, tmp_path)


def test_postgres_url_is_accepted_with_persistent_connections(tmp_path: Path) -> None:
    config = load_config({"DATABASE_URL": "postgres://u:p@127.0.0.1:5433/toandan"}, tmp_path)
    assert config.database["ENGINE"] == "django.db.backends.postgresql"
    assert config.database["NAME"] == "toandan" and config.database["CONN_MAX_AGE"] > 0


def test_missing_production_secret_names_the_variable(tmp_path: Path) -> None:
    env = {k: v for k, v in SAFE_PRODUCTION.items() if k != "SECRET_KEY"}
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY: required in production"):
        load_config(env, tmp_path)
    assert not (tmp_path / "var" / "secret_key").exists()


def test_production_lists_every_unsafe_setting(tmp_path: Path) -> None:
    env = {
        "TOANDAN_PRODUCTION": "yes",
        "SECRET_KEY": "short",
        "DEBUG": "true",
        "ALLOWED_HOSTS": "*",
        "EMAIL_BACKEND": "console",
        "TOANDAN_DEMO_SKIP_2FA": "1",
    }
    with pytest.raises(ImproperlyConfigured) as info:
        load_config(env, tmp_path)
    message = str(info.value)
    for name in (
        "SECRET_KEY",
        "DEBUG",
        "ALLOWED_HOSTS",
        "DATABASE_URL",
        "EMAIL_BACKEND",
        "TOANDAN_DEMO_SKIP_2FA",
    ):
        assert f"{name}:" in message


def test_safe_production_settings_pass(tmp_path: Path) -> None:
    config = load_config(SAFE_PRODUCTION, tmp_path)
    assert config.production and not config.demo_skip_2fa and config.cache_backend == "database"


def test_secret_can_come_from_a_file(tmp_path: Path) -> None:
    secret_file = tmp_path / "secret"
    secret_file.write_text("f" * 60 + "\n")
    env = {k: v for k, v in SAFE_PRODUCTION.items() if k != "SECRET_KEY"} | {
        "SECRET_KEY_FILE": str(secret_file)
    }
    assert load_config(env, tmp_path).secret_key == "f" * 60


@pytest.mark.parametrize(
    ("name", "value"), [("DEBUG", "maybe"), ("EMAIL_PORT", "twenty-five"), ("EMAIL_BACKEND", "pigeon")]
)
def test_malformed_values_name_the_variable(tmp_path: Path, name: str, value: str) -> None:
    with pytest.raises(ImproperlyConfigured, match=name):
        load_config({name: value}, tmp_path)


def test_production_command_refuses_to_start_without_secret(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SECRET_KEY", "DATABASE_URL"))}
    env.update({k: v for k, v in SAFE_PRODUCTION.items() if k != "SECRET_KEY"})
    env.update({"DJANGO_SETTINGS_MODULE": "toandan.settings", "TOANDAN_VAR_DIR": str(tmp_path)})
    result = subprocess.run(
        [sys.executable, "-m", "toandan.cli", "check"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    assert "SECRET_KEY: required in production mode" in result.stderr


def test_reporter_identity_key_is_generated_once_or_validated(tmp_path: Path) -> None:
    first = load_config({}, tmp_path).reporter_identity_keys
    assert first == load_config({}, tmp_path).reporter_identity_keys
    with pytest.raises(ImproperlyConfigured, match="REPORTER_IDENTITY_KEY"):
        load_config({"REPORTER_IDENTITY_KEY": "not-a-key"}, tmp_path)
