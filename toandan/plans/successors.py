"""Plans written before July 2025 assign work to districts that no longer exist: carry each such assignment
over to the communes that replaced the district (orgs' table of successors), in one transaction with an
audit row. The demo runs it on the seed plan; an administrator may run it on any imported older plan."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from toandan.core.audit import record_change
from toandan.orgs.former_districts import successor_communes
from toandan.orgs.models import UnitKind
from toandan.plans.models import Assignment, Plan


@transaction.atomic
def carry_over_former_districts(plan: Plan, *, actor: Any = None, request: Any = None) -> int:
    """Replace assignments and expected implementers that are former districts by their successor communes;
    an assignment that already has progress updates is kept as history. Returns the assignments added."""
    added = 0
    stale = Assignment.objects.filter(task__plan=plan, unit__kind=UnitKind.DISTRICT).select_related("unit")
    for assignment in stale:
        communes = successor_communes(assignment.unit)
        if not communes:
            continue
        taken = set(assignment.task.assignments.values_list("unit_id", flat=True))
        new = [
            Assignment(task=assignment.task, unit=c, role=assignment.role, as_written=assignment.as_written)
            for c in communes
            if c.pk not in taken
        ]
        Assignment.objects.bulk_create(new)
        added += len(new)
        if not assignment.updates.exists():
            assignment.delete()
    for district in plan.expected_implementers.filter(kind=UnitKind.DISTRICT):
        communes = successor_communes(district)
        if communes:
            plan.expected_implementers.remove(district)
            plan.expected_implementers.add(*communes)
    if added:
        record_change(
            plan,
            _("%(number)s: việc của các huyện cũ chuyển cho các xã, phường thay thế")
            % {"number": plan.number},
            actor=actor,
            request=request,
            unit=plan.issuer,
            assignments_added=added,
        )
    return added
