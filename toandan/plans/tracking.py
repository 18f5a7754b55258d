"""Units report progress on their assignments: one transaction stores the update, its numbers, files and
links, and an audit row with the status before and after — or nothing at all."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from toandan.core.audit import record_change
from toandan.core.files import removing_on_failure, store_files
from toandan.core.uploads import CleanFile
from toandan.orgs.models import PROVINCE_WIDE_ROLES, Role
from toandan.plans.models import (
    Assignment,
    ProgressAttachment,
    ProgressState,
    ProgressUpdate,
    ProgressValue,
)

MAX_LINKS = 10
WRITER_ROLES = {Role.UNIT_OFFICER, Role.UNIT_LEADER, Role.STANDING_OFFICER, Role.ADMIN}


def can_write_for(user: Any, unit: Any) -> bool:
    """Unit staff write for their units, the standing agency and admins for any; steering members read."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    memberships = [m for m in user.memberships.select_related("unit") if m.role in WRITER_ROLES]
    if any(m.role in PROVINCE_WIDE_ROLES for m in memberships):
        return True
    return any(
        m.unit_id == unit.pk or (m.covers_subunits and unit.path.startswith(m.unit.path)) for m in memberships
    )


def can_import(user: Any) -> bool:
    return user.is_authenticated and (
        user.is_superuser or user.memberships.filter(role__in=[Role.STANDING_OFFICER, Role.ADMIN]).exists()
    )


def clean_links(lines: list[str]) -> list[str]:
    links = [line.strip() for line in lines if line.strip()]
    if len(links) > MAX_LINKS:
        raise ValidationError(_("Chỉ gửi được tối đa %(count)s đường dẫn.") % {"count": MAX_LINKS})
    check = URLValidator(schemes=["http", "https"])
    for link in links:
        try:
            check(link)
        except ValidationError as exc:
            raise ValidationError(
                _("“%(link)s” không phải đường dẫn hợp lệ (bắt đầu bằng http:// hoặc https://).")
                % {"link": link[:100]}
            ) from exc
    return links


def post_update(
    assignment: Assignment,
    *,
    actor: Any,
    state: str,
    narrative: str,
    values: dict[int, int] | None = None,
    links: list[str] | None = None,
    files: list[CleanFile] | None = None,
    request: Any = None,
    at: datetime | None = None,
) -> ProgressUpdate:
    """Record a unit's progress; `values` maps indicator ids of the assignment's plan to numbers. `at` dates
    an update entered afterwards from an earlier paper report (and the demo's history); default now."""
    if state not in ProgressState.values:
        raise ValidationError(_("Tình trạng không hợp lệ."))
    if not narrative.strip():
        raise ValidationError(_("Nhập kết quả thực hiện."))
    values = {k: v for k, v in (values or {}).items() if v is not None}
    allowed = set(assignment.task.plan.indicators.values_list("pk", flat=True))
    if set(values) - allowed:
        raise ValidationError(_("Chỉ tiêu không thuộc kế hoạch này."))
    if any(v < 0 for v in values.values()):
        raise ValidationError(_("Số liệu không được âm."))
    clean = clean_links(links or [])
    with removing_on_failure() as written, transaction.atomic():
        before = assignment.current_status()
        update = ProgressUpdate.objects.create(
            assignment=assignment,
            author=actor if getattr(actor, "pk", None) else None,
            state=state,
            narrative=narrative.strip(),
            links="\n".join(clean),
            at=at or timezone.now(),
        )
        ProgressValue.objects.bulk_create(
            [ProgressValue(update=update, indicator_id=k, value=v) for k, v in values.items()]
        )
        for item in store_files(files or [], lambda: ProgressAttachment(update=update), written):
            item.save()
        after = assignment.current_status()
        record_change(
            assignment,
            f"{assignment.task.ref} – {assignment.unit.name}: {before} → {after}",
            actor=actor,
            request=request,
            unit=assignment.unit,
            update=update.pk,
            from_status=str(before),
            to_status=str(after),
        )
    return update
