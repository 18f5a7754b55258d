"""Submitting a report: one transaction stores the report, its files, the reporter apart and encrypted, the
consent, the indicators, the routing and the first deadline — or nothing at all."""

from __future__ import annotations

import hashlib
import json
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from toandan.core import codes, crypto
from toandan.core.audit import new_event, record
from toandan.core.files import removing_on_failure, store_files
from toandan.core.models import AuditAction
from toandan.core.uploads import CleanFile
from toandan.identifiers.text import strip_diacritics
from toandan.indicators.services import Planned, plan_links
from toandan.orgs.models import Unit
from toandan.reports import resolution, storing
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
from toandan.reports.own_contact import without_own
from toandan.reports.routing import route


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
    # An anonymous reporter's address for the receipt only: e-mailed once by the worker, never stored.
    receipt_email: str = ""

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
    """Recompute the cached current deadline from the history (called by every service that changes it), and
    the stored resolution of a report resolved or just reopened (an extension or a track recorded after the
    resolution moves its final due date too)."""
    events = list(report.events.all())
    report.deadline_at = current_deadline(compute(report, events))
    fields = ["deadline_at"]
    if report.status == Status.RESOLVED or report.resolved_at is not None:
        resolution.apply(report, resolution.resolution_of(report, events))
        fields += resolution.FIELDS
    report.save(update_fields=fields)


def _existing(idempotency_key: str, data: ReportInput) -> Submitted:
    report = Report.objects.get(idempotency_key=idempotency_key)
    if report.idempotency_fingerprint != data.fingerprint():
        raise IdempotencyConflict(_("Khóa Idempotency-Key này đã được dùng cho một tố giác khác."))
    return Submitted(report, crypto.decrypt(report.key_encrypted), created=False)


def replayed(idempotency_key: str, data: ReportInput) -> Submitted | None:
    """The stored receipt of an earlier submission with this Idempotency-Key (IdempotencyConflict when it was
    another report), or None."""
    if not Report.objects.filter(idempotency_key=idempotency_key).exists():
        return None
    return _existing(idempotency_key, data)


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
    # Outside the transaction too (pure work: on SQLite the transaction holds the database's write lock).
    planned = without_own(
        plan_links(data.identifiers, data.description),
        data.description,
        data.phone,
        data.email or data.receipt_email,
    )
    for attempt in range(3):
        # One statement on PostgreSQL is atomic by itself; inside a caller's transaction a savepoint lets a
        # rerun follow a failed attempt. A failed attempt's files are removed on the way out, except when the
        # connection was lost: the commit may have happened all the same (a retry with the same
        # Idempotency-Key then finds the report), so its files stay; the orphan sweep removes them if not.
        atomic = storing.needs_transaction() or transaction.get_connection().in_atomic_block
        try:
            with (
                removing_on_failure(keep_on=(OperationalError, InterfaceError)) as written,
                transaction.atomic() if atomic else nullcontext(),
            ):
                submitted = _store(
                    data, files or [], channel, submitter, idempotency_key, written, consent, planned
                )
        except IntegrityError:
            if idempotency_key and Report.objects.filter(idempotency_key=idempotency_key).exists():
                return _existing(idempotency_key, data)  # a concurrent retry stored it first
            if attempt == 2:
                raise
            # Otherwise the random tracking code collided (1 in 10^12 per pair): draw another.
        except storing.LinkRace:
            # Another report stored one of the same new indicators first: write it again.
            if attempt == 2:
                raise
        else:
            # Whether it is the same incident sent again is the worker's to find (reports.repeats.sweep).
            return submitted
    raise AssertionError("unreachable")


def _store(
    data: ReportInput,
    files: list[CleanFile],
    channel: str,
    submitter: Any,
    idempotency_key: str | None,
    written: list[str],
    consent: Any,
    planned: Planned,
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
        # An anonymous report keeps no link to the account it was sent from.
        submitter=submitter
        if submitter is not None and submitter.is_authenticated and not data.anonymous
        else None,
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
    dependents: list[tuple[Any, str]] = []
    if not data.anonymous:
        identity = ReporterIdentity(
            name=crypto.encrypt(data.name),
            phone=crypto.encrypt(data.phone),
            email=crypto.encrypt(data.email),
            id_number=crypto.encrypt(data.id_number),
        )
        dependents.append((identity, "report_id"))
    dependents += [(row, "report_id") for row in evidence_rows(report, files, True, written, start=1)]
    dependents.append((_submitted_event(report), "report_id"))
    # A citizen's submission is audited as what was created, where it went and by which channel: never the
    # sender's address or account (docs/security.md, "Anonymous means anonymous").
    audit = new_event(
        AuditAction.CREATED, target=report, unit=report.unit, summary=report.code, channel=channel
    )
    dependents.append((audit, "object_id"))
    storing.write(report, dependents, planned)
    if data.email and not data.anonymous:
        from toandan.reports.tasks import send_receipt

        encrypted_key = crypto.encrypt(key)
        # robust: a failure to enqueue the e-mail (after the commit) is logged, never raised into
        # submit_report, whose error path would delete the committed report's files.
        transaction.on_commit(lambda: send_receipt.enqueue(report.pk, encrypted_key), robust=True)
    elif data.receipt_email and data.anonymous:
        from toandan.reports.tasks import send_anonymous_receipt

        # Encrypted in the task row until the worker sends it, then blanked there: nothing keeps the address.
        sealed = (crypto.encrypt(key), crypto.encrypt(data.receipt_email))
        transaction.on_commit(lambda: send_anonymous_receipt.enqueue(report.pk, *sealed), robust=True)
    return Submitted(report, key, created=True)


def _submitted_event(report: Report) -> ReportEvent:
    # Case suggestions are made by the worker's sweep (triage.tasks.suggest_pending), which finds every report
    # still without one: intake enqueues nothing, and nothing is lost if the process dies after the commit.
    return ReportEvent(
        kind=EventKind.SUBMITTED,
        to_status=Status.RECEIVED,
        to_unit=report.unit,
        public=True,
        text=_("Tố giác đã được tiếp nhận và chuyển đến %(unit)s.") % {"unit": report.unit.name},
    )


def add_information(report: Report, *, text: str, files: list[CleanFile], request: Any = None) -> ReportEvent:
    """The reporter adds information to their case: the files, a public event and an audit row, or nothing."""
    start = report.evidence.count() + 1 if files else 1
    with removing_on_failure() as written, transaction.atomic():
        for evidence in evidence_rows(report, files, True, written, start):
            evidence.save()
        event = ReportEvent.objects.create(
            report=report,
            kind=EventKind.REPORTER_INFO,
            public=True,
            text=text.strip(),
            data={"files": len(files)},
        )
        record(
            AuditAction.CREATED,
            request=request,
            target=event,
            unit=report.unit,
            summary=f"{report.code}: reporter info",
            files=len(files),
        )
    return event


def evidence_rows(
    report: Report, files: list[CleanFile], from_reporter: bool, written: list[str], start: int
) -> list[Evidence]:
    """Write the files to storage and return their unsaved rows (see core.files.store_files)."""
    return store_files(files, lambda: Evidence(report=report, from_reporter=from_reporter), written, start)
