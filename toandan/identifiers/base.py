"""Shared types of the indicator toolkit: :class:`Kind`, :class:`Indicator` and :class:`InvalidIndicator`.

Everything in :mod:`toandan.identifiers` is a pure function over text: no database, no network, no
settings needed.  Error messages are written in Vietnamese (the project's source language) and pass
through Django's ``gettext`` when Django is configured, so a translation catalogue can still render
them in another language; without configured settings the Vietnamese text is used as is.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Kind(enum.StrEnum):
    """The kinds of indicator a person can report or look up."""

    PHONE = "phone"
    BANK_ACCOUNT = "bank_account"
    URL = "url"
    DOMAIN = "domain"
    EMAIL = "email"
    SOCIAL = "social"
    CRYPTO_WALLET = "crypto_wallet"


@dataclass(frozen=True, slots=True)
class Indicator:
    """One normalised indicator.

    ``value`` is the canonical key used for storage and lookup; two indicators are equal (and hash
    equal) when their ``kind`` and ``value`` are, whatever their ``display`` text or ``extra`` details,
    because those depend on how the person happened to write the indicator. Triage's scorer takes them
    from :func:`.extract.extract` as the check does; ``reputation.report_counts`` normalises again.
    """

    kind: Kind
    value: str
    display: str = field(default="", compare=False)
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


def translate(message: str) -> str:
    """Translate ``message`` with Django's gettext when Django is ready, else return it unchanged.

    The toolkit is used from scripts, benchmarks and tests that never configure Django, so a missing
    configuration must not turn a validation error into a crash.
    """
    try:
        from django.conf import settings
        from django.core.exceptions import AppRegistryNotReady, ImproperlyConfigured
    except ImportError:  # pragma: no cover - Django is a project dependency
        return message
    if not settings.configured:
        return message
    try:
        from django.utils.translation import gettext

        return gettext(message)
    except (AppRegistryNotReady, ImproperlyConfigured):
        return message


class InvalidIndicator(ValueError):
    """Raised by the ``normalize*`` functions when the text is not a valid indicator of the kind asked.

    ``code`` is a stable machine-readable reason (e.g. ``"phone_invalid"``); ``str(error)`` is the
    human message in Vietnamese.  Callers pass the message through ``_()`` (this module's
    :func:`translate`) at the raise site so that ``makemessages`` finds the strings.
    """

    def __init__(self, message: str, code: str = "invalid", kind: Kind | None = None) -> None:
        self.message = message
        self.code = code
        self.kind = kind
        super().__init__(self.message)
