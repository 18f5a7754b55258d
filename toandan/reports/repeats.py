"""Likely repeats: the same incident sent again (same indicators, near-identical story, within a window).

One person can send the same story four times in an afternoon; counted four times it would make the public
check say "tố giác 4 lần" and the statistics add the money four times. At intake a new report is compared
with the recent reports that name one of its indicators (or, when it names none, with the recent reports of
the same category and place): when its story is near-identical to one of them it becomes a *repeat* of that
incident's first report (``Report.repeat_of``) and its indicator links stop counting (``counts``). Officers
see the group in the queue and can undo the match (``separate``).

Only the content is compared: nothing about the sender (address, account, contact) is read or kept, so an
anonymous reporter stays anonymous.

Why not MinHash here: candidates come from an index (the indicator links, or category and time), at most
``MAX_CANDIDATES`` of them, and the exact Jaccard similarity of their word 3-shingles costs less than signing
them; MinHash/LSH is for finding candidates among all texts (triage's waves do that, on another floor).

Intake does nothing more than store the report (its write stays one statement on PostgreSQL): the worker's
periodic sweep (``tasks.find_repeats`` → ``sweep``) takes every report not compared yet
(``Report.repeat_checked``), oldest first, so a report whose transaction commits late is not passed over.
Only earlier reports are candidates, so of two identical reports sent at the same moment the later one is
the repeat. Until the sweep has looked (within ``settings.PERIODIC_TASKS``' interval) a new report counts like
any other.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _

from toandan.core.audit import record
from toandan.core.models import AuditAction
from toandan.identifiers.text import strip_diacritics
from toandan.reports.models import EventKind, Report, ReportEvent

logger = logging.getLogger(__name__)
MAX_CANDIDATES = 50
SWEEP_BATCH = 200
MAX_KEYS = 20  # indicators of one report whose latest reports are read (most name a few)
SHINGLE = 3
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Match:
    """The incident a new report likely repeats: its first report, and how similar the stories are."""

    head: Report
    similarity: float


def window() -> timedelta:
    return timedelta(hours=getattr(settings, "REPORT_REPEAT_WINDOW_HOURS", 72))


def threshold() -> float:
    return float(getattr(settings, "REPORT_REPEAT_SIMILARITY", 0.8))


def words(text: str) -> list[str]:
    """The folded words of a story: case, diacritics and punctuation do not make two stories differ."""
    return _WORD.findall(strip_diacritics(text).lower().replace("đ", "d"))


def shingles(text: str) -> frozenset[tuple[str, ...]]:
    items = words(text)
    if len(items) < SHINGLE:
        return frozenset([tuple(items)])
    return frozenset(zip(*(items[i:] for i in range(SHINGLE)), strict=False))


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of the two stories' word 3-shingles (1.0 for the same words in the same order)."""
    return _jaccard(shingles(a), shingles(b))


def _jaccard(left: frozenset[tuple[str, ...]], right: frozenset[tuple[str, ...]]) -> float:
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)


def _latest_naming(indicator_ids: list[int], before: int) -> Any:
    """The latest earlier reports linked to one of these indicators, as a subquery of report ids: read from
    the (indicator, report) index, never the reports' rows, however many a scam wave has already given."""
    from toandan.indicators.models import ReportIndicator

    return (
        ReportIndicator.objects.filter(indicator_id__in=indicator_ids[:MAX_KEYS], report_id__lt=before)
        .order_by("-report_id")
        .values("report_id")[:MAX_CANDIDATES]
    )


def _candidates(report: Report, indicator_ids: list[int]) -> list[tuple[int, str]]:
    """(id of the incident's first report, story) of the latest earlier reports in the window: plain rows,
    since dozens of them are read for every report and only the best match becomes a model instance."""
    since = report.received_at - window()
    recent = Report.objects.filter(received_at__gte=since, pk__lt=report.pk)
    if indicator_ids:
        recent = recent.filter(pk__in=_latest_naming(indicator_ids, report.pk))
    else:
        recent = recent.filter(
            category=report.category_id, commune=report.commune_id, indicator_links__isnull=True
        )
    rows = recent.distinct().order_by("-received_at").values_list("id", "repeat_of_id", "description")
    return [(head or pk, description) for pk, head, description in rows[:MAX_CANDIDATES]]


def sweep(batch: int = SWEEP_BATCH) -> int:
    """Compare every report not compared yet, oldest first, in batches; returns how many were compared. Two
    workers never take the same batch (rows locked and skipped on PostgreSQL)."""
    compared = 0
    while True:
        with transaction.atomic():
            ids = list(
                Report.objects.filter(repeat_checked=False)
                .order_by("pk")
                .select_for_update(skip_locked=True)
                .values_list("pk", flat=True)[:batch]
            )
            for report_id in ids:
                check_stored(report_id)
            Report.objects.filter(pk__in=ids).update(repeat_checked=True)
        compared += len(ids)
        if len(ids) < batch:
            return compared


def check_stored(report_id: int) -> Match | None:
    """Worker side: compare a stored report (not yet a repeat) with the recent ones naming its indicators."""
    from toandan.indicators.models import ReportIndicator

    fields = ("id", "code", "description", "received_at", "category_id", "commune_id")
    report = Report.objects.filter(pk=report_id, repeat_of__isnull=True).only(*fields).first()
    if report is None:
        return None
    links = ReportIndicator.objects.filter(report_id=report_id).order_by("id")
    return mark_if_repeat(report, list(links.values_list("indicator_id", flat=True)))


def mark_if_repeat(report: Report, indicator_ids: list[int]) -> Match | None:
    """Mark a stored report as a repeat of an earlier incident when it is one; returns the match."""
    match = find_repeat(report, indicator_ids)
    if match is not None:
        record_repeat(report, match)
    return match


def find_repeat(report: Report, indicator_ids: list[int]) -> Match | None:
    """The incident this stored report likely repeats, or None (a read); ``indicator_ids``: its links'."""
    best: tuple[float, int] | None = None
    floor = threshold()
    story = shingles(report.description)
    for head, description in _candidates(report, indicator_ids):
        score = _jaccard(story, shingles(description))
        if score >= floor and (best is None or score > best[0]):
            best = (score, head)
    if best is None:
        return None
    return Match(Report.objects.only("id", "code").get(pk=best[1]), best[0])


def record_repeat(report: Report, match: Match) -> None:
    """The report becomes a repeat of the incident: its links stop counting, and its history says why (not
    public). One small transaction; a failure is logged, never raised into intake (the report is stored: at
    worst it counts once more until an officer looks at it)."""
    from toandan.indicators.models import ReportIndicator

    try:
        with transaction.atomic():
            report.repeat_of = match.head
            report.save(update_fields=["repeat_of"])
            ReportIndicator.objects.filter(report=report).update(counts=False)
            ReportEvent.objects.create(
                report=report,
                kind=EventKind.REPEAT,
                text=_("Có thể trùng với tố giác %(code)s (nội dung giống %(percent)s%%).")
                % {"code": match.head.code, "percent": round(match.similarity * 100)},
                data={"head": match.head.code, "similarity": round(match.similarity, 3)},
            )
    except DatabaseError:
        logger.exception("repeat of %s not recorded on %s", match.head.code, report.code)


def separate(report: Report, *, actor: Any, request: Any = None) -> None:
    """An officer decides a likely repeat is another incident: it counts again, with a history row."""
    if report.repeat_of_id is None:
        return
    from toandan.indicators.models import ReportIndicator

    with transaction.atomic():
        head_code = report.repeat_of.code if report.repeat_of else ""
        report.repeat_of = None
        report.save(update_fields=["repeat_of"])
        ReportIndicator.objects.filter(report=report).update(counts=True)
        ReportEvent.objects.create(
            report=report,
            kind=EventKind.NOT_REPEAT,
            actor=actor,
            text=_("Không trùng với tố giác %(code)s: tính là một vụ việc riêng.") % {"code": head_code},
        )
        record(
            AuditAction.STATE_CHANGED,
            actor=actor,
            request=request,
            target=report,
            summary=f"{report.code}: not a repeat",
        )


def group_sizes(heads: list[int]) -> dict[int, int]:
    """How many likely repeats each of these reports has (for the queue)."""
    from django.db.models import Count

    rows = (
        Report.objects.filter(repeat_of_id__in=heads)
        .values("repeat_of_id")
        .annotate(n=Count("id"))
        .values_list("repeat_of_id", "n")
    )
    return dict(rows)
