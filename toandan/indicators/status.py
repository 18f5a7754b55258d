"""What officers decide about an indicator: confirm it as a scam with a case as evidence, or clear it.

Each decision is one transaction that locks the indicator's row, changes its status with `update_fields`,
adds a history row and writes an audit row. Report intake never waits on these locks: it takes none.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from toandan.core.audit import record_change
from toandan.identifiers.normalize import detect
from toandan.indicators import allowlist
from toandan.indicators.lookup import keys_for
from toandan.indicators.models import (
    ClearReason,
    EventKind,
    IndicatorEvent,
    IndicatorRecord,
    IndicatorStatus,
    ReportIndicator,
    report_model,
)
from toandan.orgs.models import Role

# Steering committee members oversee figures; they do not decide about cases, so not about indicators either.
DECIDING_ROLES = (Role.UNIT_OFFICER, Role.UNIT_LEADER, Role.STANDING_OFFICER, Role.ADMIN)
PROVINCE_DECIDERS = (Role.STANDING_OFFICER, Role.ADMIN)


def visible_reports(user: Any, record: IndicatorRecord) -> Any:
    """The reports naming this indicator that the user may see."""
    return report_model().objects.visible_to(user).filter(indicator_links__indicator=record)


def is_province_decider(user: Any) -> bool:
    return bool(
        user.is_authenticated
        and (user.is_superuser or user.memberships.filter(role__in=PROVINCE_DECIDERS).exists())
    )


def can_decide(user: Any, record: IndicatorRecord) -> bool:
    """Standing agency and administrators decide about any indicator; other officers about those in their
    cases."""
    if not user.is_authenticated:
        return False
    if is_province_decider(user):
        return True
    if not user.memberships.filter(role__in=DECIDING_ROLES).exists():
        return False
    return visible_reports(user, record).exists()


def is_listed(record: IndicatorRecord) -> bool:
    """Whether the public check still warns about it: not cleared, or reported again since the clearance."""
    if record.status != IndicatorStatus.CLEARED:
        return True
    return record.report_links.filter(linked_at__gt=record.status_changed_at).exists()


def _locked(record: IndicatorRecord) -> IndicatorRecord:
    return IndicatorRecord.objects.select_for_update().get(pk=record.pk)


def _audit(
    record: IndicatorRecord, actor: Any, request: Any, summary: str, unit: Any = None, **data: Any
) -> None:
    record_change(
        record,
        f"{record.kind}:{record.value}: {summary}"[:300],
        actor=actor,
        request=request,
        unit=unit,
        **data,
    )


@transaction.atomic
def confirm(
    record: IndicatorRecord,
    *,
    actor: Any,
    report: Any,
    category: Any = None,
    note: str = "",
    request: Any = None,
    evidence_of: IndicatorRecord | None = None,
) -> IndicatorRecord:
    """Confirm an indicator as used for a scam, with a case naming it as the evidence.

    ``evidence_of`` lets the domain of a confirmed link be confirmed with the link's case.
    """
    if not type(report).objects.visible_to(actor).filter(pk=report.pk).exists():
        raise PermissionDenied
    if not actor.memberships.filter(role__in=DECIDING_ROLES).exists() and not actor.is_superuser:
        raise PermissionDenied
    named = ReportIndicator.objects.filter(report=report, indicator=evidence_of or record).exists()
    if not named:
        raise ValidationError(_("Tố giác làm căn cứ phải có nhắc đến dấu hiệu này."))
    if allowlist.match_value(record.kind, record.value) is not None:
        raise ValidationError(
            _(
                "Dấu hiệu này có trong danh sách chính thức của cơ quan, ngân hàng: không thể xác nhận là "
                "lừa đảo. Nếu danh sách sai, hãy báo quản trị viên."
            )
        )
    record = _locked(record)
    if record.status == IndicatorStatus.CONFIRMED:
        raise ValidationError(_("Dấu hiệu này đã được xác nhận."))
    old, now = record.status, timezone.now()
    record.status, record.status_changed_at, record.confirmed_at = IndicatorStatus.CONFIRMED, now, now
    record.category = category or report.category
    record.save(update_fields=["status", "status_changed_at", "confirmed_at", "category"])
    IndicatorEvent.objects.create(
        indicator=record,
        at=now,
        actor=actor,
        kind=EventKind.CONFIRMED,
        from_status=old,
        to_status=IndicatorStatus.CONFIRMED,
        report=report,
        note=note.strip(),
    )
    _audit(record, actor, request, f"{old} → confirmed", unit=report.unit, report=report.code)
    return record


@transaction.atomic
def confirm_with_domain(
    record: IndicatorRecord,
    *,
    actor: Any,
    report: Any,
    category: Any = None,
    note: str = "",
    also_domain: bool = False,
    request: Any = None,
) -> list[IndicatorRecord]:
    """Confirm an indicator; for a link, with ``also_domain``, its domain too, on the same case.

    The domain is confirmed unless it already is (its record is made if no report named it yet). One
    transaction: both are confirmed or neither."""
    common = {"actor": actor, "report": report, "category": category, "note": note, "request": request}
    confirmed = [confirm(record, **common)]
    if also_domain and record.kind == "url":
        indicator = detect(record.value)
        domain = next((v for k, v, _s in keys_for(indicator) if k == "domain"), None) if indicator else None
        if domain:
            target, _created = IndicatorRecord.objects.get_or_create(
                kind="domain", value=domain, defaults={"display": domain}
            )
            if target.status != IndicatorStatus.CONFIRMED:
                confirmed.append(confirm(target, evidence_of=record, **common))
    return confirmed


@transaction.atomic
def clear(
    record: IndicatorRecord,
    *,
    actor: Any,
    reason: str,
    note: str = "",
    request: Any = None,
    appeal: Any = None,
) -> IndicatorRecord:
    """Take an indicator off the list: the reports were false, an appeal was upheld, or it is official.

    ``actor=None`` is the system acting on an administrator's allow-list change (already audited there).
    """
    if reason not in ClearReason.values:
        raise ValidationError(_("Chọn lý do gỡ bỏ."))
    if actor is not None and not can_decide(actor, record):
        raise PermissionDenied
    if reason == ClearReason.FALSE_REPORT and not note.strip():
        raise ValidationError(_("Ghi rõ căn cứ kết luận tố giác không đúng sự thật."))
    record = _locked(record)
    if not is_listed(record):
        raise ValidationError(_("Dấu hiệu này đã được gỡ bỏ."))
    old, now = record.status, timezone.now()
    record.status, record.status_changed_at = IndicatorStatus.CLEARED, now
    record.save(update_fields=["status", "status_changed_at"])
    IndicatorEvent.objects.create(
        indicator=record,
        at=now,
        actor=actor,
        kind=EventKind.CLEARED,
        from_status=old,
        to_status=IndicatorStatus.CLEARED,
        reason=reason,
        appeal=appeal,
        note=note.strip(),
    )
    _audit(record, actor, request, f"{old} → cleared", reason=reason)
    return record


def clear_allowlisted(kind: str, value: str, *, include_subdomains: bool, note: str = "") -> int:
    """After an allow-list change: clear the confirmed records it covers, so feeds withdraw them."""
    from django.db.models import Q

    query = Q(kind=kind, value=value)
    if kind == "domain":
        query |= Q(kind="url", value__startswith=f"https://{value}/") | Q(
            kind="url", value__startswith=f"https://{value}:"
        )
        if include_subdomains:
            query |= Q(kind="domain", value__endswith=f".{value}") | Q(
                kind="url", value__contains=f".{value}"
            )
    count = 0
    for record in IndicatorRecord.objects.filter(query, status=IndicatorStatus.CONFIRMED):
        entry = allowlist.match_value(record.kind, record.value)
        if entry is not None:
            clear(record, actor=None, reason=ClearReason.ALLOWLISTED, note=note)
            count += 1
    return count
