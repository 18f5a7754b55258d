"""The evaluation dashboard as data: targets vs actuals for the selected period and unit, trends over the
plan's periods, the ranking of communes, hot spots (communes and scam categories rising) and the commune
tile grid. The number of queries depends on the number of indicators and periods, never on the number of
records."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from toandan.evaluation import registry
from toandan.evaluation.computed import received, report_scope
from toandan.evaluation.models import Metric, Population, Target
from toandan.evaluation.selection import Selection
from toandan.evaluation.values import Line, value_of
from toandan.orgs.models import Unit
from toandan.plans.models import ReportingPeriod

TREND_PERIODS = 4
HOT_SPOTS = 10
RANK_KEY = "reports_received"
PER = 10_000  # reports per this many residents


@dataclass
class TrendPoint:
    period: ReportingPeriod
    actual: Any
    target: Any


@dataclass
class Trend:
    metric: Metric
    points: list[TrendPoint]


@dataclass
class CommuneRow:
    rank: int
    commune: Unit
    values: list[Any]
    population: Population | None = None

    @property
    def per_10k(self) -> Decimal | None:
        """Reports received per 10,000 residents (None without a population figure)."""
        if self.population is None or not self.values:
            return None
        rate = Decimal(self.values[0] or 0) * PER / self.population.residents
        return rate.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass
class Rising:
    name: str
    before: int
    now: int
    commune: Unit | None = None

    @property
    def change(self) -> int:
        return self.now - self.before


@dataclass
class Board:
    selection: Selection
    lines: list[Line] = field(default_factory=list)
    trends: list[Trend] = field(default_factory=list)
    rank_columns: list[registry.ComputedMetric] = field(default_factory=list)
    ranking: list[CommuneRow] = field(default_factory=list)
    hot_communes: list[Rising] = field(default_factory=list)
    hot_categories: list[Rising] = field(default_factory=list)
    before_label: str = ""

    @property
    def tile_values(self) -> dict[int, Any]:
        return {row.commune.pk: row.values[0] if row.values else 0 for row in self.ranking}


def _targets(metrics: list[Metric], periods: list[ReportingPeriod], unit: Unit | None) -> dict:
    rows = Target.objects.filter(metric__in=metrics, period__in=periods, unit=unit)
    return {(t.metric_id, t.period_id): t.value for t in rows}


def _trend_periods(selection: Selection) -> list[ReportingPeriod]:
    period = selection.period
    if period is None:
        return []
    same = [p for p in selection.periods if p.frequency == period.frequency and p.ends_on <= period.ends_on]
    return same[-TREND_PERIODS:]


def populations(year: int) -> dict[int, Population]:
    """Each commune's population figure for `year`: the latest entered for that year or before, else the
    earliest entered after it (one query)."""
    by_commune: dict[int, list[Population]] = {}
    for row in Population.objects.order_by("commune_id", "year"):
        by_commune.setdefault(row.commune_id, []).append(row)
    found = {}
    for commune_id, figures in by_commune.items():
        before = [p for p in figures if p.year <= year]
        found[commune_id] = before[-1] if before else figures[0]
    return found


def _ranking(selection: Selection, columns: list[registry.ComputedMetric]) -> list[CommuneRow]:
    """Communes with a population figure first, by reports per 10,000 residents; then the others by the
    number of reports (their rate cannot be told)."""
    assert selection.period is not None
    window = registry.Window(selection.plan, selection.period.starts_on, selection.period.ends_on)
    values = [spec.by_commune(window) for spec in columns]  # type: ignore[misc]
    people = populations(selection.period.ends_on.year)
    rows = [CommuneRow(0, c, [v.get(c.pk, 0) for v in values], people.get(c.pk)) for c in selection.communes]

    def order(row: CommuneRow) -> tuple:
        rate = row.per_10k
        count = row.values[0] if row.values else 0
        return (rate is None, -(rate or 0), -(count or 0), row.commune.name)

    rows.sort(key=order)
    for rank, row in enumerate(rows, start=1):
        row.rank = rank
    return rows


def _hot_spots(board: Board) -> None:
    """Communes and categories with more reports in the selected period than in the one before."""
    selection = board.selection
    period = selection.period
    assert period is not None
    before = selection.previous
    if before is not None:
        b_start, b_end = before.starts_on, before.ends_on
        board.before_label = before.label
    else:
        length = period.ends_on - period.starts_on
        b_end = period.starts_on - timedelta(days=1)
        b_start = b_end - length
        board.before_label = _("cùng số ngày liền trước")
    now = registry.Window(selection.plan, period.starts_on, period.ends_on)
    then = registry.Window(selection.plan, b_start, b_end)
    (now_start, now_end), (then_start, then_end) = now.bounds, then.bounds
    both = received(registry.Window(selection.plan, b_start, period.ends_on))
    if selection.unit is not None:
        both = both.filter(report_scope(selection.unit))
    counts = {
        "now": Count("id", filter=Q(received_at__gte=now_start, received_at__lt=now_end)),
        "before": Count("id", filter=Q(received_at__gte=then_start, received_at__lt=then_end)),
    }
    communes = {c.pk: c for c in selection.communes}
    rows = both.filter(commune__isnull=False).values("commune").annotate(**counts)
    rising = [
        Rising(communes[r["commune"]].name, r["before"], r["now"], communes[r["commune"]])
        for r in rows
        if r["now"] > r["before"] and r["commune"] in communes
    ]
    board.hot_communes = sorted(rising, key=lambda x: (-x.change, x.name))[:HOT_SPOTS]
    rows = both.values("category__name").annotate(**counts)
    rising = [Rising(r["category__name"], r["before"], r["now"]) for r in rows if r["now"] > r["before"]]
    board.hot_categories = sorted(rising, key=lambda x: (-x.change, x.name))[:HOT_SPOTS]


def build_board(selection: Selection) -> Board:
    board = Board(selection)
    period = selection.period
    if period is None:
        return board
    metrics = list(selection.plan.evaluation_metrics.select_related("plan"))
    periods = _trend_periods(selection)
    targets = _targets(metrics, periods, selection.unit)
    actual: dict[tuple[int, int], Any] = {}
    for metric in metrics:
        for p in periods:
            actual[(metric.pk, p.pk)] = value_of(metric, p, selection.unit)[0]
        board.lines.append(Line(metric, targets.get((metric.pk, period.pk)), actual[(metric.pk, period.pk)]))
        board.trends.append(
            Trend(
                metric,
                [TrendPoint(p, actual[(metric.pk, p.pk)], targets.get((metric.pk, p.pk))) for p in periods],
            )
        )
    columns = [spec for spec in registry.all_metrics() if spec.by_commune is not None]
    columns.sort(key=lambda spec: spec.key != RANK_KEY)
    board.rank_columns = columns
    board.ranking = _ranking(selection, columns)
    _hot_spots(board)
    return board
