"""What `toandan check-deploy` checks: the settings a production site must have, each with the fix."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connection

YEAR = 365 * 24 * 3600
MIN_SECRET_LENGTH = 50


@dataclass
class Finding:
    name: str
    ok: bool
    detail: str


def _csp_ok() -> tuple[bool, str]:
    if "csp.middleware.CSPMiddleware" not in settings.MIDDLEWARE:
        return False, "csp.middleware.CSPMiddleware is not in MIDDLEWARE"
    directives = getattr(settings, "CONTENT_SECURITY_POLICY", {}).get("DIRECTIVES", {})
    for name in ("default-src", "script-src", "style-src"):
        values = directives.get(name) or directives.get("default-src") or []
        if not values or any("unsafe" in v or v == "*" for v in values):
            return False, f"{name} must list sources without 'unsafe-inline', 'unsafe-eval' or *"
    return True, "script-src " + " ".join(directives.get("script-src", []))


def _cache_ok() -> tuple[bool, str]:
    for alias in ("default", "limits"):
        backend = caches[alias]
        if not isinstance(backend, DatabaseCache):
            return (
                False,
                f"cache {alias!r} is {type(backend).__name__}: per process; set CACHE_BACKEND=database",
            )
        if backend._table not in connection.introspection.table_names():
            return False, f"cache table {backend._table} missing: run `toandan createcachetable`"
    return True, "database caches, limits apart"


def _mail_ok() -> tuple[bool, str]:
    backend = settings.EMAIL_BACKEND
    if backend.endswith("smtp.EmailBackend"):
        if getattr(settings, "EMAIL_USE_TLS", False) or getattr(settings, "EMAIL_USE_SSL", False):
            return True, f"SMTP over TLS to {settings.EMAIL_HOST}:{settings.EMAIL_PORT}"
        if settings.EMAIL_HOST in ("localhost", "127.0.0.1", "::1"):
            return True, "SMTP to the local relay (the relay must send over TLS)"
        return False, f"SMTP to {settings.EMAIL_HOST} without TLS: set EMAIL_USE_TLS=1"
    if backend.endswith("filebased.EmailBackend"):
        return True, "mail written to files (a relay must pick them up)"
    return False, f"{backend} loses mail"


def _video_ok() -> tuple[bool, str]:
    from toandan.core import video

    if video.max_files() <= 0:
        return True, "videos turned off (REPORT_VIDEO_MAX_FILES=0)"
    if video.ffmpeg() is None:
        return False, "ffmpeg missing, videos refused: apt-get install ffmpeg (or REPORT_VIDEO_MAX_FILES=0)"
    limits = f"up to {video.max_files()} videos of {video.max_bytes() >> 20} MB"
    return True, f"ffmpeg at {video.ffmpeg()}: {limits}"


#: Checks the apps above core add from their AppConfig.ready (core never imports them): name → check.
_app_checks: dict[str, Callable[[], tuple[bool, str]]] = {}


def register_check(name: str, check: Callable[[], tuple[bool, str]]) -> None:
    """Add a check of an app above core (accounts: "demo accounts"); it runs after the settings' checks."""
    _app_checks[name] = check


def findings() -> list[Finding]:
    secret = settings.SECRET_KEY or ""
    checks: list[tuple[str, bool, str]] = [
        ("production mode", bool(settings.PRODUCTION), "TOANDAN_PRODUCTION=1"),
        ("debug off", not settings.DEBUG, "DEBUG=0"),
        (
            "HTTPS redirect",
            bool(getattr(settings, "SECURE_SSL_REDIRECT", False)),
            "SECURE_SSL_REDIRECT (production mode sets it); nginx redirects port 80 too",
        ),
        (
            "HSTS with subdomains",
            getattr(settings, "SECURE_HSTS_SECONDS", 0) >= YEAR
            and getattr(settings, "SECURE_HSTS_INCLUDE_SUBDOMAINS", False),
            f"SECURE_HSTS_SECONDS={getattr(settings, 'SECURE_HSTS_SECONDS', 0)}, include subdomains="
            f"{getattr(settings, 'SECURE_HSTS_INCLUDE_SUBDOMAINS', False)}",
        ),
        (
            "secure cookies",
            bool(
                settings.SESSION_COOKIE_SECURE
                and settings.CSRF_COOKIE_SECURE
                and settings.SESSION_COOKIE_HTTPONLY
            ),
            "session and CSRF cookies Secure, session cookie HttpOnly",
        ),
        ("content security policy", *_csp_ok()),
        (
            "allowed hosts",
            bool(settings.ALLOWED_HOSTS) and "*" not in settings.ALLOWED_HOSTS,
            ", ".join(settings.ALLOWED_HOSTS) or "ALLOWED_HOSTS is empty",
        ),
        (
            "trusted proxies",
            settings.TRUSTED_PROXY_COUNT >= 1 and bool(getattr(settings, "SECURE_PROXY_SSL_HEADER", None)),
            f"TRUSTED_PROXY_COUNT={settings.TRUSTED_PROXY_COUNT} (1 behind one nginx): otherwise every "
            "visitor has nginx's address and shares one rate limit",
        ),
        (
            "secret strength",
            len(secret) >= MIN_SECRET_LENGTH
            and len(set(secret)) >= 5
            and not secret.startswith("django-insecure")
            and "test" not in secret,
            f"SECRET_KEY of {len(secret)} characters (at least {MIN_SECRET_LENGTH} random ones)",
        ),
        ("identity key", bool(settings.REPORTER_IDENTITY_KEYS), "REPORTER_IDENTITY_KEY (or _FILE) set"),
        ("mail over TLS", *_mail_ok()),
        ("cache", *_cache_ok()),
        ("PostgreSQL", connection.vendor == "postgresql", f"database is {connection.vendor}"),
        ("video evidence", *_video_ok()),
    ]
    checks += [(name, *check()) for name, check in _app_checks.items()]
    return [Finding(name, ok, detail) for name, ok, detail in checks]
