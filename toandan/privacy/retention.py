"""The retention schedule (days per kind of personal data, set by an administrator) and its enforcement:
a run anonymises or deletes what is due through each kind's own `expire` and is recorded with what it did."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from toandan.core.audit import record, record_change
from toandan.core.models import AuditAction
from toandan.core.personal_data import PersonalDataKind
from toandan.privacy import registry
from toandan.privacy.models import RetentionRule, RetentionRuleChange, RetentionRun, RunTrigger

logger = logging.getLogger("toandan.privacy")
MAX_DAYS = 100 * 365


@dataclass(frozen=True)
class ScheduleLine:
    kind: PersonalDataKind
    days: int | None
    changed: RetentionRule | None
    due: int | None  # records the next run would change (None: the kind has no automatic end)

    @property
    def editable(self) -> bool:
        """Whether a period can be set (the kind knows how to expire); templates cannot test a callable."""
        return self.kind.expire is not None


def periods() -> dict[str, int | None]:
    """Days per kind: the administrator's value, else the declared default."""
    stored = {r.kind: r.days for r in RetentionRule.objects.all()}
    return {k.key: stored.get(k.key, k.default_days) for k in registry.kinds()}


def schedule(now: datetime | None = None, *, with_due: bool = True) -> list[ScheduleLine]:
    now = now or timezone.now()
    rules = {r.kind: r for r in RetentionRule.objects.select_related("changed_by")}
    lines = []
    for kind in registry.kinds():
        rule = rules.get(kind.key)
        days = rule.days if rule is not None else kind.default_days
        due = None
        if with_due and days is not None and kind.due is not None:
            due = kind.due(now - timedelta(days=days))
        lines.append(ScheduleLine(kind, days, rule, due))
    return lines


@transaction.atomic
def set_period(key: str, days: int | None, *, actor: Any, reason: str, request: Any = None) -> RetentionRule:
    """Change how long one kind is kept; a history row and an audit row say who, from what, to what, why."""
    kind = registry.kind(key)
    if kind.expire is None and days is not None:
        raise ValidationError(_("Loại dữ liệu này được lưu cùng hồ sơ, không có thời hạn tự động."))
    if kind.expire is not None and (days is None or not 1 <= days <= MAX_DAYS):
        raise ValidationError(_("Số ngày lưu giữ phải từ 1 đến %(max)s.") % {"max": MAX_DAYS})
    if len(reason.strip()) < 10:
        raise ValidationError(_("Hãy nêu lý do thay đổi (ít nhất 10 ký tự)."))
    rule = RetentionRule.objects.select_for_update().filter(kind=key).first()
    before = rule.days if rule is not None else kind.default_days
    rule = rule or RetentionRule(kind=key)
    rule.days, rule.changed_at, rule.changed_by = days, timezone.now(), actor
    rule.save()
    RetentionRuleChange.objects.create(
        kind=key, actor=actor, from_days=before, to_days=days, reason=reason.strip()
    )
    record_change(
        rule, f"retention {key}: {before} -> {days}", actor=actor, request=request, reason=reason.strip()
    )
    return rule


def run(
    *, trigger: str = RunTrigger.SCHEDULED, actor: Any = None, now: datetime | None = None
) -> RetentionRun:
    """Apply the schedule once. Each kind in its own transaction: one failing kind is recorded and the
    others still run."""
    now = now or timezone.now()
    days_by_kind = periods()
    results: dict[str, dict[str, Any]] = {}
    for kind in registry.kinds():
        days = days_by_kind[kind.key]
        if kind.expire is None or days is None:
            continue
        cutoff = now - timedelta(days=days)
        try:
            with transaction.atomic():
                count = kind.expire(cutoff)
            results[kind.key] = {"days": days, "cutoff": cutoff.isoformat(), "count": count}
        except Exception as exc:  # noqa: BLE001 - recorded in the run; the other kinds still run
            logger.exception("retention of %s failed", kind.key)
            results[kind.key] = {"days": days, "cutoff": cutoff.isoformat(), "error": type(exc).__name__}
    total = sum(r.get("count", 0) for r in results.values())
    retention_run = RetentionRun.objects.create(
        started_at=now, finished_at=timezone.now(), trigger=trigger, actor=actor, results=results, total=total
    )
    record(
        AuditAction.STATE_CHANGED,
        actor=actor,
        target=retention_run,
        summary=f"retention run: {total} record(s)",
        results=results,
    )
    return retention_run
