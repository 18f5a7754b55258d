"""Period reports: who owes one, numbers prefilled from progress updates, submitting and returning."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from toandan.core.audit import record, record_change
from toandan.core.models import AuditAction
from toandan.core.tasks import queue_email
from toandan.orgs.models import Unit
from toandan.plans.models import (
    PeriodReport,
    PeriodReportEvent,
    PeriodReportStatus,
    PeriodReportValue,
    Plan,
    ProgressValue,
    ReportingPeriod,
)


def window_bounds(period: ReportingPeriod | Any) -> tuple[datetime, datetime]:
    """The cut-off window as aware datetimes: [first day 00:00, day after the last 00:00)."""
    zone = timezone.get_current_timezone()
    start = datetime.combine(period.starts_on, time.min, tzinfo=zone)
    end = datetime.combine(period.ends_on + timedelta(days=1), time.min, tzinfo=zone)
    return start, end


def expected_reporters(plan: Plan) -> QuerySet[Unit]:
    """Units that report on the plan: every unit assigned to one of its tasks."""
    return Unit.objects.filter(plan_assignments__task__plan=plan).distinct().order_by("name")


def progress_totals(period: ReportingPeriod, unit: Unit) -> dict[int, int]:
    """What the unit's progress updates reported within the period's window, per indicator."""
    start, end = window_bounds(period)
    rows = (
        ProgressValue.objects.filter(
            update__assignment__unit=unit,
            update__assignment__task__plan_id=period.plan_id,
            update__at__gte=start,
            update__at__lt=end,
        )
        .values("indicator_id")
        .annotate(total=Sum("value"))
    )
    return {row["indicator_id"]: row["total"] for row in rows}


def _event(
    report: PeriodReport, actor: Any, old: str, new: str, note: str = "", at: datetime | None = None
) -> None:
    PeriodReportEvent.objects.create(
        report=report,
        at=at or timezone.now(),
        actor=actor if getattr(actor, "pk", None) else None,
        from_status=old,
        to_status=new,
        note=note,
    )


@transaction.atomic
def save_period_report(
    period: ReportingPeriod,
    unit: Unit,
    *,
    actor: Any,
    narrative: str,
    values: dict[int, int],
    submit: bool,
    request: Any = None,
    at: datetime | None = None,
) -> PeriodReport:
    """Save a unit's report as a draft or send it; a sent report changes only after being returned. `at`
    dates a report entered afterwards from paper (and the demo's history); default now."""
    if not expected_reporters(period.plan).filter(pk=unit.pk).exists():
        raise ValidationError(_("Đơn vị này không được giao nhiệm vụ trong kế hoạch."))
    allowed = set(period.plan.indicators.values_list("pk", flat=True))
    if set(values) - allowed:
        raise ValidationError(_("Chỉ tiêu không thuộc kế hoạch này."))
    if any(v is None or v < 0 for v in values.values()):
        raise ValidationError(_("Số liệu không được âm."))
    if submit and not narrative.strip():
        raise ValidationError(_("Nhập nội dung báo cáo trước khi gửi."))
    report, created = PeriodReport.objects.select_for_update().get_or_create(period=period, unit=unit)
    if report.status == PeriodReportStatus.SUBMITTED:
        raise ValidationError(_("Báo cáo đã gửi; chỉ sửa được khi cơ quan thường trực trả lại."))
    old = "" if created else report.status
    now = at or timezone.now()
    report.narrative = narrative.strip()
    report.updated_at = now
    fields = ["narrative", "updated_at"]
    if submit:
        report.status = PeriodReportStatus.SUBMITTED
        report.submitted_at = report.submitted_at or now
        fields += ["status", "submitted_at"]
    report.save(update_fields=fields)
    for indicator_id, value in values.items():
        PeriodReportValue.objects.update_or_create(
            report=report, indicator_id=indicator_id, defaults={"value": value}
        )
    if created or report.status != old:
        _event(report, actor, old, report.status, at=at)
        record(
            AuditAction.STATE_CHANGED if not created else AuditAction.CREATED,
            actor=actor,
            request=request,
            target=report,
            unit=unit,
            summary=f"{period.plan.number} {period.label} – {unit.name}: {old or '∅'} → {report.status}",
            late=report.is_late() if submit else None,
        )
    return report


@transaction.atomic
def return_period_report(report: PeriodReport, *, actor: Any, note: str, request: Any = None) -> PeriodReport:
    """The standing agency sends a report back for completion; the unit's members are told by e-mail."""
    if report.status != PeriodReportStatus.SUBMITTED:
        raise ValidationError(_("Chỉ trả lại được báo cáo đã gửi."))
    if not note.strip():
        raise ValidationError(_("Ghi rõ nội dung cần bổ sung."))
    report.status = PeriodReportStatus.RETURNED
    report.updated_at = timezone.now()
    report.save(update_fields=["status", "updated_at"])
    _event(report, actor, PeriodReportStatus.SUBMITTED, PeriodReportStatus.RETURNED, note.strip())
    record_change(
        report,
        f"{report.period.plan.number} {report.period.label} – {report.unit.name}: returned",
        actor=actor,
        request=request,
        unit=report.unit,
    )
    to = unit_addresses(report.unit)
    if to:
        queue_email(
            to,
            _("Báo cáo %(period)s bị trả lại") % {"period": report.period.label},
            _("Báo cáo %(period)s của %(unit)s theo Kế hoạch %(number)s cần bổ sung:\n\n%(note)s")
            % {
                "period": report.period.label,
                "unit": report.unit.name,
                "number": report.period.plan.number,
                "note": note.strip(),
            },
        )
    return report


def unit_addresses(unit: Unit) -> list[str]:
    """E-mail addresses of the active staff holding a role in the unit itself."""
    from toandan.accounts.models import User

    rows = User.objects.filter(memberships__unit=unit, is_active=True).exclude(email="")
    return sorted(set(rows.values_list("email", flat=True)))
