"""Read the platform's settings from the environment, failing loudly with the variable's name.

Kept apart from settings.py so the rules can be tested with any environment.
"""

from __future__ import annotations

import base64
import binascii
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}
EMAIL_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
}
CACHE_BACKENDS = {"locmem", "database"}
UNSAFE_SECRET_PREFIX = "django-insecure"  # noqa: S105 - a prefix to refuse, not a secret


class Env:
    """Typed access to an environment mapping; each helper names the variable when a value is bad."""

    def __init__(self, environ: Mapping[str, str]):
        self.environ = environ

    def str(self, name: str, default: str = "") -> str:
        file_name = self.environ.get(f"{name}_FILE")
        if file_name:
            try:
                return Path(file_name).read_text(encoding="utf-8").strip()
            except OSError as exc:
                raise ImproperlyConfigured(f"{name}_FILE: cannot read {file_name!r}: {exc.strerror}") from exc
        return self.environ.get(name, default)

    def bool(self, name: str, default: bool = False) -> bool:
        raw = self.environ.get(name)
        if raw is None:
            return default
        value = raw.strip().lower()
        if value in TRUE:
            return True
        if value in FALSE:
            return False
        raise ImproperlyConfigured(f"{name}: expected one of 1/0, true/false, yes/no, on/off; got {raw!r}")

    def int(self, name: str, default: int) -> int:
        raw = self.environ.get(name)
        if raw is None or raw.strip() == "":
            return default
        try:
            return int(raw)
        except ValueError as exc:
            raise ImproperlyConfigured(f"{name}: expected a whole number; got {raw!r}") from exc

    def list(self, name: str, default: list[str] | None = None) -> list[str]:
        raw = self.environ.get(name)
        if raw is None:
            return list(default or [])
        return [item.strip() for item in raw.split(",") if item.strip()]

    def choice(self, name: str, choices: set[str], default: str) -> str:
        value = self.environ.get(name, default).strip().lower()
        if value not in choices:
            raise ImproperlyConfigured(f"{name}: expected one of {', '.join(sorted(choices))}; got {value!r}")
        return value


def parse_database_url(url: str, base_dir: Path) -> dict[str, Any]:
    """Turn DATABASE_URL into Django's DATABASES['default'], accepting only SQLite and PostgreSQL."""
    try:
        config = dj_database_url.parse(url, conn_max_age=600, conn_health_checks=True)
    except (ValueError, KeyError, TypeError) as exc:
        raise ImproperlyConfigured(f"DATABASE_URL: cannot understand {url!r}: {exc}") from exc
    engine = config.get("ENGINE", "")
    if engine == "django.db.backends.sqlite3":
        name = config.get("NAME") or ""
        if not name or name == ":memory:":
            raise ImproperlyConfigured(
                f"DATABASE_URL: SQLite needs a file path, e.g. sqlite:///var/db.sqlite3; got {url!r}"
            )
        path = Path(name)
        if not path.is_absolute():
            path = base_dir / path
        config["NAME"] = str(path)
        config["CONN_MAX_AGE"] = 0
        config["CONN_HEALTH_CHECKS"] = False
        config["OPTIONS"] = {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        }
    elif engine in ("django.db.backends.postgresql", "django.contrib.gis.db.backends.postgis"):
        if not config.get("NAME"):
            raise ImproperlyConfigured(f"DATABASE_URL: PostgreSQL needs a database name; got {url!r}")
    else:
        raise ImproperlyConfigured(
            f"DATABASE_URL: only sqlite:// and postgres:// are supported; got {url.split(':', 1)[0]!r}"
        )
    return config


def embedded_secret(var_dir: Path, name: str, make: Callable[[], str]) -> str:
    """Generate an embedded default's secret once, keep it under var/ with owner-only permissions."""
    path = var_dir / name
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    var_dir.mkdir(parents=True, exist_ok=True)
    key = make()
    path.write_text(key, encoding="utf-8")
    path.chmod(0o600)
    return key


def valid_fernet_keys(value: str) -> bool:
    keys = [k.strip() for k in value.split(",") if k.strip()]
    try:
        return bool(keys) and all(len(base64.urlsafe_b64decode(k.encode())) == 32 for k in keys)
    except (ValueError, binascii.Error):
        return False


def new_fernet_key() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


@dataclass
class Config:
    """Everything settings.py needs, already checked."""

    production: bool
    debug: bool
    secret_key: str
    allowed_hosts: list[str]
    csrf_trusted_origins: list[str]
    database: dict[str, Any]
    email_backend: str
    email_file_path: str
    default_from_email: str
    email_host: str
    email_port: int
    email_host_user: str
    email_host_password: str
    email_use_tls: bool
    media_root: str
    static_root: str
    var_dir: str
    cache_backend: str
    demo_skip_2fa: bool
    trusted_proxy_count: int
    reporter_identity_keys: str
    worker_heartbeat_seconds: int = 15
    worker_stale_seconds: int = 90
    log_format: str = "json"
    report_repeat_window_hours: int = 72
    report_video_max_mb: int = 20
    report_video_max_files: int = 2
    problems: list[str] = field(default_factory=list)


def load_config(environ: Mapping[str, str], base_dir: Path) -> Config:
    """Build the Config; in production mode refuse unsafe settings, naming every one at once."""
    env = Env(environ)
    production = env.bool("TOANDAN_PRODUCTION", False)
    var_dir = Path(env.str("TOANDAN_VAR_DIR") or base_dir / "var")
    if not var_dir.is_absolute():
        var_dir = base_dir / var_dir
    problems: list[str] = []

    debug = env.bool("DEBUG", False)
    database = parse_database_url(
        env.str("DATABASE_URL") or f"sqlite:///{var_dir / 'toandan.sqlite3'}", base_dir
    )

    secret_key = env.str("SECRET_KEY")
    if not secret_key:
        if production:
            problems.append("SECRET_KEY: required in production mode (or SECRET_KEY_FILE)")
        else:
            secret_key = embedded_secret(var_dir, "secret_key", lambda: secrets.token_urlsafe(50))
    elif production and (len(secret_key) < 50 or secret_key.startswith(UNSAFE_SECRET_PREFIX)):
        problems.append("SECRET_KEY: must be at least 50 random characters in production mode")

    identity_keys = env.str("REPORTER_IDENTITY_KEY")
    if not identity_keys:
        if production:
            problems.append("REPORTER_IDENTITY_KEY: required in production mode (or its _FILE)")
        else:
            identity_keys = embedded_secret(var_dir, "reporter_identity_key", new_fernet_key)
    elif not valid_fernet_keys(identity_keys):
        raise ImproperlyConfigured("REPORTER_IDENTITY_KEY: expected comma-separated base64 keys of 32 bytes")

    allowed_hosts = env.list("ALLOWED_HOSTS", [] if production else ["127.0.0.1", "localhost", "[::1]"])
    default_email = "smtp" if production else "file"
    email_backend = env.choice("EMAIL_BACKEND", set(EMAIL_BACKENDS), default_email)
    cache_backend = env.choice("CACHE_BACKEND", CACHE_BACKENDS, "database" if production else "locmem")
    demo_skip_2fa = env.bool("TOANDAN_DEMO_SKIP_2FA", not production)

    if production:
        if debug:
            problems.append("DEBUG: must be off in production mode")
        if not allowed_hosts or "*" in allowed_hosts:
            problems.append("ALLOWED_HOSTS: list the site's host names in production mode ('*' is refused)")
        if database["ENGINE"] == "django.db.backends.sqlite3":
            problems.append("DATABASE_URL: production mode needs PostgreSQL (postgres://...)")
        if email_backend in ("console", "locmem"):
            problems.append(
                f"EMAIL_BACKEND: {email_backend!r} loses mail; use smtp or file in production mode"
            )
        if cache_backend == "locmem":
            problems.append(
                "CACHE_BACKEND: 'locmem' is per process (each app process would keep its own rate limits); "
                "use database in production mode"
            )
        if demo_skip_2fa:
            problems.append("TOANDAN_DEMO_SKIP_2FA: staff always need the second factor in production mode")
    if problems:
        raise ImproperlyConfigured("Unsafe or missing settings:\n  - " + "\n  - ".join(problems))

    media_root = Path(env.str("MEDIA_ROOT") or var_dir / "media")
    return Config(
        production=production,
        debug=debug,
        secret_key=secret_key,
        allowed_hosts=allowed_hosts,
        csrf_trusted_origins=env.list("CSRF_TRUSTED_ORIGINS"),
        database=database,
        email_backend=EMAIL_BACKENDS[email_backend],
        email_file_path=str(var_dir / "mail"),
        default_from_email=env.str("DEFAULT_FROM_EMAIL", "Toàn Dân <khong-tra-loi@toandan.local>"),
        email_host=env.str("EMAIL_HOST", "localhost"),
        email_port=env.int("EMAIL_PORT", 25),
        email_host_user=env.str("EMAIL_HOST_USER"),
        email_host_password=env.str("EMAIL_HOST_PASSWORD"),
        email_use_tls=env.bool("EMAIL_USE_TLS", False),
        media_root=str(media_root if media_root.is_absolute() else base_dir / media_root),
        static_root=str(var_dir / "static"),
        var_dir=str(var_dir),
        cache_backend=cache_backend,
        demo_skip_2fa=demo_skip_2fa,
        trusted_proxy_count=env.int("TRUSTED_PROXY_COUNT", 0),
        reporter_identity_keys=identity_keys,
        worker_heartbeat_seconds=env.int("WORKER_HEARTBEAT_SECONDS", 15),
        worker_stale_seconds=env.int("WORKER_STALE_SECONDS", 90),
        log_format=env.choice("LOG_FORMAT", {"json", "text"}, "json"),
        report_repeat_window_hours=env.int("REPORT_REPEAT_WINDOW_HOURS", 72),
        report_video_max_mb=env.int("REPORT_VIDEO_MAX_MB", 20),
        report_video_max_files=env.int("REPORT_VIDEO_MAX_FILES", 2),
    )
