"""The public check's read path: what the platform may say about one indicator, in one indexed query.

Most questions are about numbers nobody reported, so this path avoids the ORM: it builds the few keys under
which the indicator may be stored (the value itself, plus the same thing written another way and the domains
a link lives on), reads them with one SQL statement on the (kind, value) unique index, and counts the reports
from the links in the same statement. Nothing is cached, so a report is counted as soon as it is stored.

What may be said follows the ScamShield lesson (docs/DOMAIN.md §8): only an officer's confirmation makes an
indicator a scam, reports alone only warrant a warning, only a verified allow-list entry is called official,
and an indicator nobody reported is never called safe.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from django.utils.translation import get_language

from toandan.identifiers.banks import banks
from toandan.identifiers.base import Indicator, Kind
from toandan.indicators import allowlist, presence
from toandan.indicators.fastsql import fetch_all

CONFIRMED = "confirmed"
REPORTED = "reported"
ALLOWLISTED = "allowlisted"
NO_REPORTS = "no_reports"
VERDICTS = (CONFIRMED, REPORTED, ALLOWLISTED, NO_REPORTS)

# Strength of a key. PARENT keys (the domains a link or host lives on) only count when an officer confirmed
# them: reports naming "blogspot.com" must not warn about every blog on it; a confirmed scam domain covers
# all its links.
EXACT, SAME, PARENT = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Hit:
    """One stored record found for a key."""

    status: str
    reports: int
    category: str


@dataclass(frozen=True, slots=True)
class Answer:
    """What the check says about one indicator."""

    indicator: Indicator
    verdict: str
    reports: int
    category: str = ""
    organisation: str = ""


@lru_cache(maxsize=1)
def _bins() -> tuple[str, ...]:
    return tuple(bank.bin for bank in banks())


def keys_for(indicator: Indicator) -> list[tuple[str, str, int]]:
    """(kind, value, strength) under which records about this indicator may be stored."""
    kind, value = indicator.kind, indicator.value
    keys = [(kind.value, value, EXACT)]
    if kind is Kind.PHONE and value.startswith("+"):
        keys.append((Kind.SOCIAL.value, f"zalo:{value}", SAME))
    elif kind is Kind.SOCIAL and value.startswith("zalo:+"):
        keys.append((Kind.PHONE.value, value[5:], SAME))
    elif kind is Kind.BANK_ACCOUNT:
        bank, _sep, digits = value.partition(":")
        if bank == "?":
            keys += [(kind.value, f"{bin_code}:{digits}", SAME) for bin_code in _bins()]
        else:
            keys.append((kind.value, f"?:{digits}", SAME))
    elif kind in (Kind.URL, Kind.DOMAIN):
        host = (indicator.extra.get("host") or allowlist.host_of_url(value)) if kind is Kind.URL else value
        registered = indicator.extra.get("registered_domain") or ""
        domains = [host.removeprefix("www.")]
        while registered and domains[-1] != registered and domains[-1].count(".") > registered.count("."):
            domains.append(domains[-1].split(".", 1)[1])
        for domain in domains:
            if (Kind.DOMAIN.value, domain) != (kind.value, value):
                keys.append((Kind.DOMAIN.value, domain, PARENT))
    return keys


@lru_cache(maxsize=64)
def _sql(shape: tuple[tuple[str, int], ...]) -> str:
    """One statement for keys grouped by kind: ((kind, number of values), …)."""
    from toandan.indicators.models import IndicatorRecord, ReportIndicator, category_model

    records, links = IndicatorRecord._meta.db_table, ReportIndicator._meta.db_table
    categories = category_model()._meta.db_table
    where = " OR ".join(
        f"(r.kind = %s AND r.value {'= %s' if count == 1 else 'IN (' + ', '.join(['%s'] * count) + ')'})"
        for _kind, count in shape
    )
    # After a clearance only the reports that came later count: they are new, unverified claims.
    # Table names come from the models; every value is a parameter.
    sql = (
        f"SELECT r.kind, r.value, r.status, c.name, c.name_en, "  # noqa: S608
        f"(SELECT COUNT(*) FROM {links} l WHERE l.indicator_id = r.id "
        f"AND (r.status <> 'cleared' OR l.linked_at > r.status_changed_at)) "
        f"FROM {records} r LEFT JOIN {categories} c ON c.id = r.category_id WHERE {where}"
    )
    return sql


def fetch(keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], Hit]:
    """Read the records stored under these (kind, value) keys: one query, whatever their number."""
    by_kind: dict[str, list[str]] = {}
    for kind, value in keys:
        values = by_kind.setdefault(kind, [])
        if value not in values:
            values.append(value)
    if not by_kind:
        return {}
    if not presence.may_contain((kind, value) for kind, values in by_kind.items() for value in values):
        return {}
    shape = tuple((kind, len(values)) for kind, values in by_kind.items())
    params: list[str] = []
    for kind, values in by_kind.items():
        params.append(kind)
        params.extend(values)
    english = (get_language() or "").startswith("en")
    rows = fetch_all(_sql(shape), params)
    return {
        (kind, value): Hit(status, int(count or 0), (english and name_en) or name or "")
        for kind, value, status, name, name_en, count in rows
    }


def _judge(
    indicator: Indicator, keys: list[tuple[str, str, int]], hits: dict[tuple[str, str], Hit]
) -> Answer:
    confirmed: Hit | None = None
    reports = 0
    listed = False  # on the list under its own keys, e.g. imported from an external list, without reports
    for kind, value, strength in keys:
        hit = hits.get((kind, value))
        if hit is None:
            continue
        if hit.status == CONFIRMED and (confirmed is None or hit.reports > confirmed.reports):
            confirmed = hit
        if strength != PARENT:
            # The same reports may name both forms (a number and its Zalo account): the larger count.
            reports = max(reports, hit.reports)
            listed = listed or hit.status == REPORTED
    entry = allowlist.match(indicator)
    if entry is not None and entry.verified:
        return Answer(indicator, ALLOWLISTED, reports, organisation=entry.organisation)
    if confirmed is not None and entry is None:
        return Answer(indicator, CONFIRMED, max(reports, confirmed.reports), confirmed.category)
    if reports or listed or confirmed is not None:
        # An unverified allow-list entry never lets an indicator be shown as a scam: a warning at most.
        return Answer(indicator, REPORTED, reports)
    return Answer(indicator, NO_REPORTS, 0)


def answer(indicator: Indicator) -> Answer:
    keys = keys_for(indicator)
    return _judge(indicator, keys, fetch((kind, value) for kind, value, _strength in keys))


def answer_many(indicators: list[Indicator]) -> list[Answer]:
    """Answers for several indicators (a pasted message) from one query."""
    all_keys = [keys_for(indicator) for indicator in indicators]
    hits = fetch((kind, value) for keys in all_keys for kind, value, _strength in keys)
    return [_judge(indicator, keys, hits) for indicator, keys in zip(indicators, all_keys, strict=True)]
