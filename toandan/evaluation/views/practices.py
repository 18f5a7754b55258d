"""The model practices register of a plan and one practice with its replications and commendations."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from toandan.accounts.permissions import staff_required
from toandan.evaluation.forms import CommendationForm, PracticeForm, ReplicationForm
from toandan.evaluation.models import Practice
from toandan.evaluation.permissions import can_manage, dashboard_unit, require_manager
from toandan.evaluation.services import practices as service
from toandan.evaluation.views.common import report_error, visible_plan


@staff_required
def practices(request: HttpRequest, pk: int) -> HttpResponse:
    plan = visible_plan(request, pk)
    dashboard_unit(request.user)
    form = PracticeForm(request.POST or None)
    if request.method == "POST":
        require_manager(request.user)
        if form.is_valid():
            try:
                practice = service.register_practice(
                    plan=plan, **form.cleaned_data, actor=request.user, request=request
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Đã ghi nhận mô hình."))
                return redirect("evaluation:practice", pk=practice.pk)
    rows = (
        Practice.objects.filter(plan=plan)
        .select_related("unit", "commune")
        .prefetch_related("replications__unit", "commendations")
    )
    context = {"plan": plan, "practices": rows, "form": form, "can_manage": can_manage(request.user)}
    return render(request, "evaluation/practices.html", context, status=400 if form.errors else 200)


@staff_required
def practice_detail(request: HttpRequest, pk: int) -> HttpResponse:
    practice = get_object_or_404(Practice.objects.select_related("unit", "commune"), pk=pk)
    plan = visible_plan(request, practice.plan_id) if practice.plan_id else None
    dashboard_unit(request.user)
    replication_form = ReplicationForm(request.POST if "replication" in request.POST else None, prefix="r")
    commendation_form = CommendationForm(request.POST if "commendation" in request.POST else None, prefix="k")
    if request.method == "POST":
        require_manager(request.user)
        try:
            if "recognise" in request.POST:
                service.recognise(practice, actor=request.user, request=request)
            elif "decide" in request.POST:
                item = get_object_or_404(practice.commendations, pk=request.POST.get("commendation_id") or 0)
                service.decide_commendation(item, request.POST["decide"], actor=request.user, request=request)
            elif "replication" in request.POST and replication_form.is_valid():
                service.add_replication(
                    practice, **replication_form.cleaned_data, actor=request.user, request=request
                )
            elif "commendation" in request.POST and commendation_form.is_valid():
                service.propose_commendation(
                    practice, **commendation_form.cleaned_data, actor=request.user, request=request
                )
            else:
                raise ValidationError(_("Vui lòng sửa các lỗi được đánh dấu bên dưới."))
        except ValidationError as exc:
            report_error(request, exc)
        else:
            messages.success(request, _("Đã lưu."))
            return redirect("evaluation:practice", pk=practice.pk)
    context = {
        "practice": practice,
        "plan": plan,
        "replications": practice.replications.select_related("unit"),
        "commendations": practice.commendations.all(),
        "replication_form": replication_form,
        "commendation_form": commendation_form,
        "can_manage": can_manage(request.user),
    }
    return render(
        request, "evaluation/practice.html", context, status=400 if request.method == "POST" else 200
    )
