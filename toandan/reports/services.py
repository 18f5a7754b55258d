"""Submitting a report: one transaction stores the report, its files, the reporter apart and encrypted, the
consent, the indicators, the routing and the first deadline — or nothing at all."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from toandan.core import rowsql
from toandan.core.audit import new_event
from toandan.core.models import AuditAction
from toandan.indicators.services import Planned, link_report_indicators, new_records_sql, plan_links
from toandan.orgs.matching import strip_diacritics
from toandan.orgs.models import Unit
from toandan.reports import codes, crypto
from toandan.reports.consent import shown_consent
from toandan.reports.deadlines import compute, current_deadline
from toandan.reports.models import (
    Channel,
    EventKind,
    Evidence,
    Report,
    ReportCategory,
    ReporterIdentity,
    ReportEvent,
    Status,
)
from toandan.reports.routing import route
from toandan.reports.uploads import CleanFile


class IdempotencyConflict(ValueError):
    """The same Idempotency-Key was sent with a different report."""


@dataclass
class ReportInput:
    """What a reporter gives, already validated by a form or an API schema."""

    category: ReportCategory
    description: str
    identifiers: list[str] = field(default_factory=list)
    happened_on: date | None = None
    commune: Unit | None = None
    outside_province: bool = False
    money_lost: int | None = None
    payment_method: str = ""
    anonymous: bool = True
    name: str = ""
    phone: str = ""
    email: str = ""
    id_number: str = ""
    consent: bool = False

    def fingerprint(self) -> str:
        payload = [
            self.category.code,
            self.description,
            self.identifiers,
            str(self.happened_on),
            self.commune.code if self.commune else None,
            self.money_lost,
            self.anonymous,
        ]
        return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode()).hexdigest()


@dataclass
class Submitted:
    report: Report
    key: str
    created: bool


def search_text(report: Report) -> str:
    parts = [report.code, report.category.name, report.description, report.identifiers_text]
    return strip_diacritics(" ".join(parts)).lower()


def refresh_deadline(report: Report) -> None:
    """Recompute the cached current deadline from the history (called by every service that changes it)."""
    report.deadline_at = current_deadline(compute(report, list(report.events.all())))
    report.save(update_fields=["deadline_at"])


def _existing(idempotency_key: str, data: ReportInput) -> Submitted:
    report = Report.objects.get(idempotency_key=idempotency_key)
    if report.idempotency_fingerprint != data.fingerprint():
        raise IdempotencyConflict(_("Khóa Idempotency-Key này đã được dùng cho một tố giác khác."))
    return Submitted(report, crypto.decrypt(report.key_encrypted), created=False)


def submit_report(
    data: ReportInput,
    files: list[CleanFile] | None = None,
    *,
    channel: str = Channel.WEB,
    submitter: Any = None,
    idempotency_key: str | None = None,
    request: Any = None,
) -> Submitted:
    if idempotency_key and Report.objects.filter(idempotency_key=idempotency_key).exists():
        return _existing(idempotency_key, data)
    # Before the transaction: the first report of a new consent version stores its text, and the cached row
    # must be committed before another thread's report refers to it.
    consent = shown_consent()
    for attempt in range(3):
        written: list[str] = []
        try:
            with transaction.atomic():
                return _store(
                    data, files or [], channel, submitter, idempotency_key, request, written, consent
                )
        except IntegrityError:
            _delete(written)
            if idempotency_key and Report.objects.filter(idempotency_key=idempotency_key).exists():
                return _existing(idempotency_key, data)  # a concurrent retry stored it first
            if attempt == 2:
                raise
            # Otherwise the random tracking code collided (1 in 10^12 per pair): draw another.
        except BaseException:
            # Files are written before the commit; nothing of a rolled-back report may stay behind.
            _delete(written)
            raise
    raise AssertionError("unreachable")


def _delete(names: list[str]) -> None:
    for name in names:
        default_storage.delete(name)


def _store(
    data: ReportInput,
    files: list[CleanFile],
    channel: str,
    submitter: Any,
    idempotency_key: str | None,
    request: Any,
    written: list[str],
    consent: Any,
) -> Submitted:
    key = codes.new_key()
    report = Report(
        code=codes.new_code(),
        key_hash=codes.hash_key(key),
        key_encrypted=crypto.encrypt(key) if idempotency_key else "",
        category=data.category,
        description=data.description,
        happened_on=data.happened_on,
        commune=data.commune,
        outside_province=data.outside_province or data.commune is None,
        money_lost=data.money_lost,
        payment_method=data.payment_method,
        identifiers_text="\n".join(data.identifiers),
        anonymous=data.anonymous,
        channel=channel,
        submitter=submitter if submitter is not None and submitter.is_authenticated else None,
        track=data.category.default_track,
        unit=route(data.category, data.commune),
        consent_text=consent,
        consented_at=timezone.now(),
        idempotency_key=idempotency_key or None,
        idempotency_fingerprint=data.fingerprint() if idempotency_key else "",
    )
    report.search_text = search_text(report)
    # Only the intake event exists yet, and it completes no legal step: the first deadline is known now.
    report.deadline_at = current_deadline(compute(report, []))
    planned = plan_links(data.identifiers, data.description)
    _insert(report, planned, request)
    if not data.anonymous:
        ReporterIdentity.objects.create(
            report=report,
            name=crypto.encrypt(data.name),
            phone=crypto.encrypt(data.phone),
            email=crypto.encrypt(data.email),
            id_number=crypto.encrypt(data.id_number),
        )
    store_evidence(report, files, from_reporter=True, written=written)
    link_report_indicators(report, planned)
    if data.email and not data.anonymous:
        from toandan.reports.tasks import send_receipt

        encrypted_key = crypto.encrypt(key)
        transaction.on_commit(lambda: send_receipt.enqueue(report.pk, encrypted_key))
    return Submitted(report, key, created=True)


def _insert(report: Report, planned: Planned, request: Any) -> None:
    """The report, its first history row, its audit row and its new indicators, written by hand-built INSERTs.

    Intake is the platform's busiest write (see bench/bench_intake.py): on PostgreSQL the four rows travel as
    one statement (data-modifying WITH), elsewhere as four. Case suggestions are made by the worker's sweep
    (`triage.tasks.suggest_pending`), which finds every report still without one: nothing to enqueue here,
    and nothing lost if the process dies right after the commit."""
    event = ReportEvent(
        kind=EventKind.SUBMITTED,
        to_status=Status.RECEIVED,
        to_unit=report.unit,
        public=True,
        text=_("Tố giác đã được tiếp nhận và chuyển đến %(unit)s.") % {"unit": report.unit.name},
    )
    audit = new_event(AuditAction.CREATED, request=request, unit=report.unit, summary=report.code)
    audit.object_type = Report._meta.label_lower
    report_sql, report_params = rowsql.insert([report], returning="id")
    records = new_records_sql(planned) if planned else None
    if rowsql.chains_writes():
        new_id = "(SELECT id FROM new_report)"
        parts = [
            ("new_report", (report_sql, report_params)),
            ("new_event", rowsql.insert([event], exprs={"report_id": new_id})),
            ("new_audit", rowsql.insert([audit], exprs={"object_id": f"CAST({new_id} AS varchar)"})),
        ]
        if records:
            parts.append(("new_indicators", records))
        sql = "WITH " + ", ".join(f"{name} AS ({part[0]})" for name, part in parts)
        params = [p for _name, part in parts for p in part[1]]
        report.pk = rowsql.execute(sql + " SELECT id FROM new_report", params)[0][0]  # noqa: S608
    else:
        report.pk = rowsql.execute(report_sql, report_params)[0][0]
        event.report_id = report.pk
        audit.object_id = str(report.pk)
        rowsql.execute(*rowsql.insert([event]))
        rowsql.execute(*rowsql.insert([audit]))
        if records:
            rowsql.execute(*records)
    report._state.adding = False
    report._state.db = rowsql.db().alias


def store_evidence(report: Report, files: list[CleanFile], from_reporter: bool, written: list[str]) -> None:
    start = report.evidence.count() + 1 if files else 1
    for index, clean in enumerate(files, start=start):
        evidence = Evidence(
            report=report,
            original_name=clean.original_name,
            content_type=clean.content_type,
            size=len(clean.data),
            sha256=clean.sha256,
            from_reporter=from_reporter,
        )
        evidence.file.save(
            f"{index:02d}-{clean.sha256[:12]}.{clean.extension}", ContentFile(clean.data), save=False
        )
        written.append(evidence.file.name)
        evidence.save()
