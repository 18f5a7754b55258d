"""The statistics page and its CSV/XLSX export (never with the reporter's identity)."""

from __future__ import annotations

import csv
import io

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from openpyxl import Workbook

from toandan.accounts.permissions import staff_required
from toandan.reports.models import Report
from toandan.reports.stats import EXPORT_COLUMNS, compute_figures, export_rows


@staff_required
def statistics(request: HttpRequest) -> HttpResponse:
    reports = Report.objects.visible_to(request.user)  # type: ignore[arg-type]
    return render(request, "reports/stats.html", {"figures": compute_figures(reports)})


@staff_required
def export(request: HttpRequest, fmt: str) -> HttpResponse:
    rows = export_rows(Report.objects.visible_to(request.user))  # type: ignore[arg-type]
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(EXPORT_COLUMNS)
        writer.writerows(rows)
        response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        book = Workbook()
        sheet = book.active
        sheet.title = "to-giac"
        sheet.append(EXPORT_COLUMNS)
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
