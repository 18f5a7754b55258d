"""Inspections of a plan: templates, opening one, scoring, follow-ups, conclusion and the .docx minutes."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _

from toandan.accounts.permissions import get_visible_or_404, staff_required
from toandan.evaluation.forms import FollowUpForm, OpenInspectionForm, ScoresForm, TemplateForm
from toandan.evaluation.minutes import render_minutes
from toandan.evaluation.models import Inspection, InspectionStatus
from toandan.evaluation.permissions import can_manage, dashboard_unit, require_manager
from toandan.evaluation.services import inspections as service
from toandan.evaluation.views.common import report_error, visible_plan
from toandan.identifiers.text import strip_diacritics

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@staff_required
def inspections(request: HttpRequest, pk: int) -> HttpResponse:
    plan = visible_plan(request, pk)
    dashboard_unit(request.user)
    template_form = TemplateForm(request.POST if "template" in request.POST else None, prefix="c")
    open_form = OpenInspectionForm(request.POST if "open" in request.POST else None, plan=plan, prefix="o")
    if request.method == "POST":
        require_manager(request.user)
        form = template_form if "template" in request.POST else open_form
        if form.is_valid():
            data = form.cleaned_data
            try:
                if form is template_form:
                    service.create_template(
                        plan, data["name"], data["items"], actor=request.user, request=request
                    )
                    messages.success(request, _("Đã tạo mẫu danh mục kiểm tra."))
                    return redirect("evaluation:inspections", pk=plan.pk)
                inspection = service.open_inspection(
                    data["template"],
                    data["unit"],
                    inspected_on=data["inspected_on"],
                    team=data["team"],
                    place=data["place"],
                    actor=request.user,
                    request=request,
                )
                return redirect("evaluation:inspection", pk=inspection.pk)
            except ValidationError as exc:
                form.add_error(None, exc)
    rows = (
        Inspection.objects.visible_to(request.user)  # type: ignore[attr-defined]
        .filter(template__plan=plan)
        .select_related("unit", "template")
    )
    context = {
        "plan": plan,
        "inspections": rows,
        "templates": plan.checklist_templates.prefetch_related("items"),
        "template_form": template_form,
        "open_form": open_form,
        "can_manage": can_manage(request.user),
    }
    status = 400 if template_form.errors or open_form.errors else 200
    return render(request, "evaluation/inspections.html", context, status=status)


def _inspection(request: HttpRequest, pk: int) -> Inspection:
    return get_visible_or_404(  # type: ignore[return-value]
        Inspection.objects.select_related("template__plan", "unit"), request.user, pk=pk
    )


@staff_required
def inspection_detail(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = _inspection(request, pk)
    items = list(inspection.template.items.all())
    scores = {s.item_id: s for s in inspection.scores.all()}
    initial: dict = {"findings": inspection.findings, "conclusion": inspection.conclusion}
    for item_id, s in scores.items():
        initial[f"score_{item_id}"], initial[f"note_{item_id}"] = s.score, s.note
    scores_form = ScoresForm(
        request.POST if "scores" in request.POST else None, initial=initial, items=items, prefix="s"
    )
    follow_form = FollowUpForm(request.POST if "follow" in request.POST else None, prefix="f")
    if request.method == "POST":
        require_manager(request.user)
        try:
            if "conclude" in request.POST:
                service.conclude(inspection, actor=request.user, request=request)
                messages.success(request, _("Đã kết luận cuộc kiểm tra."))
                return redirect("evaluation:inspection", pk=inspection.pk)
            if "scores" in request.POST and scores_form.is_valid():
                service.record_scores(
                    inspection,
                    scores_form.scores(),
                    findings=scores_form.cleaned_data["findings"],
                    conclusion=scores_form.cleaned_data["conclusion"],
                    actor=request.user,
                    request=request,
                )
                messages.success(request, _("Đã lưu kết quả kiểm tra."))
                return redirect("evaluation:inspection", pk=inspection.pk)
            if "follow" in request.POST and follow_form.is_valid():
                data = follow_form.cleaned_data
                service.add_follow_up(
                    inspection,
                    action=data["action"],
                    owner=data["owner"],
                    due_on=data["due_on"],
                    actor=request.user,
                    request=request,
                )
                messages.success(
                    request, _("Đã giao việc sau kiểm tra; việc được theo dõi như một nhiệm vụ của kế hoạch.")
                )
                return redirect("evaluation:inspection", pk=inspection.pk)
        except ValidationError as exc:
            report_error(request, exc)
    context = {
        "inspection": inspection,
        "plan": inspection.template.plan,
        "rows": [(item, scores.get(item.pk)) for item in items],
        "total": sum(s.score for s in scores.values()),
        "max_total": sum(i.max_score for i in items),
        "follow_ups": inspection.follow_ups.select_related("owner", "task"),
        "scores_form": scores_form,
        "follow_form": follow_form,
        "editable": can_manage(request.user) and inspection.status == InspectionStatus.DRAFT,
    }
    status = 400 if scores_form.errors or follow_form.errors or request.method == "POST" else 200
    return render(request, "evaluation/inspection.html", context, status=status)


@staff_required
def inspection_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = _inspection(request, pk)
    name = slugify(strip_diacritics(f"bien-ban-kiem-tra-{inspection.unit.name}-{inspection.inspected_on}"))
    response = HttpResponse(render_minutes(inspection), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{name}.docx"'
    return response
