"""Pages of the standing agency and administrators: import external lists, manage partners' API tokens."""

from __future__ import annotations

from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from toandan.accounts.permissions import admin_required, staff_required
from toandan.indicators import importing, partners, status
from toandan.indicators.forms import ImportForm, TokenForm
from toandan.indicators.models import ImportBatch, Partner, PartnerAccess, PartnerToken
from toandan.indicators.views_staff import tabs


def province_decider_required(view: Any) -> Any:
    @wraps(view)
    @staff_required
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not status.is_province_decider(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@province_decider_required
def import_list(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[importing.RowError] = []
    status_code = 200
    if request.method == "POST":
        status_code = 400
        if form.is_valid():
            data = form.cleaned_data
            upload = data["file"]
            try:
                batch = importing.import_list(
                    upload.read(),
                    fmt=data["file_format"],
                    kind=data["kind"],
                    status=data["status"],
                    source=data["source"],
                    source_url=data["source_url"],
                    note=data["note"],
                    file_name=upload.name or "",
                    skip_invalid=data["skip_invalid"],
                    actor=request.user,
                    request=request,
                )
            except importing.ImportRejected as exc:
                form.add_error(None, str(exc))
                errors = exc.errors[:200]
            else:
                messages.success(
                    request,
                    _("Đã nhập %(new)s dấu hiệu mới, %(known)s đã có, bỏ qua %(skipped)s dòng.")
                    % {"new": batch.rows_new, "known": batch.rows_known, "skipped": batch.rows_skipped},
                )
                return redirect("indicators:import")
    batches = ImportBatch.objects.select_related("imported_by")[:50]
    return render(
        request,
        "indicators/staff/import.html",
        {"form": form, "errors": errors, "batches": batches, **tabs(request.user)},
        status=status_code,
    )


@admin_required
def partner_list(request: HttpRequest) -> HttpResponse:
    context = {
        "partners": Partner.objects.prefetch_related("tokens"),
        "accesses": PartnerAccess.objects.select_related("partner", "token")[:50],
        "token_form": TokenForm(),
        **tabs(request.user),
    }
    return render(request, "indicators/staff/partners.html", context)


@admin_required
@require_POST
def issue_token(request: HttpRequest, pk: int) -> HttpResponse:
    partner = get_object_or_404(Partner, pk=pk)
    form = TokenForm(request.POST)
    label = form.cleaned_data["label"] if form.is_valid() else ""
    try:
        row, token = partners.issue_token(partner, actor=request.user, label=label, request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("indicators:partners")
    # Shown once, in this response only: never stored in clear, never put in a message cookie.
    response = render(
        request, "indicators/staff/token_issued.html", {"partner": partner, "row": row, "token": token}
    )
    response["Cache-Control"] = "no-store"
    return response


@admin_required
@require_POST
def revoke_token(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(PartnerToken, pk=pk)
    try:
        partners.revoke_token(token, actor=request.user, request=request)
        messages.success(request, _("Đã thu hồi khóa %(prefix)s.") % {"prefix": token.prefix})
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("indicators:partners")
