"""Staff pages of case triage: the officer's decision on a suggestion, and the accuracy of suggestions."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from toandan.accounts.permissions import get_visible_or_404, staff_required
from toandan.reports.models import Report
from toandan.triage.cases import accuracy, services
from toandan.triage.forms import DecisionForm
from toandan.triage.models import CaseSuggestion


@staff_required
@require_POST
def decide(request: HttpRequest, code: str) -> HttpResponse:
    """Confirm or correct the suggested category and priority of a report the officer may see."""
    report = get_visible_or_404(Report.objects.select_related("category"), request.user, code=code)
    form = DecisionForm(request.POST)
    if form.is_valid():
        services.decide(
            report,  # type: ignore[arg-type]
            form.cleaned_data["category"],
            form.cleaned_data["priority"],
            actor=request.user,
            note=form.cleaned_data["note"],
            request=request,
        )
        messages.success(request, _("Đã lưu phân loại."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("reports:detail", code=code)


@staff_required
def accuracy_page(request: HttpRequest) -> HttpResponse:
    """How often the suggestions matched the officers' decisions, over the reports the user may see."""
    visible = CaseSuggestion.objects.filter(report__in=Report.objects.visible_to(request.user))  # type: ignore[arg-type]
    return render(request, "triage/accuracy.html", {"result": accuracy.measure(visible)})
