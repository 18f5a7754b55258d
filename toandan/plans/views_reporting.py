"""Period reports of a unit, returning them, and the consolidated report (.docx / .xlsx) of a period."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from toandan.accounts.permissions import get_visible_or_404, is_province_wide, staff_required
from toandan.orgs.models import Unit
from toandan.plans.forms import ConsolidatedForm, PeriodReportForm, ReturnForm
from toandan.plans.models import PeriodReport, PeriodReportStatus, Plan, ReportingPeriod
from toandan.plans.output import Signature, build_consolidated, render_docx, render_xlsx
from toandan.plans.reporting import (
    expected_reporters,
    progress_totals,
    return_period_report,
    save_period_report,
)
from toandan.plans.tracking import can_write_for

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _period_and_unit(request: HttpRequest, pk: int, period_pk: int, unit_pk: int):  # type: ignore[no-untyped-def]
    plan = get_visible_or_404(Plan.objects, request.user, pk=pk)
    period = get_object_or_404(ReportingPeriod.objects.select_related("plan"), pk=period_pk, plan=plan)
    unit = get_visible_or_404(Unit.objects, request.user, pk=unit_pk)
    if not expected_reporters(plan).filter(pk=unit.pk).exists():
        raise Http404
    return plan, period, unit


@staff_required
def period_report(request: HttpRequest, pk: int, period_pk: int, unit_pk: int) -> HttpResponse:
    plan, period, unit = _period_and_unit(request, pk, period_pk, unit_pk)
    indicators = list(plan.indicators.all())
    report = PeriodReport.objects.filter(period=period, unit=unit).prefetch_related("values").first()
    if report is not None:
        initial = {f"indicator_{v.indicator_id}": v.value for v in report.values.all()}
        initial["narrative"] = report.narrative
    else:
        initial = {f"indicator_{k}": v for k, v in progress_totals(period, unit).items()}
    form = PeriodReportForm(request.POST or None, initial=initial, indicators=indicators)
    can_write = can_write_for(request.user, unit)
    if request.method == "POST":
        if not can_write:
            raise PermissionDenied
        if form.is_valid():
            submit = "submit" in request.POST
            try:
                save_period_report(
                    period,
                    unit,
                    actor=request.user,
                    narrative=form.cleaned_data["narrative"],
                    values=form.values(),
                    submit=submit,
                    request=request,
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Đã gửi báo cáo.") if submit else _("Đã lưu bản nháp."))
                return redirect("plans:period_report", pk=plan.pk, period_pk=period.pk, unit_pk=unit.pk)
    context = {
        "plan": plan,
        "period": period,
        "unit": unit,
        "report": report,
        "events": list(report.events.select_related("actor")) if report else [],
        "form": form,
        "can_write": can_write and (report is None or report.status != PeriodReportStatus.SUBMITTED),
        "can_return": is_province_wide(request.user)
        and report
        and report.status == PeriodReportStatus.SUBMITTED,
        "return_form": ReturnForm(),
    }
    return render(request, "plans/period_report.html", context, status=400 if form.errors else 200)


@staff_required
@require_POST
def period_report_return(request: HttpRequest, pk: int, period_pk: int, unit_pk: int) -> HttpResponse:
    plan, period, unit = _period_and_unit(request, pk, period_pk, unit_pk)
    if not is_province_wide(request.user):
        raise PermissionDenied
    report = get_object_or_404(PeriodReport, period=period, unit=unit)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    else:
        try:
            return_period_report(report, actor=request.user, note=form.cleaned_data["note"], request=request)
            messages.success(request, _("Đã trả lại báo cáo để đơn vị bổ sung."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    return redirect("plans:period_report", pk=plan.pk, period_pk=period.pk, unit_pk=unit.pk)


def _consolidating_plan(request: HttpRequest, pk: int) -> Plan:
    plan: Plan = get_visible_or_404(Plan.objects, request.user, pk=pk)  # type: ignore[assignment]
    if not is_province_wide(request.user):
        raise PermissionDenied
    return plan


@staff_required
def consolidated(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _consolidating_plan(request, pk)
    form = ConsolidatedForm(plan=plan)
    return render(request, "plans/consolidated.html", {"plan": plan, "form": form})


@staff_required
def export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    plan = _consolidating_plan(request, pk)
    if fmt not in CONTENT_TYPES:
        raise Http404
    form = ConsolidatedForm(request.GET, plan=plan)
    if not form.is_valid():
        return render(request, "plans/consolidated.html", {"plan": plan, "form": form}, status=400)
    data = form.cleaned_data
    report = build_consolidated(
        plan,
        data["period"],
        number=data["number"],
        day=data["day"],
        signature=Signature(data["capacity"], data["position"], data["signer"]),
        recipients=data["recipients"].splitlines(),
        user=request.user,
        directions=data["directions"].splitlines(),
        proposals=data["proposals"].splitlines(),
    )
    content = render_docx(report) if fmt == "docx" else render_xlsx(report)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    period = data["period"]
    span = (
        f"{period.frequency}-{period.year}-{period.index}"
        if period
        else f"luy-ke-{report.span.ends_on:%Y%m%d}"
    )
    name = f"bao-cao-{plan.pk}-{span}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response
