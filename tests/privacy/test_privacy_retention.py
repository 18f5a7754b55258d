"""The retention schedule: each kind of personal data is anonymised or deleted once its time is up — and not
before —, the figures stay the same, changes of the schedule and each run are recorded; the scheduled run
is the one the worker enqueues."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from privacy_helpers import report_with_evidence, resolve

from toandan.core.models import AuditAction, AuditEvent
from toandan.indicators.models import Partner, PartnerAccess, PartnerToken
from toandan.privacy import retention
from toandan.privacy.models import RetentionRuleChange, RetentionRun, RunTrigger
from toandan.privacy.tasks import apply_retention
from toandan.reports.models import Evidence, Report, ReporterIdentity
from toandan.reports.stats import compute_figures

pytestmark = pytest.mark.django_db


def test_identity_and_evidence_go_after_their_time_figures_stay(
    commune_a_officer: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    old = resolve(report_with_evidence("Người Cũ", "+84905000111"), commune_a_officer, days_ago=6 * 365)
    recent = resolve(report_with_evidence("Người Mới", "+84905000222"), commune_a_officer, days_ago=30)
    handling = report_with_evidence("Người Đang Xử Lý", "+84905000333")
    Report.objects.filter(pk=handling.pk).update(received_at=timezone.now() - timedelta(days=7 * 365))
    old_file = Path(settings.MEDIA_ROOT) / Evidence.objects.get(report=old).file.name
    assert old_file.is_file()
    figures_before = compute_figures(Report.objects.all())

    with django_capture_on_commit_callbacks(execute=True):  # files are removed once the deletion commits
        run = apply_retention.call()  # what the worker runs on the schedule

    assert run >= 2
    assert not ReporterIdentity.objects.filter(report=old).exists()
    assert not Evidence.objects.filter(report=old).exists() and not old_file.exists()
    # Not yet due: resolved 30 days ago; and a report under handling keeps everything however old.
    for kept in (recent, handling):
        assert ReporterIdentity.objects.filter(report=kept).exists()
        assert Evidence.objects.filter(report=kept).exists()
    assert compute_figures(Report.objects.all()) == figures_before
    assert Report.objects.count() == 3 and Report.objects.get(pk=old.pk).anonymous is False

    done = RetentionRun.objects.get()
    assert done.trigger == RunTrigger.SCHEDULED
    assert done.results["reports.reporter_identity"]["count"] == 1
    assert done.results["reports.evidence"]["count"] == 1
    assert AuditEvent.objects.filter(object_type="privacy.retentionrun", object_id=str(done.pk)).exists()
    # A second run finds nothing more.
    assert retention.run().total == 0


def test_audit_and_partner_addresses_are_cleared_but_rows_stay(admin_user: Any) -> None:
    old = AuditEvent.objects.create(
        action=AuditAction.LOGIN, ip="203.0.113.9", actor=admin_user, at=timezone.now() - timedelta(days=400)
    )
    fresh = AuditEvent.objects.create(action=AuditAction.LOGIN, ip="203.0.113.10", actor=admin_user)
    partner = Partner.objects.create(name="Nhà mạng A", kind="telecom")
    token = PartnerToken.objects.create(partner=partner, token_hash="x" * 64)
    access = PartnerAccess.objects.create(partner=partner, token=token, feed="csv", ip="198.51.100.7")
    PartnerAccess.objects.filter(pk=access.pk).update(at=timezone.now() - timedelta(days=91))
    retention.run()
    old_row = AuditEvent.objects.get(pk=old.pk)
    assert old_row.ip is None and old_row.actor_id == admin_user.pk
    assert AuditEvent.objects.get(pk=fresh.pk).ip == "203.0.113.10"
    assert PartnerAccess.objects.get(pk=access.pk).ip is None


def test_an_administrator_changes_a_period_with_a_reason_and_it_applies(
    admin_user: Any, commune_a_officer: Any
) -> None:
    report = resolve(report_with_evidence("Người Hai", "+84905000444"), commune_a_officer, days_ago=100)
    assert retention.run().results["reports.reporter_identity"]["count"] == 0
    with pytest.raises(ValidationError):
        retention.set_period("reports.reporter_identity", 90, actor=admin_user, reason="ngắn")
    with pytest.raises(ValidationError):
        retention.set_period("reports.reporter_identity", 0, actor=admin_user, reason="Quy chế mới của tỉnh")
    with pytest.raises(ValidationError):  # kept with the case file: no automatic end can be set
        retention.set_period("reports.case_content", 30, actor=admin_user, reason="Quy chế mới của tỉnh")
    retention.set_period("reports.reporter_identity", 90, actor=admin_user, reason="Quy chế mới của tỉnh")
    change = RetentionRuleChange.objects.get()
    assert (change.from_days, change.to_days, change.actor) == (5 * 365, 90, admin_user)
    assert AuditEvent.objects.filter(object_type="privacy.retentionrule", actor=admin_user).exists()
    line = next(x for x in retention.schedule() if x.kind.key == "reports.reporter_identity")
    assert line.days == 90 and line.due == 1
    assert retention.run().results["reports.reporter_identity"]["count"] == 1
    assert not ReporterIdentity.objects.filter(report=report).exists()


def test_one_failing_kind_is_recorded_and_the_others_still_run(monkeypatch: Any, admin_user: Any) -> None:
    from toandan.privacy import registry

    def broken(cutoff: Any) -> int:
        raise RuntimeError("disk")

    kinds = registry.kinds()
    first = kinds[0]
    patched = [type(first)(**{**first.__dict__, "expire": broken}), *kinds[1:]]
    monkeypatch.setattr(registry, "kinds", lambda: patched)
    done = retention.run()
    assert done.results[first.key]["error"] == "RuntimeError"
    assert all("count" in r for k, r in done.results.items() if k != first.key)


def test_the_run_is_on_the_worker_schedule_and_events_have_no_second_one() -> None:
    assert settings.PERIODIC_TASKS["toandan.privacy.tasks.apply_retention"] == 24 * 3600
    assert not [p for p in settings.PERIODIC_TASKS if "anonymise" in p]


def test_the_database_allows_only_clearing_an_audit_address(admin_user: Any) -> None:
    from django.db import DatabaseError, connection, transaction

    event = AuditEvent.objects.create(action=AuditAction.LOGIN, actor=admin_user, ip="203.0.113.5")
    refused = [
        ("UPDATE core_auditevent SET ip = NULL, summary = 'x' WHERE id = %s", [event.pk]),
        ("UPDATE core_auditevent SET ip = '198.51.100.1' WHERE id = %s", [event.pk]),
        ("UPDATE core_auditevent SET actor_label = 'khác' WHERE id = %s", [event.pk]),
    ]
    for sql, params in refused:
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, params)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE core_auditevent SET ip = NULL WHERE id = %s", [event.pk])
    row = AuditEvent.objects.get(pk=event.pk)
    assert row.ip is None and row.actor_id == admin_user.pk and row.summary == event.summary
