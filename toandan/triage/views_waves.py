"""Staff pages of scam waves: waves by size and growth, one wave with its reports and draft warnings, and
the editors' approval or rejection of a draft."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from toandan.accounts.permissions import get_visible_or_404, has_role, staff_required
from toandan.orgs.models import Role
from toandan.reports.models import Report
from toandan.triage import conf
from toandan.triage.forms import DraftDecisionForm
from toandan.triage.models import WarningDraft, WarningStatus, Wave, WaveMember
from toandan.triage.waves import drafts

# Who may approve a warning for the public: the standing agency and administrators.
EDITOR_ROLES = (Role.STANDING_OFFICER, Role.ADMIN)
PAGE_SIZE = 100


def is_editor(user: Any) -> bool:
    return has_role(user, *EDITOR_ROLES)


@staff_required
def wave_list(request: HttpRequest) -> HttpResponse:
    """Waves with at least one report the user may see, largest or fastest-growing first."""
    hours = conf.waves()["growth_hours"]
    since = timezone.now() - timedelta(hours=hours)
    order = "-growth" if request.GET.get("sort") == "growth" else "-size"
    waves = (
        Wave.objects.shown()
        .visible_to(request.user)
        .annotate(
            growth=Count("members", filter=Q(members__report__received_at__gte=since), distinct=True),
            waiting=Count("drafts", filter=Q(drafts__status=WarningStatus.DRAFT), distinct=True),
        )
        .order_by(order, "-last_seen")[:PAGE_SIZE]
    )
    return render(
        request,
        "triage/waves.html",
        {"waves": list(waves), "hours": hours, "sort": "growth" if order == "-growth" else "size"},
    )


@staff_required
def wave_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One wave: its masked sample, growth, the member reports the user may see, and its drafts."""
    wave = get_visible_or_404(Wave.objects.all(), request.user, pk=pk)
    members = (
        WaveMember.objects.filter(wave=wave, report__in=Report.objects.visible_to(request.user))  # type: ignore[arg-type]
        .select_related("report__category", "report__commune")
        .order_by("-report__received_at")[:200]
    )
    return render(
        request,
        "triage/wave.html",
        {
            "wave": wave,
            "members": list(members),
            "sizes": list(wave.sizes.order_by("-at")[:30]),  # type: ignore[attr-defined]
            "drafts": list(wave.drafts.prefetch_related("events__actor")),  # type: ignore[attr-defined]
            "editor": is_editor(request.user),
            "form": DraftDecisionForm(),
        },
    )


@staff_required
@require_POST
def draft_decide(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Approve or reject a draft warning (editors only)."""
    if not is_editor(request.user):
        raise PermissionDenied
    draft = get_object_or_404(WarningDraft, pk=pk)
    target = {"duyet": WarningStatus.APPROVED, "tu-choi": WarningStatus.REJECTED}.get(action)
    if target is None:
        return HttpResponse(status=404)
    form = DraftDecisionForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        drafts.decide(draft, target, actor=request.user, note=note, request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if target == WarningStatus.APPROVED:
            # Apps above triage (awareness) turn the approval into a warning in their own workflow.
            messages.success(request, _("Đã duyệt dự thảo."))
        else:
            messages.success(request, _("Đã từ chối dự thảo."))
    return redirect("triage:wave", pk=draft.wave_id)
