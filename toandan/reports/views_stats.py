"""The statistics page and its CSV/XLSX export: without the reporter's identity, except through a deliberate
POST that states its purpose, where every identity written to the file is an audit row."""

from __future__ import annotations

import csv
import io
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from openpyxl import Workbook

from toandan.accounts.permissions import staff_required
from toandan.core.exports import safe_row
from toandan.core.forms import AccessibleForm
from toandan.reports import workflow
from toandan.reports.models import Report
from toandan.reports.stats import EXPORT_COLUMNS, compute_figures, export_rows

IDENTITY_COLUMNS = ["reporter_name", "reporter_phone", "reporter_email", "reporter_id_number"]
FORMATS = ("csv", "xlsx")


class IdentityExportForm(AccessibleForm):
    purpose = forms.CharField(
        label=gettext_lazy("Mục đích xuất danh tính"),
        min_length=10,
        max_length=200,
        error_messages={
            "required": gettext_lazy("Ghi rõ mục đích xuất danh tính người tố giác."),
            "min_length": gettext_lazy("Ghi rõ mục đích xuất danh tính (ít nhất 10 ký tự)."),
        },
    )


def is_identity_role(user: Any) -> bool:
    return user.is_superuser or user.memberships.filter(role__in=workflow.IDENTITY_ROLES).exists()


def identity_cells(request: HttpRequest, report: Report, purpose: str) -> list[str]:
    if not hasattr(report, "identity") or not workflow.can_reveal_identity(request.user, report):
        return ["", "", "", ""]
    found = workflow.reveal_identity(
        report, actor=request.user, request=request, purpose=f"export: {purpose}"
    )
    return [found.get("name", ""), found.get("phone", ""), found.get("email", ""), found.get("id_number", "")]


@staff_required
def statistics(request: HttpRequest, identity_form: IdentityExportForm | None = None) -> HttpResponse:
    reports = Report.objects.visible_to(request.user)  # type: ignore[arg-type]
    context = {
        "figures": compute_figures(reports),
        "identity_form": identity_form or IdentityExportForm(),
        "can_export_identity": is_identity_role(request.user),
    }
    return render(request, "reports/stats.html", context, status=400 if identity_form else 200)


def _file(fmt: str, columns: list[str], rows: list[list[Any]]) -> HttpResponse:
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(columns)
        writer.writerows(safe_row(row) for row in rows)
        response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        book = Workbook()
        sheet = book.active
        sheet.title = "to-giac"
        sheet.append(columns)
        for row in rows:
            sheet.append(safe_row(row))
        out = io.BytesIO()
        book.save(out)
        response = HttpResponse(
            out.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    response["Content-Disposition"] = f'attachment; filename="to-giac.{fmt}"'
    return response


@staff_required
def export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The export without any identity (a GET, as often as needed)."""
    if fmt not in FORMATS:
        raise Http404
    reports = Report.objects.visible_to(request.user)  # type: ignore[arg-type]
    return _file(fmt, list(EXPORT_COLUMNS), export_rows(reports))


@never_cache
@staff_required
@require_POST
def export_identity(request: HttpRequest, fmt: str) -> HttpResponse:
    """Identities only through a form that states the purpose; each row revealed is an audit row, like a
    deliberate click on the case page, and rows of cases outside the person's units stay blank."""
    if fmt not in FORMATS:
        raise Http404
    if not is_identity_role(request.user):
        raise PermissionDenied
    form = IdentityExportForm(request.POST)
    if not form.is_valid():
        return statistics(request, identity_form=form)
    purpose = form.cleaned_data["purpose"]
    reports = Report.objects.visible_to(request.user).select_related("identity", "unit")  # type: ignore[arg-type]
    rows = export_rows(reports)
    by_code = {r.code: r for r in reports}
    rows = [row + identity_cells(request, by_code[row[0]], purpose) for row in rows]
    response = _file(fmt, list(EXPORT_COLUMNS) + IDENTITY_COLUMNS, rows)
    response["Cache-Control"] = "private, no-store"
    return response
