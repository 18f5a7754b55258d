"""Computed indicators from the records on this branch: reports (received, resolved within the legal
deadline, money lost), scam indicators (confirmed, partner feed pulls) and plans (implementing plans issued
on time). Each returns the queryset of what it counts, so every figure can be opened into its records."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from types import SimpleNamespace
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toandan.evaluation.registry import Window, register
from toandan.indicators.models import IndicatorRecord, PartnerAccess
from toandan.indicators.models.records import EventKind as IndicatorEventKind
from toandan.orgs.models import Unit, UnitKind
from toandan.plans.models import Plan
from toandan.reports.deadlines import compute as report_deadlines
from toandan.reports.models import EventKind, Report, ReportEvent, Status


def report_scope(unit: Unit | None) -> Q:
    """Reports of a commune are those that happened there; of any other unit, those it or its sub-units
    handle."""
    if unit is None:
        return Q()
    if unit.kind == UnitKind.COMMUNE:
        return Q(commune=unit)
    return Q(unit__path__startswith=unit.path)


def received(window: Window, unit: Unit | None = None) -> QuerySet:
    start, end = window.bounds
    return Report.objects.filter(report_scope(unit), received_at__gte=start, received_at__lt=end)


def reports_received(window: Window, unit: Unit | None) -> tuple[int, QuerySet]:
    qs = received(window, unit)
    return qs.count(), qs


def reports_received_by_commune(window: Window) -> dict[int, int]:
    rows = received(window).filter(commune__isnull=False).values("commune").annotate(n=Count("id"))
    return {r["commune"]: r["n"] for r in rows}


# One dashboard asks for the same window's resolved reports several times (figure, trend, ranking): within
# `memo()` the rows are computed once per window and unit.
_memo: ContextVar[dict | None] = ContextVar("evaluation_resolved_memo", default=None)


@contextmanager
def memo() -> Iterator[None]:
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def resolved_in_time_rows(window: Window, unit: Unit | None = None) -> list[tuple[int, int | None]]:
    cache = _memo.get()
    key = (window.starts_on, window.ends_on, unit.pk if unit else None)
    if cache is not None and key in cache:
        return cache[key]
    rows = _resolved_in_time_rows(window, unit)
    if cache is not None:
        cache[key] = rows
    return rows


# The history rows the legal deadlines and the resolution time depend on (reports.deadlines.compute).
DEADLINE_KINDS = [EventKind.STATUS, EventKind.ACCEPTED, EventKind.EXTENSION, EventKind.PROCURACY_NOTIFIED]


def _resolved_in_time_rows(window: Window, unit: Unit | None = None) -> list[tuple[int, int | None]]:
    """(report id, commune id) of reports resolved in the window no later than their final legal deadline
    (the deadline rules of reports.deadlines, over each report's history: two queries whatever the count;
    plain rows rather than model instances, which would cost more than the deadline rules themselves)."""
    start, end = window.bounds
    resolutions = ReportEvent.objects.filter(kind=EventKind.STATUS, to_status=Status.RESOLVED)
    reports = Report.objects.filter(report_scope(unit), status=Status.RESOLVED).filter(
        pk__in=resolutions.filter(at__gte=start, at__lt=end).values("report_id")
    )
    history: dict[int, list[SimpleNamespace]] = defaultdict(list)
    events = (
        ReportEvent.objects.filter(report__in=reports.values("pk"), kind__in=DEADLINE_KINDS)
        .order_by("report_id", "at", "id")
        .values_list("report_id", "kind", "to_status", "at", "data")
    )
    for report_id, kind, to_status, at, data in events:
        history[report_id].append(SimpleNamespace(kind=kind, to_status=to_status, at=at, data=data or {}))
    rows = []
    fields = ("id", "commune_id", "track", "received_at", "status", "multi_place")
    for values in reports.values_list(*fields):
        report = SimpleNamespace(**dict(zip(fields, values, strict=True)))
        story = history.get(report.id, [])
        done_at = next(
            (e.at for e in reversed(story) if e.kind == EventKind.STATUS and e.to_status == Status.RESOLVED),
            None,
        )
        if done_at is None or not start <= done_at < end:
            continue  # resolved again after the window: its last resolution counts in that later period
        steps = report_deadlines(report, story)  # type: ignore[arg-type]
        if steps and timezone.localdate(done_at) <= steps[-1].due:
            rows.append((report.id, report.commune_id))
    return rows


def resolved_in_time(window: Window, unit: Unit | None) -> tuple[int, QuerySet]:
    ids = [pk for pk, _commune in resolved_in_time_rows(window, unit)]
    return len(ids), Report.objects.filter(pk__in=ids)


def resolved_in_time_by_commune(window: Window) -> dict[int, int]:
    return dict(Counter(c for _pk, c in resolved_in_time_rows(window) if c is not None))


def money_lost(window: Window, unit: Unit | None) -> tuple[int, QuerySet]:
    qs = received(window, unit).filter(money_lost__gt=0)
    return qs.aggregate(s=Sum("money_lost"))["s"] or 0, qs


def money_lost_by_commune(window: Window) -> dict[int, int]:
    rows = (
        received(window)
        .filter(commune__isnull=False, money_lost__gt=0)
        .values("commune")
        .annotate(s=Sum("money_lost"))
    )
    return {r["commune"]: r["s"] for r in rows}


def indicators_confirmed(window: Window, unit: Unit | None) -> tuple[int, QuerySet]:
    """Indicators confirmed as scams in the window; for a unit, those linked to its reports."""
    start, end = window.bounds
    qs = IndicatorRecord.objects.filter(
        events__kind=IndicatorEventKind.CONFIRMED, events__at__gte=start, events__at__lt=end
    )
    if unit is not None:
        qs = qs.filter(report_links__report__in=Report.objects.filter(report_scope(unit)).values("pk"))
    qs = IndicatorRecord.objects.filter(pk__in=qs.values("pk"))
    return qs.count(), qs


def feed_pulls(window: Window, unit: Unit | None) -> tuple[int, QuerySet]:
    start, end = window.bounds
    qs = PartnerAccess.objects.filter(at__gte=start, at__lt=end)
    return qs.count(), qs


def implementing_plans_on_time(window: Window, unit: Unit | None) -> tuple[int, QuerySet]:
    """Units expected to implement the plan that issued their implementing plan by the deadline (the
    indicator's own, else the window's last day)."""
    deadline = window.deadline or window.ends_on
    expected = window.plan.expected_implementers.all()
    if unit is not None:
        expected = expected.filter(path__startswith=unit.path)
    on_time = Plan.objects.filter(implements=window.plan, issued_on__lte=deadline).values("issuer")
    qs = expected.filter(pk__in=on_time).order_by("name")
    return qs.count(), qs


def _local(value: Any) -> str:
    return timezone.localtime(value).strftime("%d/%m/%Y %H:%M") if value else ""


REPORT_COLUMNS = [
    (_("Mã"), lambda r: r.code),
    (_("Tiếp nhận"), lambda r: _local(r.received_at)),
    (_("Loại"), lambda r: r.category.name),
    (_("Xã, phường"), lambda r: r.commune.name if r.commune else ""),
    (_("Đơn vị xử lý"), lambda r: r.unit.name),
    (_("Trạng thái"), lambda r: r.get_status_display()),
    (_("Số tiền bị mất (đồng)"), lambda r: r.money_lost or 0),
]

REPORT_RELATED = ("category", "commune", "unit")

register(
    "reports_received",
    _("Tố giác tiếp nhận"),
    _("tố giác"),
    reports_received,
    by_commune=reports_received_by_commune,
    columns=REPORT_COLUMNS,
    select_related=REPORT_RELATED,
)
register(
    "reports_resolved_in_time",
    _("Tố giác giải quyết đúng hạn luật định"),
    _("tố giác"),
    resolved_in_time,
    by_commune=resolved_in_time_by_commune,
    columns=REPORT_COLUMNS,
    select_related=REPORT_RELATED,
)
register(
    "money_lost",
    _("Số tiền người dân bị mất theo tố giác"),
    _("đồng"),
    money_lost,
    by_commune=money_lost_by_commune,
    columns=REPORT_COLUMNS,
    select_related=REPORT_RELATED,
)
register(
    "indicators_confirmed",
    _("Dấu hiệu lừa đảo được xác nhận"),
    _("dấu hiệu"),
    indicators_confirmed,
    columns=[(_("Loại"), lambda i: i.kind_label), (_("Giá trị"), lambda i: i.display or i.value)],
)
register(
    "feed_pulls",
    _("Lượt đối tác lấy danh sách dấu hiệu"),
    _("lượt"),
    feed_pulls,
    columns=[
        (_("Thời điểm"), lambda a: _local(a.at)),
        (_("Đối tác"), lambda a: a.partner.name),
        (_("Định dạng"), lambda a: a.feed),
        (_("Số mục"), lambda a: a.items),
    ],
    select_related=("partner",),
    per_unit=False,
)
register(
    "implementing_plans_on_time",
    _("Đơn vị ban hành kế hoạch thực hiện đúng hạn"),
    _("đơn vị"),
    implementing_plans_on_time,
    columns=[(_("Đơn vị"), lambda u: u.name)],
)
