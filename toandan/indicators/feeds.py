"""Feeds of confirmed indicators for partners: STIX 2.1, MISP JSON, CSV, domain list, hosts file, RPZ zone.

Without ``since`` a feed lists every indicator confirmed now. With ``since`` it lists what changed after it:
newly confirmed indicators, and withdrawals of those that were confirmed and have been cleared. ``since`` is
moved back by OVERLAP so that a decision committed while a partner was reading is not missed; ids are stable,
so a repeated item is harmless. Nothing on the official allow-list is ever published, and the DNS formats
carry only domains: never the host of a link, which may be a shared service (a form, a drive, a blog host).
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db.models import Q

from toandan.indicators import allowlist
from toandan.indicators.models import IndicatorRecord, IndicatorStatus

OVERLAP = timedelta(seconds=60)
NAMESPACE = uuid.UUID("6f2b1f63-6c1e-5d8e-9a3f-54f0a1d1c0de")
PRODUCER = "Toàn Dân – Quảng Ngãi"
FORMATS = ("stix", "misp", "csv", "domains", "hosts", "rpz")
CONTENT_TYPES = {
    "stix": "application/stix+json;version=2.1",
    "misp": "application/json",
    "csv": "text/csv; charset=utf-8",
    "domains": "text/plain; charset=utf-8",
    "hosts": "text/plain; charset=utf-8",
    "rpz": "text/dns; charset=utf-8",
}


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One confirmed indicator, or the withdrawal of one."""

    kind: str
    value: str
    category: str
    withdrawn: bool
    confirmed_at: datetime
    changed_at: datetime

    @property
    def uuid(self) -> uuid.UUID:
        return uuid.uuid5(NAMESPACE, f"{self.kind}:{self.value}")


def items(since: datetime | None) -> list[FeedItem]:
    records = IndicatorRecord.objects.select_related("category")
    if since is None:
        records = records.filter(status=IndicatorStatus.CONFIRMED)
    else:
        records = records.filter(
            Q(status=IndicatorStatus.CONFIRMED)
            | Q(status=IndicatorStatus.CLEARED, confirmed_at__isnull=False),
            status_changed_at__gt=since - OVERLAP,
        )
    found = []
    for record in records.order_by("status_changed_at", "id").iterator(chunk_size=2000):
        withdrawn = record.status == IndicatorStatus.CLEARED
        if not withdrawn and allowlist.match_value(record.kind, record.value) is not None:
            continue
        found.append(
            FeedItem(
                kind=record.kind,
                value=record.value,
                category=record.category.name if record.category else "",
                withdrawn=withdrawn,
                confirmed_at=record.confirmed_at or record.status_changed_at or record.first_seen,
                changed_at=record.status_changed_at or record.first_seen,
            )
        )
    return found


# ------------------------------------------------------------------------------------------------ STIX 2.1


def _quote(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def stix_pattern(item: FeedItem) -> str:
    if item.kind == "domain":
        return f"[domain-name:value = {_quote(item.value)}]"
    if item.kind == "url":
        return f"[url:value = {_quote(item.value)}]"
    if item.kind == "email":
        return f"[email-addr:value = {_quote(item.value)}]"
    if item.kind == "social":
        platform, _sep, login = item.value.partition(":")
        return (
            f"[user-account:account_type = {_quote(platform)} AND "
            f"user-account:account_login = {_quote(login)}]"
        )
    # STIX 2.1 has no observable for telephone numbers, bank accounts or wallets: custom types, named so.
    custom = {"phone": "x-toandan-phone-number", "bank_account": "x-toandan-bank-account"}
    return f"[{custom.get(item.kind, 'x-toandan-crypto-wallet')}:value = {_quote(item.value)}]"


def to_stix(found: list[FeedItem], now: datetime) -> str:
    import stix2

    epoch = datetime(2026, 1, 1, tzinfo=UTC)
    identity = stix2.Identity(
        id=f"identity--{uuid.uuid5(NAMESPACE, 'producer')}",
        name=PRODUCER,
        identity_class="organization",
        sectors=["government-public-services"],
        created=epoch,
        modified=epoch,
    )
    objects: list[object] = [identity]
    for item in found:
        created = min(item.confirmed_at, item.changed_at)
        objects.append(
            stix2.Indicator(
                id=f"indicator--{item.uuid}",
                created=created,
                modified=item.changed_at,
                name=f"{item.kind}: {item.value}"[:250],
                description=item.category or None,
                indicator_types=["malicious-activity"],
                pattern=stix_pattern(item),
                pattern_type="stix",
                valid_from=created,
                revoked=item.withdrawn,
                created_by_ref=identity.id,
                object_marking_refs=[stix2.TLP_AMBER],
                labels=[item.kind],
            )
        )
    return stix2.Bundle(objects=objects).serialize()


# ------------------------------------------------------------------------------------------------ MISP

MISP_TYPES = {
    "phone": ("phone-number", "Financial fraud"),
    "bank_account": ("bank-account-nr", "Financial fraud"),
    "url": ("url", "Network activity"),
    "domain": ("domain", "Network activity"),
    "email": ("email-src", "Network activity"),
    "social": ("text", "Social network"),
    "crypto_wallet": ("btc", "Financial fraud"),
}


def to_misp(found: list[FeedItem], now: datetime) -> str:
    """One MISP event (the JSON a MISP feed or "import event" takes) holding every item as an attribute."""
    stamp = str(int(now.timestamp()))
    attributes = []
    for item in found:
        misp_type, category = MISP_TYPES.get(item.kind, ("text", "Other"))
        if item.kind == "crypto_wallet" and item.value.startswith("0x"):
            misp_type = "text"
        attributes.append(
            {
                "uuid": str(item.uuid),
                "type": misp_type,
                "category": category,
                "value": item.value,
                "to_ids": not item.withdrawn,
                "deleted": item.withdrawn,
                "timestamp": str(int(item.changed_at.timestamp())),
                "comment": item.category,
                "distribution": "5",
            }
        )
    event = {
        "uuid": str(uuid.uuid5(NAMESPACE, "misp-event")),
        "info": "Toàn Dân – confirmed scam indicators (Quảng Ngãi)",
        "date": now.date().isoformat(),
        "timestamp": stamp,
        "publish_timestamp": stamp,
        "published": True,
        "threat_level_id": "2",
        "analysis": "2",
        "distribution": "0",
        "Orgc": {"name": PRODUCER, "uuid": str(uuid.uuid5(NAMESPACE, "producer"))},
        "Tag": [{"name": "tlp:amber"}, {"name": 'misp-galaxy:financial-fraud="Scam"'}],
        "Attribute": attributes,
    }
    return json.dumps({"Event": event}, ensure_ascii=False)


# ------------------------------------------------------------------------------------------------ text


def to_csv(found: list[FeedItem], now: datetime) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["kind", "value", "status", "category", "confirmed_at", "changed_at"])
    for item in found:
        writer.writerow(
            [
                item.kind,
                item.value,
                "withdrawn" if item.withdrawn else "confirmed",
                item.category,
                item.confirmed_at.isoformat(),
                item.changed_at.isoformat(),
            ]
        )
    return out.getvalue()


def _domains(found: list[FeedItem]) -> Iterator[tuple[str, bool]]:
    for item in found:
        if item.kind == "domain":
            yield item.value, item.withdrawn


def _header(comment: str, now: datetime) -> list[str]:
    return [f"{comment} {PRODUCER}: confirmed scam domains", f"{comment} generated {now.isoformat()}"]


def to_domains(found: list[FeedItem], now: datetime) -> str:
    lines = _header("#", now)
    lines += [f"# withdrawn: {d}" if withdrawn else d for d, withdrawn in _domains(found)]
    return "\n".join(lines) + "\n"


def to_hosts(found: list[FeedItem], now: datetime) -> str:
    lines = _header("#", now)
    lines += [f"# withdrawn: {d}" if withdrawn else f"0.0.0.0 {d}" for d, withdrawn in _domains(found)]
    return "\n".join(lines) + "\n"


def to_rpz(found: list[FeedItem], now: datetime) -> str:
    """A response-policy zone: names are relative to the zone the resolver loads it as; CNAME . = NXDOMAIN."""
    serial = int(now.timestamp())
    lines = _header(";", now) + [
        "$TTL 300",
        f"@ IN SOA localhost. hostmaster.localhost. ({serial} 3600 600 604800 300)",
        "@ IN NS localhost.",
    ]
    for domain, withdrawn in _domains(found):
        if withdrawn:
            lines.append(f"; withdrawn: {domain}")
        else:
            lines += [f"{domain} CNAME .", f"*.{domain} CNAME ."]
    return "\n".join(lines) + "\n"


RENDERERS = {
    "stix": to_stix,
    "misp": to_misp,
    "csv": to_csv,
    "domains": to_domains,
    "hosts": to_hosts,
    "rpz": to_rpz,
}


def render(fmt: str, since: datetime | None, now: datetime) -> tuple[str, int]:
    """The feed's text and the number of items in it."""
    found = items(since)
    return RENDERERS[fmt](found, now), len(found)
