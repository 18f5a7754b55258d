"""The model practices register: registering a practice, recognising it, replications, commendations."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from toandan.core.audit import record
from toandan.core.models import AuditAction
from toandan.evaluation.models import (
    Commendation,
    CommendationStatus,
    Practice,
    PracticeStatus,
    Replication,
)
from toandan.orgs.models import Unit, UnitKind
from toandan.plans.models import Plan


@transaction.atomic
def register_practice(
    *,
    plan: Plan | None,
    name: str,
    unit: Unit,
    commune: Unit | None,
    description: str,
    evidence: str = "",
    results: str = "",
    started_on: date | None = None,
    actor: Any = None,
    request: Any = None,
) -> Practice:
    if not name.strip() or not description.strip():
        raise ValidationError(_("Nhập tên và cách làm của mô hình."))
    if commune is not None and commune.kind != UnitKind.COMMUNE:
        raise ValidationError(_("Chọn một xã, phường, đặc khu."))
    practice = Practice.objects.create(
        plan=plan,
        name=name.strip()[:200],
        unit=unit,
        commune=commune,
        description=description.strip(),
        evidence=evidence.strip(),
        results=results.strip(),
        started_on=started_on,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    record(
        AuditAction.CREATED, actor=actor, request=request, target=practice, unit=unit, summary=practice.name
    )
    return practice


@transaction.atomic
def recognise(practice: Practice, *, actor: Any = None, request: Any = None) -> Practice:
    if practice.status == PracticeStatus.RECOGNISED:
        raise ValidationError(_("Mô hình đã được công nhận."))
    practice.status = PracticeStatus.RECOGNISED
    practice.save(update_fields=["status"])
    record(
        AuditAction.STATE_CHANGED,
        actor=actor,
        request=request,
        target=practice,
        unit=practice.unit,
        summary=f"{practice.name}: {PracticeStatus.RECOGNISED.label}",
    )
    return practice


@transaction.atomic
def add_replication(
    practice: Practice,
    unit: Unit,
    *,
    started_on: date,
    note: str = "",
    actor: Any = None,
    request: Any = None,
) -> Replication:
    if unit.pk in (practice.unit_id, practice.commune_id):
        raise ValidationError(_("Đơn vị này là nơi xây dựng mô hình, không phải nơi nhân rộng."))
    if practice.replications.filter(unit=unit).exists():
        raise ValidationError(_("Đơn vị này đã được ghi nhận nhân rộng mô hình."))
    replication = Replication.objects.create(
        practice=practice, unit=unit, started_on=started_on, note=note[:300]
    )
    record(
        AuditAction.CREATED,
        actor=actor,
        request=request,
        target=replication,
        unit=unit,
        summary=f"{practice.name} → {unit.name}",
    )
    return replication


@transaction.atomic
def propose_commendation(
    practice: Practice, *, nominee: str, form: str, actor: Any = None, request: Any = None
) -> Commendation:
    if not nominee.strip() or not form.strip():
        raise ValidationError(_("Ghi tập thể, cá nhân được đề nghị và hình thức khen thưởng."))
    commendation = Commendation.objects.create(
        practice=practice, nominee=nominee.strip()[:300], form=form.strip()[:200]
    )
    record(
        AuditAction.CREATED,
        actor=actor,
        request=request,
        target=commendation,
        unit=practice.unit,
        summary=f"{practice.name}: {commendation.nominee}",
    )
    return commendation


@transaction.atomic
def decide_commendation(
    commendation: Commendation, status: str, *, actor: Any = None, request: Any = None
) -> Commendation:
    if status not in (CommendationStatus.APPROVED, CommendationStatus.DECLINED):
        raise ValidationError(_("Quyết định không hợp lệ."))
    if commendation.status != CommendationStatus.PROPOSED:
        raise ValidationError(_("Đề nghị này đã có quyết định."))
    old = commendation.status
    commendation.status = status
    commendation.save(update_fields=["status"])
    record(
        AuditAction.STATE_CHANGED,
        actor=actor,
        request=request,
        target=commendation,
        unit=commendation.practice.unit,
        summary=f"{commendation.nominee}: {old} → {status}",
    )
    return commendation
