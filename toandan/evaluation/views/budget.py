"""A plan's budget: estimates by task, unit and source, spending, and totals for a period."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from toandan.accounts.permissions import staff_required
from toandan.evaluation.forms import BudgetLineForm, SpendingForm
from toandan.evaluation.models import BudgetLine
from toandan.evaluation.permissions import can_manage, require_manager
from toandan.evaluation.selection import select
from toandan.evaluation.services.budget import budget_summary, record_spending, set_estimate
from toandan.evaluation.views.common import visible_plan


@staff_required
def budget(request: HttpRequest, pk: int) -> HttpResponse:
    plan = visible_plan(request, pk)
    selection = select(request, plan)
    lines = BudgetLine.objects.visible_to(request.user).filter(task__plan=plan).select_related("task", "unit")
    line_form = BudgetLineForm(request.POST if "estimate" in request.POST else None, plan=plan, prefix="b")
    spending_form = SpendingForm(request.POST if "spend" in request.POST else None, lines=lines, prefix="s")
    if request.method == "POST":
        require_manager(request.user)
        form = line_form if "estimate" in request.POST else spending_form
        if form.is_valid():
            data = form.cleaned_data
            try:
                if form is line_form:
                    set_estimate(
                        data["task"],
                        data["unit"],
                        data["source"],
                        data["estimate"],
                        actor=request.user,
                        request=request,
                    )
                else:
                    record_spending(
                        data["line"],
                        spent_on=data["spent_on"],
                        amount=data["amount"],
                        note=data["note"],
                        actor=request.user,
                        request=request,
                    )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Đã lưu."))
                return redirect("evaluation:budget", pk=plan.pk)
    period = selection.period
    context = {
        "plan": plan,
        "selection": selection,
        "lines": lines,
        "whole": budget_summary(plan, user=request.user),
        "in_period": budget_summary(plan, period.starts_on, period.ends_on, request.user) if period else None,
        "line_form": line_form,
        "spending_form": spending_form,
        "can_manage": can_manage(request.user),
    }
    status = 400 if line_form.errors or spending_form.errors else 200
    return render(request, "evaluation/budget.html", context, status=status)
