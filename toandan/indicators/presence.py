"""Which (kind, value) keys have a stored record, known without the database: a per-process Bloom filter.

Most public checks are about numbers nobody reported. Even one indexed query per check costs those requests
dearly on the two-core machines this runs on: every database round trip hands Python's GIL to another of the
worker's threads and back, and the check fell to 0.35× the requests/s of a bare view (bench/bench_check.py).
A Bloom filter never misses a key that was added, so "not in the filter" means "no record": the check answers
"no reports" from memory, and only keys that may exist go to the database, which has the last word.

Keeping it complete:

* it is built in a background thread at the first check in a process (until then every check asks the
  database), from every stored record, then kept up to date by polling for rows with a higher id every
  POLL_SECONDS; ids a poll skipped (a transaction still running, or rolled back) are asked for again for
  HOLE_SECONDS, and the whole filter is rebuilt every REBUILD_SECONDS and whenever it fills up;
* every place that stores records in this process adds their keys at once, before its transaction commits
  (a key added for nothing only sends one check to the database): a report filed here is counted by the
  next check here, and by the other processes within POLL_SECONDS.

``INDICATOR_PRESENCE_FILTER = False`` in the settings turns it off (every check then asks the database).
A stored link also adds the key of its host (``LINK_HOST``), so that a domain nobody's links live on is
answered from memory too.

Memory: 2.5 bytes per stored indicator (10 bits a key, capacity twice the rows): 25 MB for 10 million.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Iterable

from django.conf import settings
from django.db import connection

logger = logging.getLogger(__name__)

BITS_PER_KEY = 10
MIN_CAPACITY = 1_000_000
POLL_SECONDS = 0.1
HOLE_SECONDS = 120.0
REBUILD_SECONDS = 6 * 3600.0
STALE_SECONDS = 5.0
RETRY_SECONDS = 5.0
MAX_HOLES = 10_000
SALT = 0x5BD1E995


URL_PREFIX = "https://"
# Not a kind of record: the key under which a stored link's host is known, so that a check of a domain
# (which counts the reports of the domain's links) can also answer "no reports" from memory.
LINK_HOST = "linkhost"


def key_of(kind: str, value: str) -> str:
    # Kinds never contain ":", so "kind:value" names one pair; the rebuild builds the same string in SQL.
    return f"{kind}:{value}"


def link_host(url: str) -> str:
    """The host of a stored (normalised) link, without "www.": "https://www.a.vn/x" -> "a.vn"."""
    return url[len(URL_PREFIX) :].split("/", 1)[0].split(":", 1)[0].removeprefix("www.")


def keys_of_record(kind: str, value: str) -> tuple[str, ...]:
    """The filter keys of one stored record: its own, and for a link also its host's."""
    if kind == "url" and value.startswith(URL_PREFIX):
        return key_of(kind, value), key_of(LINK_HOST, link_host(value))
    return (key_of(kind, value),)


class BloomFilter:
    """A Bloom filter over strings with three hash positions (from Python's string hash, stable within a
    process): 1.7 % false positives when full (10 bits a key), 0.3 % at half, which is where it is rebuilt
    from; a false positive only sends one check to the database."""

    def __init__(self, capacity: int) -> None:
        self.capacity = max(capacity, 1)
        self.size = max(self.capacity * BITS_PER_KEY, 64)
        self.bits = bytearray(self.size // 8 + 1)
        self.count = 0

    def add(self, key: str) -> None:
        # Unrolled: building the filter of ten million keys is this function ten million times.
        first = hash(key)
        step = hash((first, SALT)) | 1
        size, bits = self.size, self.bits
        position = first % size
        bits[position >> 3] |= 1 << (position & 7)
        position = (first + step) % size
        bits[position >> 3] |= 1 << (position & 7)
        position = (first + 2 * step) % size
        bits[position >> 3] |= 1 << (position & 7)
        self.count += 1

    def __contains__(self, key: str) -> bool:
        first = hash(key)
        step = hash((first, SALT)) | 1
        size, bits = self.size, self.bits
        position = first % size
        if not bits[position >> 3] & (1 << (position & 7)):
            return False
        position = (first + step) % size
        if not bits[position >> 3] & (1 << (position & 7)):
            return False
        position = (first + 2 * step) % size
        return bool(bits[position >> 3] & (1 << (position & 7)))


class Presence:
    """The process's filter and the thread that fills and refreshes it."""

    def __init__(self, *, autostart: bool = True) -> None:
        self.autostart = autostart
        self.filter: BloomFilter | None = None
        self.lock = threading.Lock()
        self.thread: threading.Thread | None = None
        self.recent: list[str] | None = None  # keys added while a rebuild runs, replayed into the new filter
        self.seen_max = 0
        self.holes: dict[int, float] = {}
        self.built_at = 0.0
        self.polled_at = 0.0
        self.stopped = False

    # -------------------------------------------------------------------------------------- reading

    def may_contain(self, keys: Iterable[tuple[str, str]]) -> bool:
        """False only when none of these keys has a record; True when one may, or when the filter is not
        built or not refreshed lately (its thread died or cannot reach the database)."""
        current = self.filter
        if current is None or (self.autostart and time.monotonic() - self.polled_at > STALE_SECONDS):
            self.start()
            return True
        return any(key_of(kind, value) in current for kind, value in keys)

    # -------------------------------------------------------------------------------------- writing

    def add(self, keys: Iterable[tuple[str, str]]) -> None:
        """Keys of records this process stores (call before the commit: an extra key costs nothing)."""
        with self.lock:
            for kind, value in keys:
                for key in keys_of_record(kind, value):
                    if self.filter is not None and key not in self.filter:
                        self.filter.add(key)
                    if self.recent is not None:
                        self.recent.append(key)

    # -------------------------------------------------------------------------------------- the thread

    def start(self) -> None:
        if self.thread is not None or self.stopped or not self.autostart:
            return
        with self.lock:
            if self.thread is not None:
                return
            self.thread = threading.Thread(target=self._run, name="indicator-presence", daemon=True)
            self.thread.start()

    def _run(self) -> None:
        while not self.stopped:
            try:
                if self.filter is None or self._rebuild_due():
                    self.rebuild()
                else:
                    self.poll()
                self.polled_at = time.monotonic()
            except Exception:  # noqa: BLE001 - the checks ask the database until the filter is rebuilt
                logger.warning("indicator presence filter: refresh failed, rebuilding", exc_info=True)
                self.filter = None
                connection.close()
                time.sleep(RETRY_SECONDS)
            time.sleep(POLL_SECONDS)
        connection.close()

    def _rebuild_due(self) -> bool:
        current = self.filter
        return current is not None and (
            current.count > current.capacity or time.monotonic() - self.built_at > REBUILD_SECONDS
        )

    def rebuild(self) -> None:
        """Build a new filter from every record; keys added meanwhile are replayed into it."""
        from toandan.indicators.models import IndicatorRecord

        table = IndicatorRecord._meta.db_table
        with self.lock:
            if self.recent is None:
                self.recent = []
        fresh = BloomFilter(max(MIN_CAPACITY, 2 * IndicatorRecord.objects.count()))
        add = fresh.add
        highest = 0
        last: deque[int] = deque(maxlen=MAX_HOLES)
        # A server-side cursor on PostgreSQL; the key is built by the database, as key_of() builds it.
        with connection.chunked_cursor() as cursor:
            cursor.execute(f"SELECT id, kind || ':' || value FROM {table} ORDER BY id")  # noqa: S608
            while rows := cursor.fetchmany(20_000):
                for _pk, key in rows:
                    add(key)
                    if key.startswith("url:"):
                        host_key = key_of(LINK_HOST, link_host(key[4:]))
                        # Many links share a host: counted once, so the filter does not look full too soon.
                        if host_key not in fresh:
                            add(host_key)
                highest = rows[-1][0]
                last.extend(pk for pk, _key in rows[-MAX_HOLES:])
        with self.lock:
            for key in self.recent or []:
                fresh.add(key)
            self.recent = None
            if highest > self.seen_max:
                # Ids below the highest that the scan did not see may belong to transactions still running.
                self._note_holes(self.seen_max, highest, set(last))
            self.seen_max = max(self.seen_max, highest)
            self.filter, self.built_at = fresh, time.monotonic()

    def poll(self) -> None:
        """Add records stored by other processes since the last poll, and those a poll skipped."""
        from django.db.models import Q

        from toandan.indicators.models import IndicatorRecord

        now = time.monotonic()
        self.holes = {pk: at for pk, at in self.holes.items() if now - at < HOLE_SECONDS}
        query = Q(pk__gt=self.seen_max)
        if self.holes:
            query |= Q(pk__in=list(self.holes))
        rows = list(
            IndicatorRecord.objects.filter(query).order_by("pk").values_list("pk", "kind", "value")[:200_000]
        )
        if not rows:
            return
        found = {pk for pk, _kind, _value in rows}
        highest = max(found)
        with self.lock:
            current = self.filter
            for _pk, kind, value in rows:
                for key in keys_of_record(kind, value):
                    if current is not None:
                        current.add(key)
                    if self.recent is not None:
                        self.recent.append(key)
            for pk in found:
                self.holes.pop(pk, None)
            if highest > self.seen_max:
                self._note_holes(self.seen_max, highest, found)
                self.seen_max = highest

    def _note_holes(self, low: int, high: int, found: set[int]) -> None:
        now = time.monotonic()
        for pk in range(max(low + 1, high - MAX_HOLES), high):
            if pk not in found:
                self.holes[pk] = now
        if len(self.holes) > MAX_HOLES:
            for pk in sorted(self.holes)[: len(self.holes) - MAX_HOLES]:
                del self.holes[pk]


_presence = Presence()


def enabled() -> bool:
    return bool(getattr(settings, "INDICATOR_PRESENCE_FILTER", True))


def may_contain(keys: Iterable[tuple[str, str]]) -> bool:
    """Whether any of these keys may have a record (always True when the filter is off or not built yet)."""
    return not enabled() or _presence.may_contain(keys)


def add(keys: Iterable[tuple[str, str]]) -> None:
    _presence.add(keys)
