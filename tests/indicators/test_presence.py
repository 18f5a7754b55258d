"""The presence filter: a Bloom filter of stored keys that lets "no reports" be answered without the database,
and never hides a stored record (built from the table, fed at once by this process, polled for the others)."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest
from django.test import Client

from toandan.indicators import presence
from toandan.indicators.models import IndicatorRecord
from toandan.indicators.presence import BloomFilter, Presence, key_of

pytestmark = pytest.mark.django_db


def test_bloom_filter_never_misses_and_rarely_lies() -> None:
    bloom = BloomFilter(20_000)  # half full, as after a rebuild
    keys = [key_of("phone", f"+8491{i:07d}") for i in range(10_000)]
    for key in keys:
        bloom.add(key)
    assert all(key in bloom for key in keys)
    rng = random.Random(2025)  # seeded: the threshold below is checked against one fixed draw
    others = [key_of("phone", f"+8498{rng.randrange(10**7):07d}") for _ in range(10_000)]
    assert sum(key in bloom for key in others) < 100  # about 0.3 % expected


@pytest.fixture
def built(settings: Any, monkeypatch: Any) -> Presence:
    """The check's filter, switched on and built synchronously from the test's rows."""
    settings.INDICATOR_PRESENCE_FILTER = True
    built = Presence(autostart=False)
    monkeypatch.setattr(presence, "_presence", built)
    return built


def test_built_from_the_table_then_polled(file_report: Any, built: Presence) -> None:
    file_report("0987 654 321")
    built.rebuild()
    assert built.may_contain([("phone", "+84987654321")])
    assert not built.may_contain([("phone", "+84911111111")])
    # Rows stored by another process (bulk inserts send no signal) are found by the next poll.
    IndicatorRecord.objects.bulk_create([IndicatorRecord(kind="phone", value="+84911111111")])
    assert not built.may_contain([("phone", "+84911111111")])
    built.poll()
    assert built.may_contain([("phone", "+84911111111")])


def test_ids_skipped_by_a_poll_are_asked_for_again(built: Presence) -> None:
    IndicatorRecord.objects.create(pk=1, kind="domain", value="a.vn")
    built.rebuild()
    IndicatorRecord.objects.bulk_create([IndicatorRecord(pk=5, kind="domain", value="e.vn")])
    built.poll()
    assert set(built.holes) == {2, 3, 4}
    IndicatorRecord.objects.bulk_create([IndicatorRecord(pk=3, kind="domain", value="c.vn")])
    built.poll()
    assert set(built.holes) == {2, 4} and built.may_contain([("domain", "c.vn")])


def test_no_reports_without_the_database_and_reports_counted_at_once(
    units: None, built: Presence, django_assert_num_queries: Any, no_seed_allowlist: None
) -> None:
    built.rebuild()
    Client().get("/api/v1/check", {"q": "0912 000 111"})  # the allow-list cache
    with django_assert_num_queries(0):
        body = Client().get("/api/v1/check", {"q": "0912 345 678"}).json()
    assert body["verdict"] == "no_reports"
    report = {
        "category": "lua-dao",
        "description": "Người này gọi điện bảo tôi chuyển tiền để nhận quà, tôi đã mất hai triệu.",
        "identifiers": ["0912.345.678"],
        "consent": True,
    }
    assert (
        Client().post("/api/v1/reports", json.dumps(report), content_type="application/json").status_code
        == 201
    )
    with django_assert_num_queries(1):
        body = Client().get("/api/v1/check", {"q": "+84 912 345 678"}).json()
    assert (body["verdict"], body["reports"]) == ("reported", 1)


def test_until_built_every_check_asks_the_database(settings: Any, monkeypatch: Any, file_report: Any) -> None:
    settings.INDICATOR_PRESENCE_FILTER = True
    monkeypatch.setattr(presence, "_presence", Presence(autostart=False))
    file_report("0987 654 321")
    assert Client().get("/api/v1/check", {"q": "0987654321"}).json()["verdict"] == "reported"


def test_rebuild_keeps_keys_added_meanwhile(built: Presence) -> None:
    built.recent = []
    built.add([("phone", "+84900000001")])
    built.rebuild()
    assert built.may_contain([("phone", "+84900000001")])
