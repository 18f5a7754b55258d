"""The plan list, the plan dashboard, an assignment with its updates, and attachment downloads."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from toandan.accounts.permissions import get_visible_or_404, is_province_wide, staff_required
from toandan.core.files import download_view
from toandan.plans.dashboard import plan_dashboard
from toandan.plans.forms import RulesForm, UpdateForm
from toandan.plans.models import Assignment, Plan, ProgressAttachment, ProgressUpdate
from toandan.plans.services import set_reporting_rules
from toandan.plans.tracking import can_import, can_write_for, post_update


@staff_required
def plan_list(request: HttpRequest) -> HttpResponse:
    plans = Plan.objects.visible_to(request.user).select_related("issuer", "implements")  # type: ignore[arg-type]
    return render(request, "plans/list.html", {"plans": plans, "can_import": can_import(request.user)})


def _plan(request: HttpRequest, pk: int) -> Plan:
    return get_visible_or_404(Plan.objects.select_related("issuer", "implements"), request.user, pk=pk)  # type: ignore[return-value]


@staff_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    board = plan_dashboard(plan, request.user)
    rules = list(plan.reporting_rules.all())
    rules_form = RulesForm(
        initial={
            "frequencies": [r.frequency for r in rules],
            "due_working_days": rules[0].due_working_days if rules else 1,
        }
    )
    context = {
        "plan": plan,
        "board": board,
        "province_wide": is_province_wide(request.user),
        "can_configure": can_import(request.user),
        "rules_form": rules_form,
        "children": plan.implementing_plans.select_related("issuer"),
    }
    return render(request, "plans/detail.html", context)


@staff_required
@require_POST
def plan_rules(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    if not can_import(request.user):
        raise PermissionDenied
    form = RulesForm(request.POST)
    if form.is_valid():
        set_reporting_rules(
            plan,
            form.cleaned_data["frequencies"],
            form.cleaned_data["due_working_days"],
            actor=request.user,
            request=request,
        )
        messages.success(request, _("Đã cập nhật chế độ báo cáo."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("plans:detail", pk=plan.pk)


def _assignment_context(request: HttpRequest, assignment: Assignment, form: UpdateForm) -> dict:
    updates = list(
        assignment.updates.select_related("author").prefetch_related("values__indicator", "attachments")
    )
    return {
        "assignment": assignment,
        "plan": assignment.task.plan,
        "status": assignment.current_status(),
        "updates": updates,
        "form": form,
        "can_write": can_write_for(request.user, assignment.unit),
    }


@staff_required
def assignment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    assignment: Assignment = get_visible_or_404(  # type: ignore[assignment]
        Assignment.objects.select_related("task__plan", "unit"), request.user, pk=pk
    )
    indicators = list(assignment.task.plan.indicators.all())
    form = UpdateForm(request.POST or None, request.FILES or None, indicators=indicators)
    if request.method == "POST":
        if not can_write_for(request.user, assignment.unit):
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                post_update(
                    assignment,
                    actor=request.user,
                    state=data["state"],
                    narrative=data["narrative"],
                    values=form.values(),
                    links=data["links"],
                    files=data["files"],
                    request=request,
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Đã cập nhật tiến độ."))
                return redirect("plans:assignment", pk=assignment.pk)
    context = _assignment_context(request, assignment, form)
    return render(request, "plans/assignment.html", context, status=400 if form.errors else 200)


def _attachment(request: HttpRequest, pk: int) -> ProgressAttachment:
    item = get_object_or_404(ProgressAttachment, pk=pk)
    get_visible_or_404(ProgressUpdate.objects, request.user, pk=item.update_id)
    return item


attachment = staff_required(download_view(_attachment))
