"""Deadline reminders by e-mail to each unit's staff: tasks and period reports due within a few working days,
and ones that have just become overdue. Each reminder is recorded by key and never sent twice."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from toandan.core.tasks import queue_email
from toandan.core.workdays import add_working_days
from toandan.orgs.models import Unit
from toandan.plans.models import (
    Assignment,
    AssignmentStatus,
    PeriodReport,
    ReminderKind,
    ReminderLog,
    ReportingPeriod,
)
from toandan.plans.reporting import expected_reporters, unit_addresses

DUE_SOON_WORKING_DAYS = 3
# Deadlines that passed longer ago are shown on the dashboard but not e-mailed (an old plan imported today
# must not flood every unit with years-old overdue notices).
OVERDUE_WINDOW_DAYS = 30


@dataclass(frozen=True)
class Reminder:
    key: str
    kind: str
    unit: Unit
    line: str


def _task_line(a: Assignment) -> str:
    return _("Nhiệm vụ %(ref)s (Kế hoạch %(plan)s): %(title)s – hạn %(end)s") % {
        "ref": a.task.ref,
        "plan": a.task.plan.number,
        "title": a.task.title[:120],
        "end": a.task.end.strftime("%d/%m/%Y") if a.task.end else "–",
    }


def _report_line(period: ReportingPeriod) -> str:
    return _("Báo cáo %(period)s (Kế hoạch %(plan)s) – hạn gửi %(due)s") % {
        "period": period.label,
        "plan": period.plan.number,
        "due": period.due_on.strftime("%d/%m/%Y"),
    }


def due_reminders(today: date) -> list[Reminder]:
    """Everything that deserves a reminder today, sent or not."""
    soon = add_working_days(today, DUE_SOON_WORKING_DAYS)
    oldest = today - timedelta(days=OVERDUE_WINDOW_DAYS)
    found: list[Reminder] = []
    open_tasks = (
        Assignment.objects.with_status(today)
        .open()
        .filter(task__end__gte=oldest, task__end__lte=soon)
        .select_related("task__plan", "unit")
    )
    for a in open_tasks:
        overdue = a.status == AssignmentStatus.OVERDUE
        kind = ReminderKind.TASK_OVERDUE if overdue else ReminderKind.TASK_DUE_SOON
        found.append(Reminder(f"{kind}:{a.pk}:{a.task.end}", kind, a.unit, _task_line(a)))
    for period in ReportingPeriod.objects.filter(due_on__gte=oldest, due_on__lte=soon).select_related("plan"):
        sent = set(
            PeriodReport.objects.filter(period=period, submitted_at__isnull=False).values_list(
                "unit_id", flat=True
            )
        )
        overdue = period.due_on < today
        kind = ReminderKind.REPORT_OVERDUE if overdue else ReminderKind.REPORT_DUE_SOON
        for unit in expected_reporters(period.plan).exclude(pk__in=sent):
            found.append(
                Reminder(f"{kind}:{period.pk}:{unit.pk}:{period.due_on}", kind, unit, _report_line(period))
            )
    return found


def _body(items: list[Reminder]) -> str:
    soon = [r.line for r in items if r.kind in (ReminderKind.TASK_DUE_SOON, ReminderKind.REPORT_DUE_SOON)]
    late = [r.line for r in items if r.kind in (ReminderKind.TASK_OVERDUE, ReminderKind.REPORT_OVERDUE)]
    parts = [_("Kính gửi %(unit)s,") % {"unit": items[0].unit.name}]
    if soon:
        parts.append(_("Sắp đến hạn:") + "\n" + "\n".join(f"- {line}" for line in soon))
    if late:
        parts.append(_("Đã quá hạn:") + "\n" + "\n".join(f"- {line}" for line in late))
    parts.append(_("Vui lòng cập nhật tiến độ hoặc gửi báo cáo trên hệ thống Toàn Dân."))
    return "\n\n".join(parts)


def send_reminders(today: date | None = None) -> int:
    """E-mail each unit one message listing its reminders not sent before; returns the e-mails queued."""
    today = today or timezone.localdate()
    done = set(ReminderLog.objects.values_list("key", flat=True))
    by_unit: dict[int, list[Reminder]] = defaultdict(list)
    for reminder in due_reminders(today):
        if reminder.key not in done:
            by_unit[reminder.unit.pk].append(reminder)
    sent = 0
    for items in by_unit.values():
        to = unit_addresses(items[0].unit)
        if not to:
            continue  # nobody to tell yet; tried again tomorrow
        try:
            with transaction.atomic():
                ReminderLog.objects.bulk_create(
                    [ReminderLog(key=r.key, kind=r.kind, unit=r.unit, recipients=len(to)) for r in items]
                )
                queue_email(to, _("Nhắc hạn thực hiện kế hoạch"), _body(items))
        except IntegrityError:
            continue  # another worker sent these first
        sent += 1
    return sent
