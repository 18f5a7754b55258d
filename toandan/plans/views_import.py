"""Importing a plan on the web: upload, review beside the extracted text, confirm. Until confirmation the
pending import lives only in the officer's session."""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from toandan.accounts.permissions import staff_required
from toandan.core.ratelimit import hit, too_many_requests
from toandan.orgs.models import Unit
from toandan.plans.aliases import confirm_import
from toandan.plans.forms import UploadForm
from toandan.plans.importer import PlanImportError, parse_plan, read_document
from toandan.plans.review import describe_warning, pending_import
from toandan.plans.review_form import PlanReviewForm
from toandan.plans.review_ops import OperationError, absorb, merge_up, section_lead, split_task
from toandan.plans.services import DuplicatePlan, find_duplicate
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
    if request.method == "POST" and request.POST.get("op"):
        return _operate(request, token, pending)
    form = PlanReviewForm(request.POST or None, pending=pending)
    duplicate = None
    if request.method == "POST" and form.is_valid():
        try:
            plan = confirm_import(
                form.to_review(),
                mappings=form.mappings,
                to_create=form.to_create,
                corrections=form.corrections,
                actor=request.user,
                request=request,
            )
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
    rows = form.rows()
    lines = pending.get("lines") or []
    for row in rows:
        span = lines[row["index"]] if row["index"] < len(lines) else []
        row["lines"] = span
    marked: dict[int, int] = {}
    for row in rows:
        if not row["lines"]:
            continue
        for n in range(row["lines"][0], row["lines"][1] + 1):
            marked.setdefault(n, row["index"])
    source = [
        {"n": n, "text": line, "task": marked.get(n)} for n, line in enumerate(pending["text"].split("\n"))
    ]
    sections = sorted({t["ref"].split(".")[0].split("[")[0] for t in pending["draft"]["tasks"]})
    context = {
        "form": form,
        "pending": pending,
        "rows": rows,
        "unknown": form.unknown(),
        "source": source,
        "sections": sections,
        "warnings": [describe_warning(w) for w in pending["draft"].get("warnings") or []],
        "duplicate": duplicate,
    }
    return render(
        request, "plans/import_review.html", context, status=400 if form.is_bound and form.errors else 200
    )


OPERATION_ERRORS = {
    "split": _("Để tách, xuống dòng (hoặc dùng dấu “;”) giữa các phần của nhiệm vụ rồi bấm “Tách”."),
    "merge": _("Nhiệm vụ đầu tiên không có nhiệm vụ nào ở trên để gộp vào."),
    "section": _("Không có nhiệm vụ nào thuộc mục “%(section)s”."),
    "unit": _("Không tìm thấy “%(name)s” trong danh bạ; chọn từ gợi ý."),
    "task": _("Không tìm thấy nhiệm vụ cần sửa; hãy tải lại trang."),
}


def _operate(request: HttpRequest, token: str, pending: dict[str, Any]) -> HttpResponse:
    """Split, merge or re-lead on the pending import, keeping what was typed; then show the page again."""
    op, _sep, arg = request.POST["op"].partition(":")
    edited = absorb(pending, request.POST)
    anchor = ""
    try:
        if op == "split":
            count = split_task(edited, int(arg or -1))
            messages.success(request, _("Đã tách thành %(count)s nhiệm vụ.") % {"count": count})
            anchor = f"#task-{arg}"
        elif op == "merge":
            merge_up(edited, int(arg or -1))
            messages.success(request, _("Đã gộp vào nhiệm vụ ở trên."))
            anchor = f"#task-{int(arg) - 1}"
        elif op == "section":
            section = request.POST.get("section_ref", "").strip()
            text = request.POST.get("section_unit", "").strip()
            unit = PlanReviewForm(None, pending=edited).picker.one(text) if text else None
            if unit is None:
                raise OperationError("unit")
            count = section_lead(edited, section, unit.name, [unit.pk])
            messages.success(
                request,
                _("Đã giao %(unit)s chủ trì %(count)s nhiệm vụ của mục %(section)s.")
                % {"unit": unit.name, "count": count, "section": section},
            )
        else:
            raise OperationError("task")
    except (OperationError, ValueError) as exc:
        code = exc.args[0] if isinstance(exc, OperationError) else "task"
        template = OPERATION_ERRORS.get(code, OPERATION_ERRORS["task"])
        messages.error(
            request,
            str(template)
            % {"section": request.POST.get("section_ref", ""), "name": request.POST.get("section_unit", "")},
        )
        edited = absorb(pending, request.POST)  # keep the typing even when the operation is refused
    store = request.session.get(SESSION_KEY, {})
    store[token] = edited
    request.session[SESSION_KEY] = store
    return redirect(reverse("plans:import_review", kwargs={"token": token}) + anchor)


@staff_required
@require_GET
def unit_search(request: HttpRequest) -> HttpResponse:
    """Units whose name, short name or alias contains the typed text: the picker's suggestions (≤ 20)."""
    _require_importer(request)
    if hit(request, "plan-unit-search", "120/m", key=f"user:{request.user.pk}"):
        return too_many_requests(request)
    query = " ".join(request.GET.get("q", "").split())[:80]
    if len(query) < 2:
        return JsonResponse({"units": []})
    units = (
        Unit.objects.filter(
            Q(name__icontains=query) | Q(short_name__icontains=query) | Q(aliases__icontains=query)
        )
        .order_by("-is_active", "name")
        .values("pk", "name", "is_active")[:20]
    )
    return JsonResponse(
        {"units": [{"id": u["pk"], "name": u["name"], "active": u["is_active"]} for u in units]}
    )
