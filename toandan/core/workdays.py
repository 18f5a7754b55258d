"""Working days in Vietnam: weekends, public holidays including Tết (the `holidays` package) and any extra
days off an administrator records. Legal deadlines count in calendar or working days with these rules."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("VN", years=year))


def extra_days_off() -> frozenset[date]:
    from toandan.core.models import DayOff

    return frozenset(DayOff.objects.values_list("day", flat=True))


def is_working_day(day: date, extra: frozenset[date] = frozenset()) -> bool:
    return day.weekday() < 5 and day not in _public_holidays(day.year) and day not in extra


def add_working_days(start: date, count: int, extra: frozenset[date] | None = None) -> date:
    """The date `count` working days after `start` (the start day itself is not counted)."""
    days_off = extra_days_off() if extra is None else extra
    day = start
    while count > 0:
        day += timedelta(days=1)
        if is_working_day(day, days_off):
            count -= 1
    return day


def add_months(start: date, months: int) -> date:
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def roll_to_working_day(day: date, extra: frozenset[date] | None = None) -> date:
    """A period counted in calendar days that ends on a day off ends on the next working day."""
    days_off = extra_days_off() if extra is None else extra
    while not is_working_day(day, days_off):
        day += timedelta(days=1)
    return day
