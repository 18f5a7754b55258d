"""The statistics page and its CSV/XLSX export (never with the reporter's identity)."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from openpyxl import Workbook

from toandan.accounts.permissions import staff_required
from toandan.reports import workflow
from toandan.reports.models import Report
from toandan.reports.stats import EXPORT_COLUMNS, compute_figures, export_rows

IDENTITY_COLUMNS = ["reporter_name", "reporter_phone", "reporter_email", "reporter_id_number"]


def is_identity_role(user: Any) -> bool:
    return user.is_superuser or user.memberships.filter(role__in=workflow.IDENTITY_ROLES).exists()


def identity_cells(request: HttpRequest, code: str) -> list[str]:
    report = Report.objects.select_related("identity", "unit").get(code=code)
    if not hasattr(report, "identity") or not workflow.can_reveal_identity(request.user, report):
        return ["", "", "", ""]
    found = workflow.reveal_identity(report, actor=request.user, request=request, purpose="export")
    return [found.get("name", ""), found.get("phone", ""), found.get("email", ""), found.get("id_number", "")]


@staff_required
def statistics(request: HttpRequest) -> HttpResponse:
    reports = Report.objects.visible_to(request.user)  # type: ignore[arg-type]
    return render(request, "reports/stats.html", {"figures": compute_figures(reports)})


@staff_required
def export(request: HttpRequest, fmt: str) -> HttpResponse:
    """Identity columns only when an authorised person asks explicitly (?identity=1); each row revealed is
    an audit row, like a deliberate click on the case page."""
    reports = Report.objects.visible_to(request.user)  # type: ignore[arg-type]
    with_identity = request.GET.get("identity") == "1"
    if with_identity and not is_identity_role(request.user):
        raise PermissionDenied
    rows = export_rows(reports)
    columns = list(EXPORT_COLUMNS)
    if with_identity:
        columns += IDENTITY_COLUMNS
        rows = [
            row + identity_cells(request, code) for row, code in zip(rows, (r[0] for r in rows), strict=True)
        ]
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(columns)
        writer.writerows(rows)
        response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        book = Workbook()
        sheet = book.active
        sheet.title = "to-giac"
        sheet.append(columns)
        for row in rows:
            sheet.append(row)
        out = io.BytesIO()
        book.save(out)
        response = HttpResponse(
            out.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="to-giac.{fmt}"'
    return response
