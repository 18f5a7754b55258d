"""A report's resolution as the dashboards count it, kept on the report: when it was (last) resolved, the
final legal due date by then, and whether the resolution came no later than that date.

The history stays the source: these fields are recomputed from it by the services that resolve or reopen a
report (`refresh_resolution`) and, for rows that existed before the fields did, by the data migration
(`fill_in_batches`). They are a cache of the rules in `reports.deadlines`, like `deadline_at`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from types import SimpleNamespace
from typing import Any

from django.db import connections, router
from django.utils import timezone

from toandan.reports.deadlines import compute
from toandan.reports.models import EventKind, Report, Status

# The history rows the legal deadlines and the resolution time depend on.
DEADLINE_KINDS = (EventKind.STATUS, EventKind.ACCEPTED, EventKind.EXTENSION, EventKind.PROCURACY_NOTIFIED)
FIELDS = ["resolved_at", "resolved_due_on", "resolved_in_time"]


@dataclass(frozen=True)
class Resolution:
    at: datetime | None = None
    due_on: date | None = None
    in_time: bool | None = None


def resolution_of(
    report: Any,
    events: Iterable[Any],
    policies: list[Any] | None = None,
    days_off: frozenset[date] | None = None,
) -> Resolution:
    """Empty for a report not resolved; else its last resolution, the final legal due date (the last step of
    its track, with the extensions recorded) and whether it was resolved by the end of that day."""
    story = sorted(events, key=lambda e: (e.at, getattr(e, "id", 0) or 0))
    if report.status != Status.RESOLVED:
        return Resolution()
    done_at = next(
        (e.at for e in reversed(story) if e.kind == EventKind.STATUS and e.to_status == Status.RESOLVED), None
    )
    if done_at is None:
        return Resolution()
    steps = compute(report, story, policies, days_off)
    if not steps:
        return Resolution(at=done_at)
    due = steps[-1].due
    return Resolution(at=done_at, due_on=due, in_time=timezone.localdate(done_at) <= due)


def apply(report: Report, resolution: Resolution) -> None:
    report.resolved_at, report.resolved_due_on, report.resolved_in_time = (
        resolution.at,
        resolution.due_on,
        resolution.in_time,
    )


def refresh_resolution(report: Report) -> None:
    """Recompute the stored resolution from the history (called by the services that resolve or reopen a
    report, and by anything that rewrites a report's history)."""
    apply(report, resolution_of(report, report.events.filter(kind__in=DEADLINE_KINDS)))
    report.save(update_fields=FIELDS)


def fill_in_batches(
    report_model: Any,
    event_model: Any,
    policies: list[Any],
    days_off: frozenset[date],
    batch: int = 2000,
) -> int:
    """Fill the stored resolution of every resolved report, `batch` reports at a time (two reads and one
    update per batch; memory bounded by the batch). Works on the migration's historical models:
    reports and history are read as plain rows. Returns the number of reports filled."""
    fields = ("id", "track", "received_at", "status", "multi_place")
    last, filled = 0, 0
    resolved = report_model.objects.filter(status=Status.RESOLVED).order_by("id")
    while True:
        rows = list(resolved.filter(id__gt=last).values_list(*fields)[:batch])
        if not rows:
            return filled
        last = rows[-1][0]
        history: dict[int, list[SimpleNamespace]] = defaultdict(list)
        events = event_model.objects.filter(report_id__in=[r[0] for r in rows], kind__in=DEADLINE_KINDS)
        for report_id, pk, kind, to_status, at, data in events.values_list(
            "report_id", "id", "kind", "to_status", "at", "data"
        ):
            history[report_id].append(
                SimpleNamespace(id=pk, kind=kind, to_status=to_status, at=at, data=data or {})
            )
        updates = []
        for values in rows:
            report = SimpleNamespace(**dict(zip(fields, values, strict=True)))
            found = resolution_of(report, history.get(report.id, []), policies, days_off)
            updates.append((report.id, found.at, found.due_on, found.in_time))
        _write(report_model, updates)
        filled += len(updates)


def _write(report_model: Any, rows: list[tuple[int, datetime | None, date | None, bool | None]]) -> None:
    """One UPDATE … FROM (VALUES …) per batch on PostgreSQL (Django's bulk_update writes a CASE per field
    whose cost grows with the square of the batch: 190 s for 20,000 reports); bulk_update elsewhere."""
    connection = connections[router.db_for_write(report_model)]
    if connection.vendor != "postgresql":
        objects = []
        for pk, at, due_on, in_time in rows:
            row = report_model(id=pk)
            row.resolved_at, row.resolved_due_on, row.resolved_in_time = at, due_on, in_time
            objects.append(row)
        report_model.objects.bulk_update(objects, FIELDS, batch_size=200)
        return
    table = connection.ops.quote_name(report_model._meta.db_table)
    values = ", ".join(["(%s::bigint, %s::timestamptz, %s::date, %s::boolean)"] * len(rows))
    # Only the quoted table name and placeholders are put in the text; every value is a parameter.
    sql = (
        f"UPDATE {table} AS r SET resolved_at = v.at, resolved_due_on = v.due, resolved_in_time = v.ok "  # noqa: S608
        f"FROM (VALUES {values}) AS v(id, at, due, ok) WHERE r.id = v.id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [value for row in rows for value in row])
