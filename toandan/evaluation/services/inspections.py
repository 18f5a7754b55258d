"""Inspections: checklist templates, opening an inspection, scoring it, follow-up actions that become plan
tasks (through the plans service), and the conclusion. Each is one transaction with an audit row."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from toandan.core.audit import record
from toandan.core.models import AuditAction
from toandan.evaluation.models import (
    ChecklistItem,
    ChecklistTemplate,
    FollowUp,
    Inspection,
    InspectionEvent,
    InspectionScore,
    InspectionStatus,
)
from toandan.orgs.models import Unit
from toandan.plans.models import Plan
from toandan.plans.task_additions import add_task


def _audit(action: str, target: Any, unit: Any, summary: str, actor: Any, request: Any, **data: Any) -> None:
    record(action, actor=actor, request=request, target=target, unit=unit, summary=summary[:300], **data)


@transaction.atomic
def create_template(
    plan: Plan, name: str, items: list[tuple[str, int]], *, actor: Any = None, request: Any = None
) -> ChecklistTemplate:
    if not name.strip():
        raise ValidationError(_("Nhập tên mẫu danh mục kiểm tra."))
    if not items:
        raise ValidationError(_("Danh mục kiểm tra phải có ít nhất một nội dung."))
    if any(not 1 <= top <= 100 for _text, top in items):
        raise ValidationError(_("Điểm tối đa của mỗi nội dung phải từ 1 đến 100."))
    template = ChecklistTemplate.objects.create(plan=plan, name=name.strip()[:200])
    ChecklistItem.objects.bulk_create(
        [
            ChecklistItem(template=template, order=i, text=text[:300], max_score=top)
            for i, (text, top) in enumerate(items, start=1)
        ]
    )
    _audit(AuditAction.CREATED, template, plan.issuer, f"{plan.number}: {template.name}", actor, request)
    return template


@transaction.atomic
def open_inspection(
    template: ChecklistTemplate,
    unit: Unit,
    *,
    inspected_on: date,
    team: str,
    place: str = "",
    actor: Any = None,
    request: Any = None,
) -> Inspection:
    if not team.strip():
        raise ValidationError(_("Ghi thành phần đoàn kiểm tra."))
    inspection = Inspection.objects.create(
        template=template,
        unit=unit,
        inspected_on=inspected_on,
        place=place[:200],
        team=team.strip(),
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    InspectionEvent.objects.create(
        inspection=inspection, actor=inspection.created_by, to_status=InspectionStatus.DRAFT
    )
    _audit(AuditAction.CREATED, inspection, unit, f"{template.name}: {unit.name}", actor, request)
    return inspection


def _open(inspection: Inspection) -> None:
    if inspection.status != InspectionStatus.DRAFT:
        raise ValidationError(_("Cuộc kiểm tra đã kết luận; không sửa được nữa."))


@transaction.atomic
def record_scores(
    inspection: Inspection,
    scores: dict[int, tuple[int, str]],
    *,
    findings: str,
    conclusion: str,
    actor: Any = None,
    request: Any = None,
) -> Inspection:
    """Replace the scores (item id → score, note) and the findings and conclusion of a draft inspection."""
    _open(inspection)
    items = {i.pk: i for i in inspection.template.items.all()}
    for item_id, (score, _note) in scores.items():
        item = items.get(item_id)
        if item is None:
            raise ValidationError(_("Nội dung kiểm tra không thuộc danh mục này."))
        if not 0 <= score <= item.max_score:
            raise ValidationError(
                _("Điểm của “%(item)s” phải từ 0 đến %(max)s.") % {"item": item.text, "max": item.max_score}
            )
    inspection.scores.all().delete()
    InspectionScore.objects.bulk_create(
        [
            InspectionScore(inspection=inspection, item_id=k, score=s, note=n[:500])
            for k, (s, n) in scores.items()
        ]
    )
    inspection.findings, inspection.conclusion = findings.strip(), conclusion.strip()
    inspection.save(update_fields=["findings", "conclusion"])
    total = sum(s for s, _n in scores.values())
    _audit(AuditAction.STATE_CHANGED, inspection, inspection.unit, f"{inspection}: {total}", actor, request)
    return inspection


@transaction.atomic
def add_follow_up(
    inspection: Inspection,
    *,
    action: str,
    owner: Unit,
    due_on: date,
    actor: Any = None,
    request: Any = None,
) -> FollowUp:
    """A follow-up action, tracked as a task of the plan led by its owner."""
    if not action.strip():
        raise ValidationError(_("Nhập việc phải làm."))
    plan = inspection.template.plan
    number = inspection.follow_ups.count() + 1
    task = add_task(
        plan,
        ref=f"KT{inspection.pk}.{number}",
        section=_("Sau kiểm tra"),
        title=action.strip(),
        body=_("Theo kết quả kiểm tra %(unit)s ngày %(date)s.")
        % {"unit": inspection.unit.name, "date": inspection.inspected_on.strftime("%d/%m/%Y")},
        lead=owner,
        end=due_on,
        actor=actor,
        request=request,
    )
    follow_up = FollowUp.objects.create(
        inspection=inspection, action=action.strip()[:500], owner=owner, due_on=due_on, task=task
    )
    _audit(AuditAction.CREATED, follow_up, owner, f"{inspection}: {follow_up.action}", actor, request)
    return follow_up


@transaction.atomic
def conclude(inspection: Inspection, *, actor: Any = None, request: Any = None) -> Inspection:
    _open(inspection)
    if not inspection.conclusion:
        raise ValidationError(_("Ghi kết luận trước khi kết thúc cuộc kiểm tra."))
    inspection.status = InspectionStatus.CONCLUDED
    inspection.save(update_fields=["status"])
    InspectionEvent.objects.create(
        inspection=inspection,
        actor=actor if getattr(actor, "pk", None) else None,
        from_status=InspectionStatus.DRAFT,
        to_status=InspectionStatus.CONCLUDED,
    )
    _audit(AuditAction.STATE_CHANGED, inspection, inspection.unit, f"{inspection}: kết luận", actor, request)
    return inspection
