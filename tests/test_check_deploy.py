"""`toandan check-deploy` passes a production configuration and names each unsafe setting otherwise."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from toandan.core.deploycheck import findings

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def production(settings: Any) -> Any:
    settings.PRODUCTION = True
    settings.DEBUG = False
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 365 * 24 * 3600
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.ALLOWED_HOSTS = ["toandan.quangngai.gov.vn"]
    settings.TRUSTED_PROXY_COUNT = 1
    settings.SECRET_KEY = "Qm9vZ2llLXdvb2dpZS1ub3QtYS1yZWFsLWtleS1idXQtbG9uZy1lbm91Z2gtMTIzNDU2Nzg5"
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_USE_TLS = "smtp.quangngai.gov.vn", True
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "toandan_cache"},
        "limits": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "toandan_limits"},
    }
    call_command("createcachetable", verbosity=0)
    return settings


def _failed() -> set[str]:
    return {f.name for f in findings() if not f.ok}


def test_a_production_configuration_passes(production: Any) -> None:
    expected = set() if connection.vendor == "postgresql" else {"PostgreSQL"}
    assert _failed() == expected


def test_each_unsafe_setting_is_named(production: Any) -> None:
    production.SECURE_HSTS_INCLUDE_SUBDOMAINS = False
    production.TRUSTED_PROXY_COUNT = 0
    production.EMAIL_USE_TLS = False
    production.ALLOWED_HOSTS = ["*"]
    production.SECRET_KEY = "django-insecure-short"
    production.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {"default-src": ["'self'"], "script-src": ["'self'", "'unsafe-inline'"]}
    }
    production.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "limits": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    assert {
        "HSTS with subdomains",
        "trusted proxies",
        "mail over TLS",
        "allowed hosts",
        "secret strength",
        "content security policy",
        "cache",
    } <= _failed()


def test_the_command_fails_on_the_test_settings() -> None:
    out = StringIO()
    with pytest.raises(CommandError, match="problem"):
        call_command("check_deploy", stdout=out)
    assert "FAIL production mode" in out.getvalue()
