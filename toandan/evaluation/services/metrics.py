"""Defining evaluation indicators and their targets."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from toandan.core.audit import record
from toandan.core.models import AuditAction
from toandan.evaluation import registry
from toandan.evaluation.models import Metric, MetricSource, Target
from toandan.orgs.models import Unit
from toandan.plans.models import Indicator, Plan, ReportingPeriod


@transaction.atomic
def define_metric(
    plan: Plan,
    *,
    name: str,
    source: str,
    unit_label: str = "",
    computed_key: str = "",
    plan_indicator: Indicator | None = None,
    deadline: Any = None,
    actor: Any = None,
    request: Any = None,
) -> Metric:
    name = name.strip()
    if not name:
        raise ValidationError(_("Nhập tên chỉ tiêu."))
    if source == MetricSource.COMPUTED:
        spec = registry.get(computed_key)
        if spec is None:
            raise ValidationError(_("Chọn cách tính của chỉ tiêu."))
        plan_indicator = None
        unit_label = unit_label or str(spec.unit_label)
    elif source == MetricSource.ENTERED:
        if plan_indicator is None or plan_indicator.plan_id != plan.pk:
            raise ValidationError(_("Chọn chỉ tiêu của kế hoạch mà các đơn vị nhập trong báo cáo định kỳ."))
        computed_key = ""
        unit_label = unit_label or plan_indicator.unit_label
    else:
        raise ValidationError(_("Nguồn số liệu không hợp lệ."))
    if Metric.objects.filter(plan=plan, name=name).exists():
        raise ValidationError(_("Kế hoạch đã có chỉ tiêu “%(name)s”.") % {"name": name})
    metric = Metric.objects.create(
        plan=plan,
        name=name[:200],
        unit_label=unit_label[:40],
        source=source,
        computed_key=computed_key,
        plan_indicator=plan_indicator,
        deadline=deadline,
        order=Metric.objects.filter(plan=plan).count() + 1,
    )
    record(
        AuditAction.CREATED,
        actor=actor,
        request=request,
        target=metric,
        unit=plan.issuer,
        summary=f"{plan.number}: {metric.name}",
        source=source,
        computed_key=computed_key,
    )
    return metric


@transaction.atomic
def set_target(
    metric: Metric,
    period: ReportingPeriod,
    value: Decimal | int,
    *,
    unit: Unit | None = None,
    actor: Any = None,
    request: Any = None,
) -> Target:
    if period.plan_id != metric.plan_id:
        raise ValidationError(_("Kỳ báo cáo không thuộc kế hoạch của chỉ tiêu."))
    if Decimal(value) < 0:
        raise ValidationError(_("Chỉ tiêu không được là số âm."))
    target, _created = Target.objects.update_or_create(
        metric=metric, period=period, unit=unit, defaults={"value": Decimal(value)}
    )
    record(
        AuditAction.STATE_CHANGED,
        actor=actor,
        request=request,
        target=target,
        unit=unit,
        summary=f"{metric.name} – {period.label}: {value}",
        value=str(value),
    )
    return target
