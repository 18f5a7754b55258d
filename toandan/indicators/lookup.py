"""The public check's read path: what the platform may say about one indicator, in one indexed query.

Most questions are about numbers nobody reported, so this path avoids the ORM: it builds the few keys under
which the indicator may be stored (the value itself, plus the same thing written another way and the domains
a link lives on), reads them with one SQL statement on the (kind, value) unique index, and counts the reports
from the links in the same statement. Records are never cached, so a report counts as soon as it is stored;
only the presence filter (``presence``) is kept in memory, and it answers "no record" only for keys that were
never stored.

A domain's answer counts the reports of the links on it (a report of ``https://a.top/dang-nhap`` counts for
``a.top``), and a link's answer carries the reports on its host (``domain_reports``), read in the same
statement by ranges of the same index (links are stored as ``https://host/...``). A big shared platform
(``platforms``) is never judged by the pages on it.

What may be said follows the ScamShield lesson (docs/DOMAIN.md §8): only an officer's confirmation makes an
indicator a scam, reports alone only warrant a warning, only a verified allow-list entry is called official,
and an indicator nobody reported is never called safe.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from django.utils.translation import get_language

from toandan.identifiers.banks import banks
from toandan.identifiers.base import Indicator, Kind
from toandan.indicators import allowlist, platforms, presence
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
    domain: str = ""  # for a link: its host, when reports name links on it or the domain itself
    domain_reports: int = 0  # reports naming the host or any link on it (this one included)


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


def host_for(indicator: Indicator) -> str:
    """The host whose links and domain records count for this domain or link; "" for a shared platform."""
    if indicator.kind is Kind.DOMAIN:
        host = indicator.value
    elif indicator.kind is Kind.URL:
        host = indicator.extra.get("host") or allowlist.host_of_url(indicator.value)
    else:
        return ""
    host = host.removeprefix("www.")
    return "" if not host or platforms.is_shared_platform(host) else host


def _host_params(host: str) -> list[str]:
    # Links under the host and under "www." + host: "https://h/" <= value < "https://h0" ("0" follows "/").
    www = "www." + host
    prefix = presence.URL_PREFIX
    return [
        host,
        f"{prefix}{host}/",
        f"{prefix}{host}0",
        f"{prefix}{www}/",
        f"{prefix}{www}0",
        host,
        www,
    ]


@lru_cache(maxsize=64)
def _sql(shape: tuple[tuple[str, int], ...], hosts: int = 0) -> str:
    """One statement for keys grouped by kind: ((kind, number of values), …), plus one row per host counting
    the distinct reports that name the host as a domain or any link on it."""
    from toandan.indicators.models import IndicatorRecord, ReportIndicator, category_model

    records, links = IndicatorRecord._meta.db_table, ReportIndicator._meta.db_table
    categories = category_model()._meta.db_table
    where = " OR ".join(
        f"(r.kind = %s AND r.value {'= %s' if count == 1 else 'IN (' + ', '.join(['%s'] * count) + ')'})"
        for _kind, count in shape
    )
    # After a clearance only the reports that came later count: they are new, unverified claims. A likely
    # repeat of an incident already counted (`counts` false, see reports.repeats) does not count again.
    # Table names come from the models; every value is a parameter.
    sql = (
        f"SELECT r.kind, r.value, r.status, c.name, c.name_en, "  # noqa: S608
        f"(SELECT COUNT(*) FROM {links} l WHERE l.indicator_id = r.id AND l.counts "
        f"AND (r.status <> 'cleared' OR l.linked_at > r.status_changed_at)) "
        f"FROM {records} r LEFT JOIN {categories} c ON c.id = r.category_id WHERE {where}"
    )
    per_host = (
        f" UNION ALL SELECT '{presence.LINK_HOST}', %s, '', NULL, NULL, "  # noqa: S608
        f"(SELECT COUNT(DISTINCT l.report_id) FROM {links} l JOIN {records} r ON r.id = l.indicator_id "
        f"WHERE ((r.kind = 'url' AND ((r.value >= %s AND r.value < %s) OR (r.value >= %s AND r.value < %s))) "
        f"OR (r.kind = 'domain' AND r.value IN (%s, %s))) AND l.counts "
        f"AND (r.status <> 'cleared' OR l.linked_at > r.status_changed_at))"
    )
    return sql + per_host * hosts


def fetch(keys: Iterable[tuple[str, str]], hosts: Iterable[str] = ()) -> dict[tuple[str, str], Hit]:
    """Read the records stored under these (kind, value) keys, and the reports on each host's links and
    domain (as ``(LINK_HOST, host)`` hits): one query, whatever their number."""
    by_kind: dict[str, list[str]] = {}
    for kind, value in keys:
        values = by_kind.setdefault(kind, [])
        if value not in values:
            values.append(value)
    if not by_kind:
        return {}
    host_list = list(dict.fromkeys(h for h in hosts if h))
    wanted = [(kind, value) for kind, values in by_kind.items() for value in values]
    if not presence.may_contain(wanted + [(presence.LINK_HOST, host) for host in host_list]):
        return {}
    shape = tuple((kind, len(values)) for kind, values in by_kind.items())
    params: list[str] = []
    for kind, values in by_kind.items():
        params.append(kind)
        params.extend(values)
    for host in host_list:
        params.extend(_host_params(host))
    english = (get_language() or "").startswith("en")
    rows = fetch_all(_sql(shape, len(host_list)), params)
    return {
        (kind, value): Hit(status, int(count or 0), (english and name_en) or name or "")
        for kind, value, status, name, name_en, count in rows
    }


def _judge(
    indicator: Indicator, keys: list[tuple[str, str, int]], hits: dict[tuple[str, str], Hit], host: str = ""
) -> Answer:
    answer = _judge_keys(indicator, keys, hits)
    on_host = hits.get((presence.LINK_HOST, host)) if host else None
    if on_host is None or not on_host.reports:
        return answer
    if indicator.kind is Kind.DOMAIN:
        # The reports of the domain's links are reports of the domain (distinct reports, its own included).
        if answer.verdict in (ALLOWLISTED, CONFIRMED):
            return replace(answer, reports=max(answer.reports, on_host.reports))
        return replace(answer, verdict=REPORTED, reports=max(answer.reports, on_host.reports))
    # A link: the reports on its host are told beside its own; a link on a reported host warrants a warning.
    answer = replace(answer, domain=host, domain_reports=on_host.reports)
    if answer.verdict == NO_REPORTS:
        answer = replace(answer, verdict=REPORTED)
    return answer


def _judge_keys(
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
    """What the check says about one indicator (one query at most)."""
    keys = keys_for(indicator)
    host = host_for(indicator)
    return _judge(indicator, keys, fetch(((kind, value) for kind, value, _strength in keys), [host]), host)


def answer_many(indicators: list[Indicator]) -> list[Answer]:
    """Answers for several indicators (a pasted message) from one query."""
    all_keys = [keys_for(indicator) for indicator in indicators]
    hosts = [host_for(indicator) for indicator in indicators]
    hits = fetch(((kind, value) for keys in all_keys for kind, value, _strength in keys), hosts)
    return [
        _judge(indicator, keys, hits, host)
        for indicator, keys, host in zip(indicators, all_keys, hosts, strict=True)
    ]
