"""The incremental wave detection run: read the reports not read before, group them with the database's LSH
buckets, store memberships, buckets, merges and sizes, and propose a warning for each growing wave.

Reports are read in id order from a little before the last run's last id (a report whose transaction
committed late still has a smaller id), skipping those already members of a wave; each database round of
``batch`` reports is one transaction. Nothing already grouped is signed again.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np
from django.db import transaction
from django.db.models import Count, Max, Min
from django.utils import timezone

from toandan.reports.models import Report
from toandan.triage import conf
from toandan.triage.models import DetectionRun, Wave, WaveBucket, WaveMember, WaveSize
from toandan.triage.waves import drafts, engine

LOOKBACK_IDS = 1000
STALE_RUN = timedelta(minutes=30)
LOOKUP_CHUNK = 500


class DbStore:
    """A ``KeyStore`` over WaveBucket rows; new waves get provisional negative ids until they are saved."""

    def __init__(self) -> None:
        self.pending: dict[int, engine.Signed] = {}

    def lookup(self, keys: list[int]) -> dict[int, int]:
        found: dict[int, int] = {}
        for start in range(0, len(keys), LOOKUP_CHUNK):
            chunk = keys[start : start + LOOKUP_CHUNK]
            found.update(WaveBucket.objects.filter(key__in=chunk).values_list("key", "wave_id"))
        return found

    def representatives(self, waves: set[int]) -> dict[int, np.ndarray]:
        ids = sorted(wave for wave in waves if wave > 0)
        found: dict[int, np.ndarray] = {}
        for start in range(0, len(ids), LOOKUP_CHUNK):
            rows = Wave.objects.filter(pk__in=ids[start : start + LOOKUP_CHUNK]).values_list(
                "pk", "signature"
            )
            found.update((pk, np.frombuffer(bytes(sig), dtype="<u4")) for pk, sig in rows if sig)
        return found

    def new_wave(self, item: engine.Signed) -> int:
        provisional = -(len(self.pending) + 1)
        self.pending[provisional] = item
        return provisional


def _save_new_waves(store: DbStore, grouping: engine.Grouping, when: dict[int, datetime]) -> dict[int, int]:
    """Create the waves that were started in this batch and not merged away; provisional id -> real id."""
    targets = sorted({w for w in grouping.assigned.values() if w < 0}, reverse=True)
    waves = []
    for provisional in targets:
        item = store.pending[provisional]
        signature = np.asarray(item.signature, dtype="<u4").tobytes() if item.signature is not None else b""
        seen = when[item.ident]
        waves.append(Wave(first_seen=seen, last_seen=seen, sample=item.sample[:2000], signature=signature))
    created = Wave.objects.bulk_create(waves)
    if any(wave.pk is None for wave in created):  # a database that cannot return ids from a bulk insert
        for wave in created:
            wave.save()
    return {provisional: wave.pk for provisional, wave in zip(targets, created, strict=True)}


def _merge(sources: dict[int, int]) -> None:
    for source, target in sources.items():
        if source == target or source < 0:
            continue
        WaveMember.objects.filter(wave_id=source).update(wave_id=target)
        WaveBucket.objects.filter(wave_id=source).update(wave_id=target)
        Wave.objects.filter(pk=source).update(merged_into_id=target, size=0)


def _refresh(wave_ids: set[int], now: datetime) -> None:
    """Recount members and dates of the waves a batch changed, and record their size."""
    stats = (
        WaveMember.objects.filter(wave_id__in=wave_ids)
        .values("wave_id")
        .annotate(n=Count("id"), first=Min("report__received_at"), last=Max("report__received_at"))
    )
    waves = {wave.pk: wave for wave in Wave.objects.filter(pk__in=wave_ids)}
    for row in stats:
        wave = waves[row["wave_id"]]
        wave.size, wave.first_seen, wave.last_seen = row["n"], row["first"], row["last"]
    Wave.objects.bulk_update(list(waves.values()), ["size", "first_seen", "last_seen"])
    # Sizes over time of waves only: a report alone in its group needs no history.
    shown = conf.waves()["min_size"]
    WaveSize.objects.bulk_create(
        [WaveSize(wave=wave, at=now, size=wave.size) for wave in waves.values() if wave.size >= shown]
    )


def process(rows: list[tuple[int, str, datetime]], shape: engine.Params, now: datetime) -> set[int]:
    """Group one batch of (report id, description, received at); returns the ids of the waves it changed."""
    signed = [item for item in engine.sign_texts([(pk, text) for pk, text, _at in rows], shape) if item.keys]
    if not signed:
        return set()
    when = {pk: at for pk, _text, at in rows}
    store = DbStore()
    grouping = engine.group(signed, store, shape.threshold)
    real = _save_new_waves(store, grouping, when)

    def resolve(wave: int) -> int:
        return real.get(wave, wave)

    _merge({source: resolve(target) for source, target in grouping.merged.items()})
    WaveMember.objects.bulk_create(
        [
            WaveMember(report_id=pk, wave_id=resolve(wave), joined_at=now)
            for pk, wave in grouping.assigned.items()
        ],
        ignore_conflicts=True,
    )
    WaveBucket.objects.bulk_create(
        [WaveBucket(key=key, wave_id=resolve(wave)) for key, wave in grouping.new_keys.items()],
        ignore_conflicts=True,
    )
    changed = {resolve(wave) for wave in grouping.assigned.values()}
    changed |= {resolve(target) for target in grouping.merged.values()}
    _refresh(changed, now)
    return changed


def run(now: datetime | None = None) -> DetectionRun | None:
    """One detection run over the reports not read yet; None when another run is still going."""
    now = now or timezone.now()
    if DetectionRun.objects.filter(finished_at__isnull=True, started_at__gt=now - STALE_RUN).exists():
        return None
    settings = conf.waves()
    shape = engine.params(settings["threshold"], settings["num_perm"])
    previous = DetectionRun.objects.filter(finished_at__isnull=False).order_by("-last_report_id").first()
    detection = DetectionRun.objects.create(
        started_at=now, last_report_id=previous.last_report_id if previous else 0
    )
    floor = max(0, detection.last_report_id - LOOKBACK_IDS)
    changed: set[int] = set()
    while True:
        rows = list(
            Report.objects.filter(pk__gt=floor, wave_membership__isnull=True)
            .order_by("pk")
            .values_list("pk", "description", "received_at")[: settings["batch"]]
        )
        if not rows:
            break
        with transaction.atomic():
            changed |= process(rows, shape, now)
        floor = rows[-1][0]
        detection.reports_read += len(rows)
        detection.last_report_id = max(detection.last_report_id, floor)
    live = set(Wave.objects.filter(pk__in=changed, merged_into__isnull=True).values_list("pk", flat=True))
    detection.waves_changed = len(live)
    detection.drafts_proposed = drafts.propose_for_growing(live, now)
    detection.finished_at = timezone.now()
    detection.save()
    return detection
