"""Budget of a plan: estimates per task, unit and source, spending rows, and the totals reports print."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, Sum
from django.utils.translation import gettext as _

from toandan.core.audit import record
from toandan.core.models import AuditAction
from toandan.evaluation.models import BudgetLine, FundingSource, Spending
from toandan.orgs.models import Unit
from toandan.plans.models import Plan, Task


@transaction.atomic
def set_estimate(
    task: Task, unit: Unit, source: str, estimate: int, *, actor: Any = None, request: Any = None
) -> BudgetLine:
    if source not in FundingSource.values:
        raise ValidationError(_("Nguồn kinh phí không hợp lệ."))
    if estimate < 0:
        raise ValidationError(_("Số tiền không được âm."))
    line, _created = BudgetLine.objects.update_or_create(
        task=task, unit=unit, source=source, defaults={"estimate": estimate}
    )
    record(
        AuditAction.STATE_CHANGED,
        actor=actor,
        request=request,
        target=line,
        unit=unit,
        summary=f"{task.plan.number} {task.ref}: {estimate}",
        source=source,
        estimate=estimate,
    )
    return line


@transaction.atomic
def record_spending(
    line: BudgetLine, *, spent_on: date, amount: int, note: str, actor: Any = None, request: Any = None
) -> Spending:
    if not note.strip():
        raise ValidationError(_("Ghi nội dung chi."))
    if amount == 0:
        raise ValidationError(_("Số tiền phải khác 0."))
    spent = line.spendings.aggregate(s=Sum("amount"))["s"] or 0
    if spent + amount < 0:
        raise ValidationError(_("Điều chỉnh giảm vượt quá số đã chi."))
    row = Spending.objects.create(
        line=line,
        spent_on=spent_on,
        amount=amount,
        note=note.strip()[:300],
        recorded_by=actor if getattr(actor, "pk", None) else None,
    )
    record(
        AuditAction.CREATED,
        actor=actor,
        request=request,
        target=row,
        unit=line.unit,
        summary=f"{line.task.ref}: {amount}",
    )
    return row


@dataclass
class BudgetRow:
    unit: str
    source: str
    estimate: int
    spent: int


@dataclass
class BudgetSummary:
    """Estimates and spending of a plan (spending within [start, end] when given), by unit and source."""

    rows: list[BudgetRow] = field(default_factory=list)
    by_source: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def estimate(self) -> int:
        return sum(r.estimate for r in self.rows)

    @property
    def spent(self) -> int:
        return sum(r.spent for r in self.rows)


def budget_summary(
    plan: Plan, start: date | None = None, end: date | None = None, user: Any = None
) -> BudgetSummary:
    """Two queries whatever the number of lines and spending rows."""
    lines = BudgetLine.objects.filter(task__plan=plan)
    if user is not None:
        lines = lines.visible_to(user)
    window = Q()
    if start is not None:
        window &= Q(spendings__spent_on__gte=start)
    if end is not None:
        window &= Q(spendings__spent_on__lte=end)
    spent = dict(
        lines.values("pk").annotate(s=Sum("spendings__amount", filter=window)).values_list("pk", "s")
    )
    grouped: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for pk, unit_name, source, estimate in lines.values_list("pk", "unit__name", "source", "estimate"):
        cell = grouped[(unit_name, source)]
        cell[0] += estimate
        cell[1] += spent.get(pk) or 0
    summary = BudgetSummary()
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for (unit_name, source), (estimate, spent_total) in sorted(grouped.items()):
        label = str(FundingSource(source).label)
        summary.rows.append(BudgetRow(unit_name, label, estimate, spent_total))
        totals[label][0] += estimate
        totals[label][1] += spent_total
    summary.by_source = {k: (v[0], v[1]) for k, v in totals.items()}
    return summary
