"""Importing a plan on the web: upload, review beside the extracted text, confirm. Until confirmation the
pending import lives only in the officer's session."""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from toandan.accounts.permissions import staff_required
from toandan.plans.forms import UploadForm
from toandan.plans.importer import PlanImportError, parse_plan, read_document
from toandan.plans.review import describe_warning, pending_import
from toandan.plans.review_form import PlanReviewForm
from toandan.plans.services import DuplicatePlan, create_plan, find_duplicate
from toandan.plans.tracking import can_import

SESSION_KEY = "plan_imports"
MAX_PENDING = 3


def _require_importer(request: HttpRequest) -> None:
    if not can_import(request.user):
        raise PermissionDenied


def _keep(request: HttpRequest, pending: dict[str, Any]) -> str:
    store: dict[str, Any] = request.session.get(SESSION_KEY, {})
    token = secrets.token_urlsafe(9)
    store[token] = pending
    while len(store) > MAX_PENDING:
        store.pop(next(iter(store)))
    request.session[SESSION_KEY] = store
    return token


def _drop(request: HttpRequest, token: str) -> None:
    store = request.session.get(SESSION_KEY, {})
    store.pop(token, None)
    request.session[SESSION_KEY] = store


@staff_required
def import_upload(request: HttpRequest) -> HttpResponse:
    _require_importer(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    duplicate = None
    if request.method == "POST" and form.is_valid():
        data, name = form.cleaned_data["document"]
        try:
            text = read_document(data, name)
            draft = parse_plan(text)
        except PlanImportError as exc:
            form.add_error("document", exc.message)
        else:
            duplicate = find_duplicate(draft.number, draft.date) if draft.number else None
            if duplicate is not None:
                form.add_error("document", DuplicatePlan(duplicate).messages[0])
            else:
                token = _keep(request, pending_import(draft, text, name))
                return redirect("plans:import_review", token=token)
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "plans/import_upload.html", {"form": form, "duplicate": duplicate}, status=status)


@staff_required
def import_review(request: HttpRequest, token: str) -> HttpResponse:
    _require_importer(request)
    pending = request.session.get(SESSION_KEY, {}).get(token)
    if pending is None:
        messages.error(
            request, _("Bản xem trước không còn (đã lưu, đã hủy hoặc hết phiên). Hãy tải tệp lên lại.")
        )
        return redirect("plans:import")
    if request.method == "POST" and "cancel" in request.POST:
        _drop(request, token)
        messages.info(request, _("Đã hủy nhập kế hoạch; không có gì được lưu."))
        return redirect("plans:list")
    form = PlanReviewForm(request.POST or None, pending=pending)
    duplicate = None
    if request.method == "POST" and form.is_valid():
        try:
            plan = create_plan(form.to_review(), actor=request.user, request=request)
        except DuplicatePlan as exc:
            duplicate = exc.plan
            form.add_error(None, exc.messages[0])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            _drop(request, token)
            messages.success(
                request,
                _("Đã lưu kế hoạch %(number)s với %(count)s nhiệm vụ.")
                % {"number": plan.number, "count": plan.tasks.count()},
            )
            return redirect("plans:detail", pk=plan.pk)
    context = {
        "form": form,
        "pending": pending,
        "rows": form.rows(),
        "warnings": [describe_warning(w) for w in pending["draft"].get("warnings") or []],
        "duplicate": duplicate,
    }
    return render(
        request, "plans/import_review.html", context, status=400 if form.is_bound and form.errors else 200
    )
