"""Event figures for the plan's indicators, read by the evaluation registry (which finds `METRICS` here; this
app never imports evaluation): events held, people trained and their average learning gain. Each function
takes the evaluation window (`bounds`) and a unit or None (the province) and returns the value with the
records it counts.

An event counts in the window it started in, once it is over and was not cancelled or left a draft. For a
unit: the events it (or a unit under it) organised, and for a commune also those held in the commune. The
drill-downs never show participants' names or contacts.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Avg, Count, F, FloatField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toandan.events.models import Event, EventStatus, Participant, ParticipantStatus, Phase, TestAttempt
from toandan.orgs.models import UnitKind


def held(window: Any, unit: Any = None) -> QuerySet:
    start, end = window.bounds
    qs = Event.objects.filter(
        status=EventStatus.PUBLISHED, starts_at__gte=start, starts_at__lt=end, ends_at__lt=timezone.now()
    )
    if unit is None:
        return qs
    mine = Q(organiser__path__startswith=unit.path)
    if unit.kind == UnitKind.COMMUNE:
        mine |= Q(commune=unit)
    return qs.filter(mine)


def events_held(window: Any, unit: Any) -> tuple[int, QuerySet]:
    qs = held(window, unit)
    return qs.count(), qs


def trained(window: Any, unit: Any = None) -> QuerySet:
    """People checked in at the events held."""
    return Participant.objects.filter(
        event__in=held(window, unit).values("pk"), status=ParticipantStatus.ATTENDED
    )


def people_trained(window: Any, unit: Any) -> tuple[int, QuerySet]:
    qs = trained(window, unit)
    return qs.count(), qs


def people_trained_by_commune(window: Any) -> dict[int, int]:
    """By the commune the event was held in."""
    rows = (
        trained(window)
        .filter(event__commune__isnull=False)
        .values(c=F("event__commune"))
        .annotate(n=Count("id"))
    )
    return {r["c"]: r["n"] for r in rows}


def _percent(phase: str) -> Subquery:
    attempt = TestAttempt.objects.filter(participant=OuterRef("pk"), phase=phase, total__gt=0)
    value = Cast("score", FloatField()) * 100.0 / Cast("total", FloatField())
    return Subquery(attempt.annotate(p=value).values("p")[:1], output_field=FloatField())


def tested(window: Any, unit: Any = None) -> QuerySet:
    """People who took both the before- and the after-test at the events held, with both scores (%)."""
    return (
        trained(window, unit)
        .annotate(before=_percent(Phase.BEFORE), after=_percent(Phase.AFTER))
        .filter(before__isnull=False, after__isnull=False)
    )


def learning_gain(window: Any, unit: Any) -> tuple[Decimal | None, QuerySet]:
    """Mean of (after-test − before-test) in percentage points over the people who took both."""
    qs = tested(window, unit)
    mean = qs.aggregate(g=Avg(F("after") - F("before")))["g"]
    value = None if mean is None else Decimal(str(mean)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return value, qs


def _when(value: Any) -> str:
    return timezone.localtime(value).strftime("%d/%m/%Y") if value else ""


EVENT_COLUMNS = [
    (_("Ngày"), lambda e: _when(e.starts_at)),
    (_("Sự kiện"), lambda e: e.title),
    (_("Hình thức"), lambda e: e.get_kind_display()),
    (_("Đơn vị tổ chức"), lambda e: e.organiser.name),
    (_("Xã, phường"), lambda e: e.commune.name if e.commune else ""),
]
PERSON_COLUMNS = [
    (_("Ngày"), lambda p: _when(p.event.starts_at)),
    (_("Sự kiện"), lambda p: p.event.title),
    (_("Đối tượng"), lambda p: p.get_audience_display()),
    (_("Đơn vị"), lambda p: p.unit.name if p.unit else ""),
]
TESTED_COLUMNS = [
    *PERSON_COLUMNS,
    (_("Trước (%)"), lambda p: round(p.before, 1)),
    (_("Sau (%)"), lambda p: round(p.after, 1)),
]

METRICS: list[dict[str, Any]] = [
    {
        "key": "events_held",
        "label": _("Buổi tuyên truyền, hội nghị, tập huấn đã tổ chức"),
        "unit_label": _("buổi"),
        "compute": events_held,
        "columns": EVENT_COLUMNS,
        "select_related": ("organiser", "commune"),
    },
    {
        "key": "people_trained",
        "label": _("Lượt người tham dự tuyên truyền, tập huấn"),
        "unit_label": _("lượt người"),
        "compute": people_trained,
        "by_commune": people_trained_by_commune,
        "columns": PERSON_COLUMNS,
        "select_related": ("event", "unit"),
    },
    {
        "key": "learning_gain",
        "label": _("Mức tăng điểm kiểm tra trước – sau tập huấn (trung bình)"),
        "unit_label": _("điểm phần trăm"),
        "compute": learning_gain,
        "columns": TESTED_COLUMNS,
        "select_related": ("event", "unit"),
    },
]
