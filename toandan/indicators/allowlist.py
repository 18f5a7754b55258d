"""Matching against the official allow-list, kept in a small per-process cache (see toandan.core.refcache).

The list is a few hundred rows an administrator edits; the public check consults it on every request, so it
is read once a minute per process instead of once per request. A domain entry covers its sub-domains and every
link on them when `include_subdomains` is set.
"""

from __future__ import annotations

from dataclasses import dataclass

from toandan.core import refcache
from toandan.identifiers.base import Indicator, Kind

CACHE_NAME = "indicators.allowlist"


@dataclass(frozen=True, slots=True)
class AllowEntry:
    """What the check needs to know about one allow-list row."""

    kind: str
    value: str
    organisation: str
    verified: bool
    include_subdomains: bool


def _load() -> dict[tuple[str, str], AllowEntry]:
    from toandan.indicators.models import AllowedIndicator

    return {
        (row.kind, row.value): AllowEntry(
            row.kind, row.value, row.organisation, row.verified, row.include_subdomains
        )
        for row in AllowedIndicator.objects.all()
    }


def entries() -> dict[tuple[str, str], AllowEntry]:
    return refcache.cached(CACHE_NAME, _load)


def host_of_url(value: str) -> str:
    """The host of a canonical URL value (``https://host[:port]/…``)."""
    rest = value.split("://", 1)[-1]
    return rest.split("/", 1)[0].split("?", 1)[0].rsplit(":", 1)[0].lower()


def _domain_chain(host: str) -> list[str]:
    """``a.b.example.com`` → [``a.b.example.com``, ``b.example.com``, ``example.com``, ``com``]."""
    host = host.removeprefix("www.")
    parts = host.split(".")
    return [".".join(parts[i:]) for i in range(len(parts))]


def match_value(kind: str, value: str) -> AllowEntry | None:
    """The allow-list entry covering this canonical value, verified or not, or None."""
    table = entries()
    if not table:
        return None
    exact = table.get((kind, value))
    if exact is not None:
        return exact
    host = ""
    if kind == Kind.URL:
        host = host_of_url(value)
    elif kind == Kind.DOMAIN:
        host = value
    elif kind == Kind.EMAIL:
        host = value.rpartition("@")[2]
    elif kind == Kind.SOCIAL and value.startswith("zalo:+"):
        return table.get((Kind.PHONE.value, value[5:]))
    if not host:
        return None
    for index, domain in enumerate(_domain_chain(host)):
        entry = table.get((Kind.DOMAIN.value, domain))
        if entry is not None and (index == 0 or entry.include_subdomains):
            return entry
    return None


def match(indicator: Indicator) -> AllowEntry | None:
    return match_value(indicator.kind.value, indicator.value)
