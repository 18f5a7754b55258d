"""Officers' pages: clusters of reports sharing an indicator, an indicator and its decisions, appeals."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from toandan.accounts.permissions import is_admin, is_province_wide, staff_required
from toandan.core.files import download_view
from toandan.indicators import appeals, clusters, status
from toandan.indicators.forms import ClearForm, ClusterFilterForm, ConfirmForm, DecisionForm
from toandan.indicators.models import (
    KIND_LABELS,
    Appeal,
    AppealEvidence,
    AppealStatus,
    IndicatorRecord,
    IndicatorStatus,
    report_model,
)


def tabs(user: Any) -> dict[str, bool]:
    """Which tabs of the indicator pages this officer may open."""
    return {"can_import": status.is_province_decider(user), "can_partners": is_admin(user)}


@staff_required
def cluster_list(request: HttpRequest) -> HttpResponse:
    statuses = dict(IndicatorStatus.choices)
    form = ClusterFilterForm(request.GET or None)
    options: dict[str, Any] = {}
    if form.is_valid():
        options = {k: v for k, v in form.cleaned_data.items() if v}
    rows = clusters.clusters(request.user, **options)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    page.object_list = [
        {
            **row,
            "kind_label": KIND_LABELS.get(row["kind"], row["kind"]),
            "status_label": statuses.get(row["status"]),
        }
        for row in page.object_list
    ]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "indicators/staff/clusters.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "days": clusters.GROWTH_DAYS,
            **tabs(request.user),
        },
    )


def _record_for(request: HttpRequest, pk: int) -> tuple[IndicatorRecord, QuerySet]:
    """The indicator with the reports naming it that the officer may see; 404 when they see none of it."""
    record = get_object_or_404(IndicatorRecord.objects.select_related("category"), pk=pk)
    reports = status.visible_reports(request.user, record).select_related("category", "unit")
    if not is_province_wide(request.user) and not reports.exists():
        raise Http404
    return record, reports


def _detail_context(request: HttpRequest, record: IndicatorRecord, reports: QuerySet, **forms: Any) -> dict:
    shown = list(reports.order_by("-received_at")[:100])
    decider = status.can_decide(request.user, record)
    return {
        "record": record,
        "reports": shown,
        "report_total": reports.count(),
        "neighbours": clusters.neighbours(request.user, record),
        "events": list(record.events.select_related("actor", "report", "appeal")),
        "appeals": list(record.appeals.all()),
        "can_decide": decider,
        "listed": status.is_listed(record),
        "confirm_form": forms.get("confirm_form") or ConfirmForm(reports=shown, prefix="confirm"),
        "clear_form": forms.get("clear_form") or ClearForm(prefix="clear"),
        "statuses": IndicatorStatus,
        **tabs(request.user),
    }


@staff_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    record, reports = _record_for(request, pk)
    return render(request, "indicators/staff/indicator.html", _detail_context(request, record, reports))


@staff_required
@require_POST
def act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    record, reports = _record_for(request, pk)
    forms: dict[str, Any] = {}
    try:
        if action == "confirm":
            shown = list(reports.order_by("-received_at")[:100])
            form = ConfirmForm(request.POST, reports=shown, prefix="confirm")
            forms["confirm_form"] = form
            if form.is_valid():
                _confirm(request, record, reports, form.cleaned_data)
                messages.success(request, _("Đã xác nhận dấu hiệu lừa đảo."))
                return redirect("indicators:detail", pk=record.pk)
        elif action == "clear":
            form = ClearForm(request.POST, prefix="clear")
            forms["clear_form"] = form
            if form.is_valid():
                status.clear(
                    record,
                    actor=request.user,
                    reason=form.cleaned_data["reason"],
                    note=form.cleaned_data["note"],
                    request=request,
                )
                messages.success(request, _("Đã gỡ bỏ dấu hiệu khỏi danh sách."))
                return redirect("indicators:detail", pk=record.pk)
        else:
            raise Http404
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("indicators:detail", pk=record.pk)
    context = _detail_context(request, record, reports, **forms)
    return render(request, "indicators/staff/indicator.html", context, status=400)


def _confirm(request: HttpRequest, record: IndicatorRecord, reports: QuerySet, data: dict) -> None:
    report = reports.filter(code=data["report"]).first()
    if report is None:
        raise ValidationError(_("Chọn một tố giác có nhắc đến dấu hiệu này."))
    status.confirm_with_domain(
        record,
        actor=request.user,
        report=report,
        category=data["category"],
        note=data["note"],
        also_domain=data["also_domain"],
        request=request,
    )


def _appeals_for(user: Any) -> QuerySet[Appeal]:
    queryset = Appeal.objects.select_related("indicator")
    if status.is_province_decider(user) or is_province_wide(user):
        return queryset
    visible = report_model().objects.visible_to(user).values("pk")
    return queryset.filter(indicator__report_links__report__in=visible).distinct()


@staff_required
def appeal_list(request: HttpRequest) -> HttpResponse:
    show = request.GET.get("status", AppealStatus.PENDING)
    items = _appeals_for(request.user)
    if show in AppealStatus.values:
        items = items.filter(status=show)
    page = Paginator(items, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "indicators/staff/appeals.html",
        {"page": page, "show": show, "statuses": AppealStatus.choices, **tabs(request.user)},
    )


def _appeal_for(request: HttpRequest, code: str) -> Appeal:
    appeal = _appeals_for(request.user).filter(code=code).first()
    if appeal is None:
        raise Http404
    return appeal


@staff_required
def appeal_detail(request: HttpRequest, code: str) -> HttpResponse:
    appeal = _appeal_for(request, code)
    form = DecisionForm(request.POST or None)
    status_code = 200
    if request.method == "POST":
        status_code = 400
        if form.is_valid():
            try:
                appeals.decide_appeal(
                    appeal,
                    upheld=form.cleaned_data["decision"] == "uphold",
                    note=form.cleaned_data["note"],
                    actor=request.user,
                    request=request,
                )
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, _("Đã ghi nhận quyết định."))
                return redirect("indicators:appeal_detail", code=appeal.code)
    return _appeal_page(request, appeal, form, status_code)


def _appeal_page(
    request: HttpRequest, appeal: Appeal, form: DecisionForm, status_code: int = 200, contact: Any = None
) -> HttpResponse:
    can = status.can_decide(request.user, appeal.indicator)
    context = {
        "appeal": appeal,
        "form": form,
        "can_decide": can and appeal.status == AppealStatus.PENDING,
        "can_see_contact": can,
        "contact": contact,
        "evidence": list(appeal.evidence.all()),
        **tabs(request.user),
    }
    return render(request, "indicators/staff/appeal.html", context, status=status_code)


@never_cache
@staff_required
@require_POST
def appeal_contact(request: HttpRequest, code: str) -> HttpResponse:
    """The appellant's name and contact, shown only after this deliberate, audited action (like a
    reporter's identity)."""
    appeal = _appeal_for(request, code)
    contact = appeals.contact_of(
        appeal, actor=request.user, request=request, purpose=request.POST.get("purpose", "")[:200]
    )
    return _appeal_page(request, appeal, DecisionForm(), contact=contact)


def _appeal_evidence(request: HttpRequest, code: str, pk: int) -> AppealEvidence:
    return get_object_or_404(_appeal_for(request, code).evidence, pk=pk)


appeal_file = staff_required(download_view(_appeal_evidence))
