"""Officers' pages: queues, the case page with its actions, evidence download and the reporter's identity."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from toandan.accounts.models import User
from toandan.accounts.permissions import get_visible_or_404, staff_required
from toandan.core.files import download_view
from toandan.indicators.models import ReportIndicator
from toandan.reports import repeats, workflow
from toandan.reports.case_actions import ACTIONS, officers_for
from toandan.reports.deadlines import DUE_SOON_DAYS, compute
from toandan.reports.models import EventKind, Evidence, Report
from toandan.reports.panels import case_panels
from toandan.reports.staff_forms import (
    AssignForm,
    ExtensionForm,
    MoneyRecoveredForm,
    QueueFilterForm,
    StatusForm,
    StepForm,
    TextForm,
    TrackForm,
    TransferForm,
)


@staff_required
def queue(request: HttpRequest) -> HttpResponse:
    user = request.user
    reports = Report.objects.visible_to(user).select_related("category", "unit", "commune", "assignee")  # type: ignore[arg-type]
    form = QueueFilterForm(request.GET or None)
    view = "unit"
    if form.is_valid():
        data = form.cleaned_data
        view = data["view"] or "unit"
        if data["q"]:
            reports = reports.search(data["q"])
        for field in ("status", "category", "track", "commune"):
            if data[field]:
                reports = reports.filter(**{field: data[field]})
        if data["due_before"]:
            reports = reports.filter(
                deadline_at__lt=timezone.make_aware(datetime.combine(data["due_before"], time.min))
            )
    # Likely repeats of one incident (reports.repeats) are grouped under its first report: the queue lists
    # that one with the number of repeats, and ?nhom=CODE lists the whole group.
    group = request.GET.get("nhom", "").strip()[:20]
    if group:
        reports = reports.filter(Q(code=group) | Q(repeat_of__code=group))
    else:
        reports = reports.filter(repeat_of__isnull=True)
    if view == "mine":
        reports = reports.filter(assignee=user)
    elif view == "soon":
        reports = reports.due_within(DUE_SOON_DAYS)
    elif view == "overdue":
        reports = reports.overdue()
    elif view == "unit":
        reports = reports.open()
    page = Paginator(reports.order_by("deadline_at", "received_at"), 50).get_page(request.GET.get("page"))
    sizes = repeats.group_sizes([r.pk for r in page])
    for r in page:
        r.repeat_count = sizes.get(r.pk, 0)
    query = request.GET.copy()
    query.pop("page", None)
    visible_officers = User.objects.filter(
        memberships__unit__in=[m.unit for m in user.memberships.select_related("unit")]  # type: ignore[union-attr]
    ).distinct()
    now = timezone.now()
    return render(
        request,
        "reports/queue.html",
        {
            "page": page,
            "form": form,
            "view": view,
            "query": query.urlencode(),
            "now": now,
            "soon": now + timedelta(days=DUE_SOON_DAYS),
            "officers": visible_officers,
            "group": group,
        },
    )


@staff_required
@require_POST
def bulk(request: HttpRequest) -> HttpResponse:
    codes = request.POST.getlist("codes")
    reports = list(Report.objects.visible_to(request.user).filter(code__in=codes))  # type: ignore[arg-type]
    if not reports:
        messages.error(request, _("Chưa chọn tố giác nào."))
        return redirect("reports:queue")
    try:
        if request.POST.get("action") == "assign":
            officer = User.objects.filter(pk=request.POST.get("officer") or 0).first()
            for report in reports:
                workflow.assign(report, officer, actor=request.user, request=request)
            messages.success(request, _("Đã phân công %(count)s tố giác.") % {"count": len(reports)})
        elif request.POST.get("action") == "duplicate":
            original = get_visible_or_404(
                Report.objects, request.user, code=request.POST.get("original", "").strip()
            )
            count = workflow.mark_duplicates(reports, original, actor=request.user, request=request)
            messages.success(request, _("Đã đánh dấu %(count)s tố giác trùng.") % {"count": count})
        else:
            messages.error(request, _("Thao tác không hợp lệ."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(_safe_next(request) or "reports:queue")


def _safe_next(request: HttpRequest) -> str:
    """The page to go back to, only when it is on this site (never an open redirect)."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def _case_context(request: HttpRequest, report: Report, **forms: Any) -> dict[str, Any]:
    events = list(report.events.select_related("actor", "from_unit", "to_unit"))
    links = list(
        ReportIndicator.objects.filter(report=report)
        .select_related("indicator")
        .annotate(report_count=Count("indicator__report_links"))
    )
    related = (
        ReportIndicator.objects.filter(indicator__in=[link.indicator for link in links])
        .exclude(report=report)
        .filter(report__in=Report.objects.visible_to(request.user))  # type: ignore[arg-type]
        .select_related("report", "indicator")[:50]
    )
    defaults = {
        "status_form": StatusForm(initial={"status": report.status}),
        "transfer_form": TransferForm(report=report),
        "assign_form": AssignForm(officers=officers_for(report), initial={"officer": report.assignee_id}),
        "track_form": TrackForm(initial={"track": report.track, "multi_place": report.multi_place}),
        "extension_form": ExtensionForm(),
        "recovered_form": MoneyRecoveredForm(prefix="recovered", initial={"amount": report.money_recovered}),
        "message_form": TextForm(prefix="message"),
        "note_form": TextForm(prefix="note"),
        "procuracy_notified_form": StepForm(prefix=EventKind.PROCURACY_NOTIFIED.value),
        "accepted_form": StepForm(prefix=EventKind.ACCEPTED.value),
    }
    defaults.update(forms)
    return {
        "report": report,
        "events": events,
        "deadlines": compute(report, events),
        "links": links,
        "related": related,
        "evidence": list(report.evidence.all()),
        "can_reveal": workflow.can_reveal_identity(request.user, report),
        "has_identity": hasattr(report, "identity"),
        "event_kinds": EventKind,
        "anchors": {key: a.anchor for key, a in ACTIONS.items()},
        "repeat_count": report.repeats.count(),
        **case_panels(request, report),
        **defaults,
    }


def _get_report(request: HttpRequest, code: str) -> Report:
    queryset = Report.objects.select_related(
        "category", "unit", "commune", "assignee", "duplicate_of", "repeat_of"
    )
    return get_visible_or_404(queryset, request.user, code=code)  # type: ignore[return-value]


@staff_required
def detail(request: HttpRequest, code: str) -> HttpResponse:
    report = _get_report(request, code)
    return render(request, "reports/detail.html", _case_context(request, report))


@staff_required
@require_POST
def act(request: HttpRequest, code: str, action: str) -> HttpResponse:
    report = _get_report(request, code)
    case_action = ACTIONS.get(action)
    if case_action is None:
        return HttpResponse(status=404)
    form = case_action.form(request.POST, report, request.user)
    if not form.is_valid():
        report.refresh_from_db()
        context = _case_context(request, report, **{case_action.context_key: form})
        return render(request, "reports/detail.html", context, status=400)
    # The confirmation (or refusal) is shown where the officer acted: the message carries the action's anchor.
    back = f"{reverse('reports:detail', args=[report.code])}#{case_action.anchor}"
    try:
        case_action.run(report, form.cleaned_data, request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages), extra_tags=case_action.anchor)
        return redirect(back)
    messages.success(request, case_action.done(report, form.cleaned_data), extra_tags=case_action.anchor)
    if action == "transfer" and not Report.objects.visible_to(request.user).filter(pk=report.pk).exists():  # type: ignore[arg-type]
        return redirect("reports:queue")
    return redirect(back)


@staff_required
@require_POST
def reveal(request: HttpRequest, code: str) -> HttpResponse:
    report = _get_report(request, code)
    identity = workflow.reveal_identity(
        report, actor=request.user, request=request, purpose=request.POST.get("purpose", "")[:200]
    )
    context = _case_context(request, report)
    context["identity"] = identity or {"none": True}
    return render(request, "reports/detail.html", context)


def _evidence(request: HttpRequest, code: str, pk: int) -> Evidence:
    return get_object_or_404(_get_report(request, code).evidence, pk=pk)


evidence_file = staff_required(download_view(_evidence))
