"""What officers do with a report. Each action is one transaction, adds a history row and refreshes the
deadline where it can change; every action but ``add_note`` (whose history row is the note itself) also writes
an audit row. Messages to the reporter are e-mailed on commit."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from toandan.core import crypto
from toandan.core.audit import record, record_change
from toandan.core.models import AuditAction
from toandan.orgs.models import PROVINCE_WIDE_ROLES, REPORT_HANDLING_KINDS, Role, Unit
from toandan.reports.deadlines import max_extensions
from toandan.reports.models import EventKind, Outcome, Report, ReportEvent, Status, Track
from toandan.reports.services import refresh_deadline, search_text

IDENTITY_ROLES = (Role.UNIT_LEADER, Role.STANDING_OFFICER, Role.ADMIN)
ALLOWED: dict[str, set[str]] = {
    Status.RECEIVED: {Status.VERIFYING, Status.RESOLVED},
    Status.VERIFYING: {Status.RESOLVED},
    Status.TRANSFERRED: {Status.VERIFYING, Status.RESOLVED},
    Status.RESOLVED: {Status.VERIFYING},
}


def _event(report: Report, actor: Any, kind: str, **fields: Any) -> ReportEvent:
    return ReportEvent.objects.create(report=report, actor=actor, kind=kind, **fields)


def _audit(report: Report, actor: Any, request: Any, summary: str, **data: Any) -> None:
    record_change(report, f"{report.code}: {summary}", actor=actor, request=request, unit=report.unit, **data)


@transaction.atomic
def transition(
    report: Report,
    to: str,
    *,
    actor: Any,
    note: str = "",
    outcome: str = "",
    duplicate_of: Report | None = None,
    request: Any = None,
) -> Report:
    if to not in ALLOWED.get(report.status, set()):
        raise ValidationError(
            _("Không thể chuyển từ “%(old)s” sang “%(new)s”.")
            % {"old": Status(report.status).label, "new": Status(to).label}
        )
    if to == Status.RESOLVED:
        if outcome not in Outcome.values:
            raise ValidationError(_("Chọn kết quả giải quyết."))
        if outcome == Outcome.DUPLICATE and duplicate_of is None:
            raise ValidationError(_("Cho biết tố giác bị trùng với mã nào."))
        if duplicate_of is not None and duplicate_of.pk == report.pk:
            raise ValidationError(_("Một tố giác không thể trùng với chính nó."))
    old = report.status
    report.status = to
    report.outcome = outcome if to == Status.RESOLVED else ""
    report.duplicate_of = duplicate_of if outcome == Outcome.DUPLICATE else None
    report.save(update_fields=["status", "outcome", "duplicate_of"])
    public_text = note
    if to == Status.RESOLVED:
        public_text = _("Kết quả: %(outcome)s.") % {"outcome": Outcome(outcome).label} + (
            f" {note}" if note else ""
        )
    _event(
        report,
        actor,
        EventKind.STATUS,
        from_status=old,
        to_status=to,
        text=public_text,
        public=True,
        data={"outcome": report.outcome},
    )
    refresh_deadline(report)  # also stores (or clears) the resolution
    _audit(report, actor, request, f"{old} → {to}", outcome=report.outcome)
    _notify_reporter_on_commit(report)
    return report


@transaction.atomic
def transfer(report: Report, to_unit: Unit, *, actor: Any, reason: str, request: Any = None) -> Report:
    if not reason.strip():
        raise ValidationError(_("Ghi rõ lý do chuyển."))
    if to_unit.pk == report.unit_id:
        raise ValidationError(_("Tố giác đang ở chính đơn vị này."))
    if not to_unit.is_active:
        raise ValidationError(_("Đơn vị này không còn hoạt động."))
    if to_unit.kind not in REPORT_HANDLING_KINDS:
        raise ValidationError(_("Đơn vị này không có thẩm quyền xử lý tố giác; chọn một đơn vị công an."))
    old_unit, old_status = report.unit, report.status
    report.unit, report.assignee, report.status = to_unit, None, Status.TRANSFERRED
    report.save(update_fields=["unit", "assignee", "status"])
    _event(
        report,
        actor,
        EventKind.TRANSFER,
        from_status=old_status,
        to_status=Status.TRANSFERRED,
        from_unit=old_unit,
        to_unit=to_unit,
        text=reason,
        data={},
    )
    _event(
        report,
        actor,
        EventKind.MESSAGE,
        public=True,
        text=_("Tố giác đã được chuyển đến %(unit)s để xử lý theo thẩm quyền.") % {"unit": to_unit.name},
    )
    _audit(report, actor, request, f"{old_unit.code} → {to_unit.code}", reason=reason)
    return report


@transaction.atomic
def assign(report: Report, officer: Any, *, actor: Any, request: Any = None) -> Report:
    if officer is not None and not Report.objects.visible_to(officer).filter(pk=report.pk).exists():
        raise ValidationError(_("Cán bộ này không thuộc đơn vị đang xử lý tố giác."))
    report.assignee = officer
    report.save(update_fields=["assignee"])
    _event(report, actor, EventKind.ASSIGN, text=officer.get_username() if officer else "")
    _audit(report, actor, request, f"assign {officer.get_username() if officer else '-'}")
    return report


@transaction.atomic
def set_track(
    report: Report, track: str, *, actor: Any, multi_place: bool = False, request: Any = None
) -> Report:
    if track not in Track.values:
        raise ValidationError(_("Trình tự xử lý không hợp lệ."))
    report.track, report.multi_place = track, multi_place
    report.save(update_fields=["track", "multi_place"])
    _event(report, actor, EventKind.TRACK, text=Track(track).label, data={"multi_place": multi_place})
    refresh_deadline(report)
    _audit(report, actor, request, f"track {track}")
    return report


@transaction.atomic
def record_step(report: Report, kind: str, *, actor: Any, note: str = "", request: Any = None) -> Report:
    """Procuracy notified (crime reports) or accepted (denunciations): each completes a legal step."""
    if kind not in (EventKind.PROCURACY_NOTIFIED, EventKind.ACCEPTED):
        raise ValidationError(_("Bước xử lý không hợp lệ."))
    if report.events.filter(kind=kind).exists():
        raise ValidationError(_("Bước này đã được ghi nhận."))
    _event(report, actor, kind, text=note, public=kind == EventKind.ACCEPTED)
    if report.status == Status.RECEIVED:
        report.status = Status.VERIFYING
        report.save(update_fields=["status"])
    refresh_deadline(report)
    _audit(report, actor, request, kind)
    return report


@transaction.atomic
def extend(report: Report, step: str, *, actor: Any, reason: str, request: Any = None) -> Report:
    """A recorded decision to extend a legal time limit, within the number of extensions the law allows."""
    if not reason.strip():
        raise ValidationError(_("Quyết định gia hạn phải ghi rõ lý do."))
    done = report.events.filter(kind=EventKind.EXTENSION, data__step=step).count()
    if done >= max_extensions(report.track, step):
        raise ValidationError(_("Đã hết số lần gia hạn pháp luật cho phép đối với bước này."))
    _event(
        report, actor, EventKind.EXTENSION, text=reason, public=True, data={"step": step, "number": done + 1}
    )
    refresh_deadline(report)
    _audit(report, actor, request, f"extend {step} #{done + 1}", reason=reason)
    return report


# Above any sum a report could honestly carry (the largest field value PostgreSQL's bigint allows is larger).
MAX_MONEY = 10**15


@transaction.atomic
def record_money_recovered(
    report: Report, amount: int, *, actor: Any, note: str = "", request: Any = None
) -> ReportEvent:
    """The money recovered and returned to the victims so far (a total, not an increment: a later record
    replaces it); the history row keeps the previous total."""
    if not isinstance(amount, int) or isinstance(amount, bool) or not 0 <= amount < MAX_MONEY:
        raise ValidationError(_("Số tiền thu hồi phải là số nguyên không âm (đồng)."))
    # Read under a row lock: two officers recording at once each keep the other's total as "previous".
    previous = Report.objects.select_for_update().values_list("money_recovered", flat=True).get(pk=report.pk)
    if previous == amount:
        raise ValidationError(_("Số tiền thu hồi không thay đổi."))
    report.money_recovered = amount
    report.save(update_fields=["money_recovered"])
    text = _("Số tiền đã thu hồi, trả lại: %(amount)s đồng.") % {"amount": f"{amount:,}".replace(",", ".")}
    event = _event(
        report,
        actor,
        EventKind.MONEY_RECOVERED,
        text=f"{text} {note.strip()}".strip(),
        data={"amount": amount, "previous": previous},
    )
    _audit(report, actor, request, "money recovered", amount=amount, previous=previous)
    return event


@transaction.atomic
def send_message(report: Report, text: str, *, actor: Any, request: Any = None) -> ReportEvent:
    if not text.strip():
        raise ValidationError(_("Nội dung tin nhắn không được để trống."))
    event = _event(report, actor, EventKind.MESSAGE, text=text.strip(), public=True)
    _audit(report, actor, request, "message to reporter")
    _notify_reporter_on_commit(report)
    return event


@transaction.atomic
def set_category(
    report: Report,
    category: Any,
    *,
    actor: Any,
    text: str,
    summary: str,
    request: Any = None,
    **data: Any,
) -> ReportEvent:
    """Change a report's category (its search text follows) if it differs; add the history note ``text`` and
    an audit row either way (triage's decision confirms or corrects its suggestion through this)."""
    if category.pk != report.category_id:
        report.category = category
        report.search_text = search_text(report)
        report.save(update_fields=["category", "search_text"])
    event = _event(report, actor, EventKind.NOTE, text=text, at=timezone.now())
    _audit(report, actor, request, summary, **data)
    return event


@transaction.atomic
def add_note(report: Report, text: str, *, actor: Any, request: Any = None) -> ReportEvent:
    if not text.strip():
        raise ValidationError(_("Ghi chú không được để trống."))
    return _event(report, actor, EventKind.NOTE, text=text.strip())


def mark_duplicates(reports: list[Report], original: Report, *, actor: Any, request: Any = None) -> int:
    count = 0
    for report in reports:
        if report.pk != original.pk and report.status != Status.RESOLVED:
            transition(
                report,
                Status.RESOLVED,
                actor=actor,
                outcome=Outcome.DUPLICATE,
                duplicate_of=original,
                note=_("Trùng với tố giác %(code)s.") % {"code": original.code},
                request=request,
            )
            count += 1
    return count


def can_reveal_identity(user: Any, report: Report) -> bool:
    if not user.is_authenticated or not Report.objects.visible_to(user).filter(pk=report.pk).exists():
        return False
    if user.is_superuser or report.assignee_id == user.pk:
        return True
    # The right follows the unit of the case: a leader of unit A who is a plain officer in unit B sees B's
    # cases but not B's reporters. Steering committee members oversee figures; they never need to know who
    # reported.
    for membership in user.memberships.filter(role__in=IDENTITY_ROLES).select_related("unit"):
        if membership.role in PROVINCE_WIDE_ROLES:
            return True
        unit = membership.unit
        if report.unit_id == unit.pk or (
            membership.covers_subunits and report.unit.path.startswith(unit.path)
        ):
            return True
    return False


def reveal_identity(report: Report, *, actor: Any, request: Any = None, purpose: str = "") -> dict[str, str]:
    """Decrypt the reporter's identity for an allowed person; every call is an audit row."""
    if not can_reveal_identity(actor, report):
        raise PermissionDenied
    identity = getattr(report, "identity", None)
    record(
        AuditAction.PERSONAL_DATA_VIEWED,
        actor=actor,
        request=request,
        target=report,
        unit=report.unit,
        summary=f"{report.code}: reporter identity",
        purpose=purpose,
    )
    if identity is None:
        return {}
    return {f: crypto.decrypt(getattr(identity, f)) for f in ("name", "phone", "email", "id_number")}


def _notify_reporter_on_commit(report: Report) -> None:
    if getattr(report, "identity", None) is not None and report.identity.email:
        from toandan.reports.tasks import notify_reporter

        transaction.on_commit(lambda: notify_reporter.enqueue(report.pk))
