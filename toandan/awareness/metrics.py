"""Awareness figures for the plan's indicators, read by the evaluation registry (which finds `METRICS` here;
this app never imports evaluation): quiz participation and average score, articles and warnings published,
and their reach (page views, feed pulls, audio plays, prints). Each function takes the evaluation window
(`starts_on`, `ends_on`, `bounds`) and a unit or None (the province) and returns the value with the records it
counts.

Quiz attempts keep only their month (no day, by design: nothing that could single a person out), so they
count in the window that holds the first day of their month; with Decree 09 windows (15th → 14th) each
month falls in exactly one monthly, quarterly or annual window.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Avg, FloatField, Q, QuerySet, Sum
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from toandan.awareness.models import Channel, ContentItem, Kind, QuizAttempt, ReachDay, Status
from toandan.orgs.models import UnitKind

# Average share of correct answers of one attempt, in percent.
PERCENT = Cast("score", FloatField()) * 100.0 / Cast("total", FloatField())


def _one_decimal(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


# Quizzes


def attempts(window: Any, unit: Any = None) -> QuerySet:
    """Attempts of the months whose first day is in the window; for a commune those who named it, for
    another unit those who named a commune under it."""
    qs = QuizAttempt.objects.filter(month__gte=window.starts_on, month__lte=window.ends_on, total__gt=0)
    if unit is None:
        return qs
    if unit.kind == UnitKind.COMMUNE:
        return qs.filter(commune=unit)
    return qs.filter(commune__path__startswith=unit.path)


def quiz_attempts(window: Any, unit: Any) -> tuple[int, QuerySet]:
    qs = attempts(window, unit)
    return qs.count(), qs


def quiz_average(window: Any, unit: Any) -> tuple[Decimal | None, QuerySet]:
    """Mean share of correct answers per attempt, in percent (None without attempts)."""
    qs = attempts(window, unit)
    return _one_decimal(qs.aggregate(m=Avg(PERCENT))["m"]), qs


def quiz_average_by_commune(window: Any) -> dict[int, Decimal | None]:
    rows = attempts(window).filter(commune__isnull=False).values("commune").annotate(m=Avg(PERCENT))
    return {r["commune"]: _one_decimal(r["m"]) for r in rows}


# Content published


PUBLISHED = Q(status__in=[Status.PUBLISHED, Status.ARCHIVED]) | Q(status=Status.SCHEDULED)


def published(window: Any, unit: Any, kinds: list[str]) -> QuerySet:
    """Items of these kinds that went public in the window (still public or archived since); for a unit,
    those it owns (or a unit under it) or, for a commune, that concern it."""
    start, end = window.bounds
    qs = ContentItem.objects.filter(
        PUBLISHED,
        kind__in=kinds,
        published_at__gte=start,
        published_at__lt=end,
        published_at__lte=timezone.now(),
    )
    if unit is not None:
        mine = Q(unit__path__startswith=unit.path)
        if unit.kind == UnitKind.COMMUNE:
            mine |= Q(communes=unit)
        qs = ContentItem.objects.filter(pk__in=qs.filter(mine).values("pk"))
    return qs


def content_published(window: Any, unit: Any) -> tuple[int, QuerySet]:
    qs = published(window, unit, [Kind.ARTICLE, Kind.WARNING])
    return qs.count(), qs


def warnings_published(window: Any, unit: Any) -> tuple[int, QuerySet]:
    qs = published(window, unit, [Kind.WARNING])
    return qs.count(), qs


# Reach: counters per day, item and channel (no cookie, address or person: awareness.reach)


def reach_rows(window: Any, unit: Any, channel: str) -> QuerySet:
    qs = ReachDay.objects.filter(channel=channel, day__gte=window.starts_on, day__lte=window.ends_on)
    if unit is not None:
        qs = qs.filter(item__unit__path__startswith=unit.path)
    return qs


def _reach(channel: str) -> Any:
    def compute(window: Any, unit: Any) -> tuple[int, QuerySet]:
        qs = reach_rows(window, unit, channel)
        return qs.aggregate(n=Sum("count"))["n"] or 0, qs

    compute.__name__ = f"reach_{channel}"
    return compute


def _day(value: Any) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


ATTEMPT_COLUMNS = [
    (_("Tháng"), lambda a: a.month.strftime("%m/%Y")),
    (_("Bộ câu hỏi"), lambda a: a.bank.title),
    (_("Xã, phường"), lambda a: a.commune.name if a.commune else ""),
    (_("Nhóm tuổi"), lambda a: a.get_age_group_display() if a.age_group else ""),
    (_("Số câu đúng"), lambda a: f"{a.score}/{a.total}"),
]
CONTENT_COLUMNS = [
    (_("Ngày đăng"), lambda c: _day(timezone.localtime(c.published_at))),
    (_("Loại"), lambda c: c.get_kind_display()),
    (_("Tiêu đề"), lambda c: c.title),
    (_("Đơn vị"), lambda c: c.unit.name),
    (_("Trạng thái"), lambda c: c.get_status_display()),
]
REACH_COLUMNS = [
    (_("Ngày"), lambda r: _day(r.day)),
    (_("Nội dung"), lambda r: r.item.title if r.item else _("Toàn bộ kênh tin")),
    (_("Kênh"), lambda r: r.get_channel_display()),
    (_("Số lượt"), lambda r: r.count),
]


def _reach_metric(key: str, label: Any, channel: str, **extra: Any) -> dict[str, Any]:
    return {
        "key": key,
        "label": label,
        "unit_label": _("lượt"),
        "compute": _reach(channel),
        "columns": REACH_COLUMNS,
        "select_related": ("item",),
        **extra,
    }


METRICS: list[dict[str, Any]] = [
    {
        "key": "quiz_attempts",
        "label": _("Lượt làm bài trắc nghiệm nhận biết đúng – sai"),
        "unit_label": _("lượt"),
        "compute": quiz_attempts,
        "columns": ATTEMPT_COLUMNS,
        "select_related": ("bank", "commune"),
    },
    {
        "key": "quiz_average_score",
        "label": _("Điểm trắc nghiệm trung bình (tỷ lệ câu đúng)"),
        "unit_label": "%",
        "compute": quiz_average,
        "by_commune": quiz_average_by_commune,
        "columns": ATTEMPT_COLUMNS,
        "select_related": ("bank", "commune"),
    },
    {
        "key": "content_published",
        "label": _("Bài viết, cảnh báo lừa đảo được đăng"),
        "unit_label": _("bài"),
        "compute": content_published,
        "columns": CONTENT_COLUMNS,
        "select_related": ("unit",),
    },
    {
        "key": "warnings_published",
        "label": _("Cảnh báo lừa đảo được đăng"),
        "unit_label": _("bài"),
        "compute": warnings_published,
        "columns": CONTENT_COLUMNS,
        "select_related": ("unit",),
    },
    _reach_metric("page_views", _("Lượt xem trang bài viết, cảnh báo"), Channel.PAGE),
    # Feed pulls are counted per feed, not per item: no unit's share can be told apart.
    _reach_metric("content_feed_pulls", _("Lượt lấy tin RSS/Atom"), Channel.FEED, per_unit=False),
    _reach_metric("audio_plays", _("Lượt nghe, tải bản đọc cảnh báo"), Channel.AUDIO),
    _reach_metric("print_downloads", _("Lượt in, tải tờ rơi PDF"), Channel.PRINT),
]
