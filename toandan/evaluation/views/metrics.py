"""The plans under evaluation, a plan's indicators and targets, and the records behind one figure."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from toandan.accounts.permissions import staff_required
from toandan.evaluation import registry
from toandan.evaluation.forms import MetricForm, TargetForm
from toandan.evaluation.models import Metric, MetricSource
from toandan.evaluation.permissions import can_manage, dashboard_unit
from toandan.evaluation.selection import select
from toandan.evaluation.services.metrics import define_metric, set_target
from toandan.evaluation.values import value_of
from toandan.evaluation.views.common import visible_plan
from toandan.plans.models import Plan

PAGE_SIZE = 50


@staff_required
def home(request: HttpRequest) -> HttpResponse:
    dashboard_unit(request.user)  # only the steering committee, the standing agency and unit leaders
    plans = Plan.objects.visible_to(request.user).select_related("issuer")  # type: ignore[arg-type]
    return render(request, "evaluation/home.html", {"plans": plans, "can_manage": can_manage(request.user)})


@staff_required
def metrics(request: HttpRequest, pk: int) -> HttpResponse:
    plan = visible_plan(request, pk)
    dashboard_unit(request.user)
    manager = can_manage(request.user)
    metric_form = MetricForm(request.POST if "define" in request.POST else None, plan=plan, prefix="m")
    target_form = TargetForm(request.POST if "target" in request.POST else None, plan=plan, prefix="t")
    if request.method == "POST":
        if not manager:
            raise PermissionDenied
        form = metric_form if "define" in request.POST else target_form
        if form.is_valid():
            data = form.cleaned_data
            try:
                if form is metric_form:
                    define_metric(
                        plan,
                        name=data["name"],
                        source=data["source"],
                        unit_label=data["unit_label"],
                        computed_key=data["computed_key"],
                        plan_indicator=data["plan_indicator"],
                        deadline=data["deadline"],
                        actor=request.user,
                        request=request,
                    )
                    messages.success(request, _("Đã thêm chỉ tiêu."))
                else:
                    set_target(
                        data["metric"],
                        data["period"],
                        data["value"],
                        unit=data["unit"],
                        actor=request.user,
                        request=request,
                    )
                    messages.success(request, _("Đã lưu mục tiêu."))
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                return redirect("evaluation:metrics", pk=plan.pk)
    context = {
        "plan": plan,
        "metrics": plan.evaluation_metrics.select_related("plan_indicator"),
        "metric_form": metric_form,
        "target_form": target_form,
        "can_manage": manager,
        "registry": registry.all_metrics(),
    }
    status = 400 if metric_form.errors or target_form.errors else 200
    return render(request, "evaluation/metrics.html", context, status=status)


@staff_required
def drill(request: HttpRequest, pk: int) -> HttpResponse:
    """The records one figure counts, for the selected period and unit."""
    metric: Metric = get_object_or_404(Metric.objects.select_related("plan"), pk=pk)
    plan = visible_plan(request, metric.plan_id)
    selection = select(request, plan)
    if selection.period is None:
        raise Http404
    value, records = value_of(metric, selection.period, selection.unit)
    if records is None:
        raise Http404
    if metric.source == MetricSource.ENTERED:
        columns = [(_("Đơn vị"), lambda r: r.unit.name), (_("Gửi lúc"), lambda r: r.submitted_at)]
        records = records.select_related("unit").order_by("unit__name")
    else:
        spec = registry.get(metric.computed_key)
        assert spec is not None
        columns = spec.columns or [(_("Bản ghi"), str)]
        records = records.select_related(*spec.select_related).order_by("pk")
    page = Paginator(records, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [[f(r) for _h, f in columns] for r in page.object_list]
    context = {
        "plan": plan,
        "metric": metric,
        "selection": selection,
        "value": value,
        "headings": [h for h, _f in columns],
        "rows": rows,
        "page": page,
        "query": selection.query,
    }
    return render(request, "evaluation/drill.html", context)
