"""Computed indicators from the records below evaluation: reports (received, resolved within the legal
deadline, money lost and recovered), scam indicators (confirmed, partner feed pulls) and plans (implementing
plans issued on time). Each returns the queryset of what it counts, so every figure can be opened into its
records."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toandan.evaluation.registry import Window, register
from toandan.indicators.models import IndicatorRecord, PartnerAccess
from toandan.indicators.models.records import EventKind as IndicatorEventKind
from toandan.orgs.models import Unit, UnitKind
from toandan.plans.models import Plan
from toandan.reports.models import Report


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


def resolved_in_time_qs(window: Window, unit: Unit | None = None) -> QuerySet:
    """Reports last resolved in the window no later than their final legal due date (stored on the report
    at resolution by reports.resolution, from the deadline rules over its history)."""
    start, end = window.bounds
    return Report.objects.filter(
        report_scope(unit), resolved_in_time=True, resolved_at__gte=start, resolved_at__lt=end
    )


def resolved_in_time(window: Window, unit: Unit | None) -> tuple[int, QuerySet]:
    qs = resolved_in_time_qs(window, unit)
    return qs.count(), qs


def resolved_in_time_by_commune(window: Window) -> dict[int, int]:
    rows = resolved_in_time_qs(window).filter(commune__isnull=False).values("commune").annotate(n=Count("id"))
    return {r["commune"]: r["n"] for r in rows}


def money_lost(window: Window, unit: Unit | None) -> tuple[int, QuerySet]:
    # Once per incident: a story sent again (a likely repeat or a marked duplicate) adds no money.
    qs = received(window, unit).incidents().filter(money_lost__gt=0)
    return qs.aggregate(s=Sum("money_lost"))["s"] or 0, qs


def money_lost_by_commune(window: Window) -> dict[int, int]:
    rows = (
        received(window)
        .incidents()
        .filter(commune__isnull=False, money_lost__gt=0)
        .values("commune")
        .annotate(s=Sum("money_lost"))
    )
    return {r["commune"]: r["s"] for r in rows}


def money_recovered(window: Window, unit: Unit | None) -> tuple[int, QuerySet]:
    """Money recovered and returned to the victims, as last recorded by the officers, for the reports
    received in the window (the same reports as money lost, so the two compare)."""
    qs = received(window, unit).filter(money_recovered__gt=0)
    return qs.aggregate(s=Sum("money_recovered"))["s"] or 0, qs


def money_recovered_by_commune(window: Window) -> dict[int, int]:
    rows = (
        received(window)
        .filter(commune__isnull=False, money_recovered__gt=0)
        .values("commune")
        .annotate(s=Sum("money_recovered"))
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
    (_("Số tiền đã thu hồi (đồng)"), lambda r: r.money_recovered or 0),
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
    "money_recovered",
    _("Số tiền thu hồi, trả lại người bị hại theo tố giác"),
    _("đồng"),
    money_recovered,
    by_commune=money_recovered_by_commune,
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
