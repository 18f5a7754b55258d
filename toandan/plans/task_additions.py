"""Adding one task to a stored plan (for example a follow-up an inspection requires), with its lead unit:
one transaction and an audit row; the task then shows on the plan dashboard like any other."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from toandan.core.audit import record
from toandan.core.models import AuditAction
from toandan.orgs.models import Unit
from toandan.plans.models import Assignment, AssignmentRole, Plan, Task


@transaction.atomic
def add_task(
    plan: Plan,
    *,
    ref: str,
    title: str,
    lead: Unit,
    end: date,
    body: str = "",
    section: str = "",
    actor: Any = None,
    request: Any = None,
) -> Task:
    if not title.strip():
        raise ValidationError(_("Nhập nội dung nhiệm vụ."))
    if not lead.is_active:
        raise ValidationError(_("Đơn vị này không còn hoạt động."))
    today = timezone.localdate()
    if end < today:
        raise ValidationError(_("Hạn hoàn thành không được trước hôm nay."))
    order = (plan.tasks.aggregate(m=Max("order"))["m"] or 0) + 1
    task = Task.objects.create(
        plan=plan,
        order=order,
        ref=ref[:30],
        section=section[:20],
        title=title.strip(),
        body=body,
        start=today,
        end=end,
        time_text=_("Trước ngày %(date)s") % {"date": end.strftime("%d/%m/%Y")},
        lead_text=lead.name,
    )
    Assignment.objects.create(task=task, unit=lead, role=AssignmentRole.LEAD, as_written=lead.name[:300])
    record(
        AuditAction.CREATED,
        actor=actor,
        request=request,
        target=task,
        unit=lead,
        summary=f"{plan.number} {task.ref}: {task.title}"[:300],
    )
    return task
