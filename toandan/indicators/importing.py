"""Bulk import of external lists (CSV or one value a line) with their provenance, all or nothing.

Every line is read and normalised first. A bad line (unrecognised, wrong kind, on the official allow-list)
rejects the whole file with the list of bad lines, unless ``skip_invalid`` is set: then the batch records the
lines it left out. Either way nothing is half-imported: the batch, its indicators, their provenance rows and
their history rows are stored in one transaction. Indicators an officer cleared stay cleared.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from toandan.core.audit import record as audit
from toandan.core.models import AuditAction
from toandan.identifiers.base import Indicator, InvalidIndicator, Kind
from toandan.identifiers.normalize import detect, normalize
from toandan.indicators import allowlist, presence
from toandan.indicators.models import (
    EventKind,
    ImportBatch,
    ImportedIndicator,
    IndicatorEvent,
    IndicatorRecord,
    IndicatorStatus,
)
from toandan.indicators.services import MAX_VALUE_LENGTH

MAX_ROWS = 500_000
MAX_BYTES = 50 * 1024 * 1024
FORMATS = ("csv", "plain")
BATCH = 2000


@dataclass(frozen=True, slots=True)
class RowError:
    """A line that could not be imported, and why."""

    line: int
    text: str
    error: str

    def as_dict(self) -> dict[str, Any]:
        return {"line": self.line, "text": self.text, "error": self.error}


class ImportRejected(ValueError):
    """The file was not imported; ``errors`` lists the bad lines (or one error about the whole file)."""

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(_("Tệp có %(count)s dòng không hợp lệ; chưa nhập gì.") % {"count": len(errors)})
        self.errors = errors


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRejected([RowError(0, "", _("Tệp phải mã hóa UTF-8."))]) from exc


def _raw_rows(text: str, fmt: str) -> list[tuple[int, str, str]]:
    """(line number, value as written, kind given or "") for every non-empty, non-comment line."""
    rows: list[tuple[int, str, str]] = []
    if fmt == "plain":
        for number, line in enumerate(text.splitlines(), start=1):
            value = line.strip()
            if value and not value.startswith("#"):
                rows.append((number, value, ""))
        return rows
    reader = csv.DictReader(io.StringIO(text))
    fields = [name.strip().lower() for name in reader.fieldnames or []]
    if "value" not in fields:
        raise ImportRejected([RowError(1, ",".join(fields), _("Tệp CSV cần một cột tên “value”."))])
    reader.fieldnames = fields
    for row in reader:
        value = (row.get("value") or "").strip()
        if value and not value.startswith("#"):
            rows.append((reader.line_num, value, (row.get("kind") or "").strip().lower()))
    return rows


def _normalise(value: str, kind: str) -> Indicator:
    if kind:
        return normalize(kind, value)
    found = detect(value)
    if found is None:
        raise InvalidIndicator(_("Không nhận ra giá trị này."), "unrecognised")
    return found


def parse(data: bytes, fmt: str, kind: str = "") -> tuple[list[tuple[int, str, Indicator]], list[RowError]]:
    """Normalise every row; returns (good rows, bad rows). ``kind`` applies to rows that do not name one."""
    if fmt not in FORMATS:
        raise ImportRejected([RowError(0, fmt, _("Định dạng phải là csv hoặc plain."))])
    if kind and kind not in Kind.__members__.values():
        raise ImportRejected([RowError(0, kind, _("Loại dấu hiệu không được hỗ trợ."))])
    if len(data) > MAX_BYTES:
        raise ImportRejected([RowError(0, "", _("Tệp lớn hơn 50 MB: hãy chia nhỏ."))])
    rows = _raw_rows(_decode(data), fmt)
    if len(rows) > MAX_ROWS:
        raise ImportRejected([RowError(0, "", _("Tệp có hơn 500.000 dòng: hãy chia nhỏ."))])
    good: list[tuple[int, str, Indicator]] = []
    bad: list[RowError] = []
    for number, value, row_kind in rows:
        try:
            indicator = _normalise(value, row_kind or kind)
        except InvalidIndicator as exc:
            bad.append(RowError(number, value[:200], exc.message))
            continue
        if len(indicator.value) > MAX_VALUE_LENGTH:
            bad.append(RowError(number, value[:200], _("Giá trị quá dài.")))
        elif allowlist.match(indicator) is not None:
            bad.append(
                RowError(number, value[:200], _("Có trong danh sách chính thức của cơ quan, ngân hàng."))
            )
        else:
            good.append((number, value, indicator))
    return good, bad


def import_list(
    data: bytes,
    *,
    fmt: str,
    source: str,
    actor: Any,
    kind: str = "",
    status: str = IndicatorStatus.REPORTED,
    source_url: str = "",
    note: str = "",
    file_name: str = "",
    skip_invalid: bool = False,
    request: Any = None,
) -> ImportBatch:
    """Import one list; raises ImportRejected (nothing stored) when a line is bad and skip_invalid is off."""
    if status not in (IndicatorStatus.REPORTED, IndicatorStatus.CONFIRMED):
        raise ImportRejected(
            [RowError(0, status, _("Chỉ nhập được dưới dạng “bị tố giác” hoặc “đã xác nhận”."))]
        )
    if not source.strip():
        raise ImportRejected([RowError(0, "", _("Ghi rõ nguồn của danh sách."))])
    good, bad = parse(data, fmt, kind)
    if bad and not skip_invalid:
        raise ImportRejected(bad)
    if not good:
        raise ImportRejected(bad or [RowError(0, "", _("Tệp không có dòng nào để nhập."))])
    unique: dict[tuple[str, str], tuple[int, str, Indicator]] = {}
    for number, value, indicator in good:
        unique.setdefault((indicator.kind.value, indicator.value), (number, value, indicator))
    with transaction.atomic():
        batch = ImportBatch.objects.create(
            source=source.strip()[:200],
            source_url=source_url[:500],
            note=note,
            file_name=file_name[:200],
            sha256=hashlib.sha256(data).hexdigest(),
            file_format=fmt,
            status=status,
            imported_by=actor,
            rows_total=len(good) + len(bad),
            rows_skipped=len(bad),
            skipped=[error.as_dict() for error in bad[:1000]],
        )
        new, known = _store(batch, unique, status, actor)
        batch.rows_new, batch.rows_known = new, known
        batch.save(update_fields=["rows_new", "rows_known"])
        audit(
            AuditAction.CREATED,
            actor=actor,
            request=request,
            target=batch,
            summary=f"import {batch.source}: {new} new, {known} known, {len(bad)} skipped",
        )
    return batch


def _store(
    batch: ImportBatch, unique: dict[tuple[str, str], tuple[int, str, Indicator]], status: str, actor: Any
) -> tuple[int, int]:
    keys = list(unique)
    presence.add(keys)
    now = timezone.now()
    new = known = 0
    for start in range(0, len(keys), BATCH):
        chunk = keys[start : start + BATCH]
        existing = _existing(chunk)
        missing = [key for key in chunk if key not in existing]
        IndicatorRecord.objects.bulk_create(
            [
                IndicatorRecord(
                    kind=k,
                    value=v,
                    display=unique[(k, v)][2].display[:300],
                    status=status,
                    status_changed_at=now,
                    confirmed_at=now if status == IndicatorStatus.CONFIRMED else None,
                )
                for k, v in missing
            ],
            ignore_conflicts=True,  # report intake may store the same value meanwhile: it is then known
        )
        created = _existing(missing)
        new += len(created)
        known += len(existing)
        events = [
            IndicatorEvent(
                indicator=r, at=now, actor=actor, kind=EventKind.IMPORTED, to_status=status, batch=batch
            )
            for r in created.values()
        ]
        promote = [
            r for r in existing.values() if status == IndicatorStatus.CONFIRMED and r.status == "reported"
        ]
        for record in promote:
            events.append(
                IndicatorEvent(
                    indicator=record,
                    at=now,
                    actor=actor,
                    kind=EventKind.IMPORTED,
                    from_status=record.status,
                    to_status=status,
                    batch=batch,
                )
            )
            record.status, record.status_changed_at, record.confirmed_at = status, now, now
        IndicatorRecord.objects.bulk_update(promote, ["status", "status_changed_at", "confirmed_at"])
        IndicatorEvent.objects.bulk_create(events)
        records = {**existing, **created}
        ImportedIndicator.objects.bulk_create(
            [
                ImportedIndicator(
                    batch=batch, indicator=records[key], line=unique[key][0], raw=unique[key][1][:300]
                )
                for key in chunk
            ]
        )
    return new, known


def _existing(keys: list[tuple[str, str]]) -> dict[tuple[str, str], IndicatorRecord]:
    if not keys:
        return {}
    wanted = set(keys)
    rows = IndicatorRecord.objects.filter(kind__in={k for k, _v in keys}, value__in={v for _k, v in keys})
    return {(r.kind, r.value): r for r in rows if (r.kind, r.value) in wanted}
