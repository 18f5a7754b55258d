"""Staff pages that draw on several apps: the staff landing page and the audit log viewer."""

from __future__ import annotations

from datetime import datetime, time

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from toandan.accounts.permissions import admin_required, staff_required
from toandan.core.audit import record
from toandan.core.models import AuditAction, AuditEvent
from toandan.orgs.models import Unit


@staff_required
def staff_home(request: HttpRequest) -> HttpResponse:
    memberships = request.user.memberships.select_related("unit")  # type: ignore[union-attr]
    units = Unit.objects.visible_to(request.user).active()  # type: ignore[arg-type]
    return render(request, "web/staff_home.html", {"memberships": memberships, "unit_count": units.count()})


def _day_bound(raw: str | None, end: bool) -> datetime | None:
    day = parse_date(raw or "") if raw else None
    if day is None:
        return None
    return timezone.make_aware(datetime.combine(day, time.max if end else time.min))


@admin_required
def audit_log(request: HttpRequest) -> HttpResponse:
    events = AuditEvent.objects.all()
    errors = []
    action = request.GET.get("action", "")
    if action:
        if action in AuditAction.values:
            events = events.filter(action=action)
        else:
            errors.append(_("Hành động không hợp lệ."))
    if actor := request.GET.get("actor", "").strip():
        events = events.filter(actor_label__icontains=actor)
    for name, end in (("from", False), ("to", True)):
        raw = request.GET.get(name, "")
        bound = _day_bound(raw, end)
        if raw and bound is None:
            errors.append(_("Ngày phải có dạng NNNN-TT-NN, ví dụ 2026-11-28."))
        elif bound is not None:
            events = events.filter(at__gte=bound) if not end else events.filter(at__lte=bound)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    # The log holds addresses and who did what to which case: reading it is itself a recorded view.
    record(
        AuditAction.PERSONAL_DATA_VIEWED,
        request=request,
        summary=f"audit log page {page.number}",
        query=request.GET.urlencode()[:300],
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "web/audit_log.html",
        {"page": page, "actions": AuditAction.choices, "errors": errors, "query": query.urlencode()},
    )
