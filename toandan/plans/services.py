"""Saving plans: a reviewed import becomes a plan with its tasks, assignments, indicators and reporting
regime in one transaction; the demo seed goes through the same path."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from toandan.core.audit import record, record_change
from toandan.core.models import AuditAction
from toandan.core.workdays import extra_days_off
from toandan.plans.importer import import_document
from toandan.plans.models import (
    Assignment,
    AssignmentRole,
    Indicator,
    Plan,
    ReportingPeriod,
    ReportingRule,
    Task,
)
from toandan.plans.periods import Frequency, windows_overlapping
from toandan.plans.review import PlanReview, TaskReview, pending_import, review_from_pending

SEED_PATH = Path(__file__).resolve().parent / "data" / "ke-hoach-249-KH-BCD138.txt"


class DuplicatePlan(ValidationError):
    """A plan with the same number and date is already stored."""

    def __init__(self, plan: Plan) -> None:
        day = plan.issued_on.strftime("%d/%m/%Y") if plan.issued_on else "–"
        super().__init__(
            _("Kế hoạch số %(number)s ngày %(date)s đã được nhập trước đây; không nhập lại.")
            % {"number": plan.number, "date": day}
        )
        self.plan = plan


def find_duplicate(number: str, issued_on: date | None) -> Plan | None:
    return Plan.objects.filter(number=number.strip(), issued_on=issued_on).first()


def _validate(review: PlanReview) -> None:
    errors = []
    if not review.number.strip():
        errors.append(_("Nhập số, ký hiệu của kế hoạch."))
    if review.issued_on is None:
        errors.append(_("Nhập ngày ban hành của kế hoạch."))
    if not review.title.strip():
        errors.append(_("Nhập trích yếu của kế hoạch."))
    if not review.tasks:
        errors.append(_("Kế hoạch phải có ít nhất một nhiệm vụ."))
    bad = [t.ref for t in review.tasks if t.start and t.end and t.end < t.start]
    if bad:
        errors.append(_("Ngày kết thúc trước ngày bắt đầu ở nhiệm vụ %(refs)s.") % {"refs": ", ".join(bad)})
    if errors:
        raise ValidationError(errors)


def add_tasks(plan: Plan, tasks: list[TaskReview]) -> int:
    """Store tasks and their assignments; a unit both leading and supporting a task is recorded as lead."""
    rows = Task.objects.bulk_create(
        [
            Task(
                plan=plan,
                order=order,
                ref=t.ref[:30],
                section=t.section[:20],
                title=t.title,
                body=t.body,
                start=t.start,
                end=t.end,
                recurring=t.recurring,
                time_text=t.time_text[:300],
                flagged=t.flagged,
                lead_text="\n".join(r.name for r in t.lead),
                support_text="\n".join(r.name for r in t.support),
            )
            for order, t in enumerate(tasks, start=1)
        ]
    )
    assignments: list[Assignment] = []
    for task, reviewed in zip(rows, tasks, strict=True):
        chosen: dict[int, Assignment] = {}
        for role, refs in ((AssignmentRole.LEAD, reviewed.lead), (AssignmentRole.SUPPORT, reviewed.support)):
            for ref in refs:
                for unit_id in ref.unit_ids:
                    chosen.setdefault(
                        unit_id, Assignment(task=task, unit_id=unit_id, role=role, as_written=ref.name[:300])
                    )
        assignments.extend(chosen.values())
    Assignment.objects.bulk_create(assignments)
    return len(assignments)


def plan_span(plan: Plan) -> tuple[date, date]:
    """The days the plan's work runs: from its date (or first task) to its last task's end (or year end)."""
    starts = [d for d in plan.tasks.values_list("start", flat=True) if d]
    ends = [d for d in plan.tasks.values_list("end", flat=True) if d]
    first = plan.issued_on or (min(starts) if starts else timezone.localdate())
    last = max([*ends, first]) if ends else date(first.year, 12, 31)
    return first, last


def ensure_periods(plan: Plan) -> int:
    """Create the periods each reporting rule needs over the plan's span and keep their due dates current."""
    start, end = plan_span(plan)
    days_off = extra_days_off()
    created = 0
    for rule in plan.reporting_rules.all():
        for w in windows_overlapping(rule.frequency, start, end):
            due = w.due_on(rule.due_working_days, days_off)
            period, made = ReportingPeriod.objects.get_or_create(
                plan=plan,
                frequency=w.frequency,
                year=w.year,
                index=w.index,
                defaults={"starts_on": w.starts_on, "ends_on": w.ends_on, "due_on": due},
            )
            created += made
            if not made and period.due_on != due:
                period.due_on = due
                period.save(update_fields=["due_on"])
    return created


@transaction.atomic
def set_reporting_rules(
    plan: Plan, frequencies: list[str], due_working_days: int, *, actor: Any = None, request: Any = None
) -> None:
    """Replace the plan's reporting regime; periods already reported on are kept."""
    if any(f not in Frequency.values for f in frequencies):
        raise ValidationError(_("Kỳ báo cáo không hợp lệ."))
    if not 1 <= due_working_days <= 30:
        raise ValidationError(_("Hạn gửi phải từ 1 đến 30 ngày làm việc sau ngày chốt số liệu."))
    plan.reporting_rules.exclude(frequency__in=frequencies).delete()
    plan.periods.exclude(frequency__in=frequencies).filter(reports__isnull=True).delete()
    for frequency in frequencies:
        ReportingRule.objects.update_or_create(
            plan=plan, frequency=frequency, defaults={"due_working_days": due_working_days}
        )
    ensure_periods(plan)
    record_change(
        plan,
        f"{plan.number}: " + _("chế độ báo cáo"),
        actor=actor,
        request=request,
        unit=plan.issuer,
        frequencies=list(frequencies),
        due_working_days=due_working_days,
    )


def _fill(plan: Plan, review: PlanReview) -> int:
    Indicator.objects.bulk_create(
        [
            Indicator(plan=plan, name=name[:150], unit_label=unit[:40], order=order)
            for order, (name, unit) in enumerate(review.indicators, start=1)
        ]
    )
    count = add_tasks(plan, review.tasks)
    plan.expected_implementers.set(review.implementer_ids)
    ReportingRule.objects.bulk_create(
        [
            ReportingRule(plan=plan, frequency=f, due_working_days=review.due_working_days)
            for f in dict.fromkeys(review.frequencies)
        ]
    )
    ensure_periods(plan)
    return count


@transaction.atomic
def create_plan(review: PlanReview, *, actor: Any = None, request: Any = None) -> Plan:
    """Save a reviewed plan; a plan with the same number and date is refused (DuplicatePlan)."""
    _validate(review)
    duplicate = find_duplicate(review.number, review.issued_on)
    if duplicate is not None:
        raise DuplicatePlan(duplicate)
    plan = Plan(
        number=review.number.strip(),
        issued_on=review.issued_on,
        title=review.title.strip(),
        issuer_id=review.issuer_id,
        issuer_name=review.issuer_name[:200],
        issuer_lines="\n".join(review.issuer_lines),
        place=review.place[:100],
        implements_id=review.implements_id,
        implements_text=review.implements_text[:300],
        signer=review.signer[:200],
        signer_position=review.signer_position[:200],
        recipients="\n".join(review.recipients),
        source_text=review.source_text,
        created_by=actor if actor is not None and getattr(actor, "pk", None) else None,
    )
    try:
        with transaction.atomic():
            plan.save()
    except IntegrityError as exc:  # a concurrent import of the same plan won the race
        raise DuplicatePlan(find_duplicate(review.number, review.issued_on) or plan) from exc
    count = _fill(plan, review)
    record(
        AuditAction.CREATED,
        actor=actor,
        request=request,
        target=plan,
        unit=plan.issuer,
        summary=f"{plan.number}: {plan.title}",
        tasks=len(review.tasks),
        assignments=count,
    )
    return plan


@transaction.atomic
def load_seed_plan() -> tuple[Plan, bool]:
    """Import Plan 249/KH-BCĐ138 (the demo's seed plan) with its tasks and assignments, once."""
    data = SEED_PATH.read_bytes()
    draft = import_document(data, SEED_PATH.name)
    review = review_from_pending(pending_import(draft, data.decode("utf-8"), SEED_PATH.name))
    existing = find_duplicate(review.number, review.issued_on)
    if existing is None:
        return create_plan(review), True
    if not existing.tasks.exists():
        # A database loaded by an earlier version holds only the header: complete it.
        _fill(existing, review)
    return existing, False
