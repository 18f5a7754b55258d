"""The evaluation dashboard of a plan (steering committee: the province and any commune; a unit leader:
their unit) and its XLSX export."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from toandan.accounts.permissions import staff_required
from toandan.core.templatetags.vi_format import format_number
from toandan.evaluation import charts
from toandan.evaluation.dashboard import build_board
from toandan.evaluation.selection import select
from toandan.evaluation.views.common import visible_plan
from toandan.evaluation.xlsx import render_board_xlsx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@staff_required
def dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    plan = visible_plan(request, pk)
    selection = select(request, plan)
    board = build_board(selection)
    period_q = {"ky": selection.period.pk} if selection.period else {}
    trend_charts = [
        (
            trend,
            charts.bars(
                f"trend-{trend.metric.pk}",
                trend.metric.name,
                [(p.period.label, p.actual, p.target) for p in trend.points],
            ),
        )
        for trend in board.trends
    ]
    rank_key = board.rank_columns[0].key if board.rank_columns else ""
    metric_by_key = {m.computed_key: m for m in plan.evaluation_metrics.all() if m.computed_key}
    rank_metric = metric_by_key.get(rank_key)
    values = board.tile_values

    def tile_link(commune_pk: int) -> str:
        if rank_metric is None:
            return "?" + urlencode({**period_q, "xa": commune_pk})
        return (
            reverse("evaluation:drill", args=[rank_metric.pk])
            + "?"
            + urlencode({**period_q, "xa": commune_pk})
        )

    by_code = sorted(selection.communes, key=lambda c: c.gso_code)
    tiles = charts.tile_grid(
        "communes",
        str(board.rank_columns[0].label) if board.rank_columns else "",
        [(c.pk, c.name, values.get(c.pk, 0)) for c in by_code],
        tile_link,
    )
    context = {
        "plan": plan,
        "selection": selection,
        "board": board,
        "trend_charts": trend_charts,
        "tiles": tiles,
        "tile_rows": [(c, format_number(values.get(c.pk, 0))) for c in by_code],
        "rank_metric": rank_metric,
    }
    return render(request, "evaluation/dashboard.html", context)


@staff_required
def export(request: HttpRequest, pk: int) -> HttpResponse:
    plan = visible_plan(request, pk)
    board = build_board(select(request, plan))
    response = HttpResponse(render_board_xlsx(board), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="danh-gia-ke-hoach-{plan.pk}.xlsx"'
    return response
