"""State changes of indicators. Reports call `link_report_indicators` inside their submit transaction."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from toandan.indicators.base import Indicator
from toandan.indicators.extract import extract_all
from toandan.indicators.models import IndicatorRecord, IndicatorSource, ReportIndicator
from toandan.indicators.normalize import detect


def parse_identifiers(raw_items: list[str]) -> tuple[list[tuple[str, Indicator]], list[str]]:
    """Recognise what a person typed as identifiers; returns (recognised, not recognised)."""
    found: list[tuple[str, Indicator]] = []
    unknown: list[str] = []
    for raw in raw_items:
        text = raw.strip()
        if not text:
            continue
        single = detect(text)
        items = [single] if single is not None else extract_all(text)
        if items:
            found.extend((text, item) for item in items)
        else:
            unknown.append(text)
    return found, unknown


def _record_for(item: Indicator) -> IndicatorRecord:
    record = IndicatorRecord.objects.filter(kind=item.kind.value, value=item.value).first()
    if record is not None:
        return record
    try:
        with transaction.atomic():
            return IndicatorRecord.objects.create(
                kind=item.kind.value, value=item.value, display=item.display[:300]
            )
    except IntegrityError:  # created by a concurrent report
        return IndicatorRecord.objects.get(kind=item.kind.value, value=item.value)


@transaction.atomic
def link_report_indicators(report: Any, identifiers: list[str], text: str) -> list[ReportIndicator]:
    """Store each indicator once, link it to the report, and count the report on it (once per report)."""
    recognised, _unknown = parse_identifiers(identifiers)
    items: list[tuple[str, Indicator, str]] = [
        (raw, item, IndicatorSource.IDENTIFIERS) for raw, item in recognised
    ]
    items += [(item.display, item, IndicatorSource.DESCRIPTION) for item in extract_all(text or "")]
    links: list[ReportIndicator] = []
    seen: set[tuple[str, str]] = set()
    now = timezone.now()
    for raw, item, source in items:
        if (item.kind.value, item.value) in seen:
            continue
        seen.add((item.kind.value, item.value))
        record = _record_for(item)
        links.append(
            ReportIndicator.objects.create(report=report, indicator=record, raw=raw[:300], source=source)
        )
        IndicatorRecord.objects.filter(pk=record.pk).update(report_count=F("report_count") + 1, last_seen=now)
    return links
