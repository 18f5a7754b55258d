"""Reporting periods under Decree 09/2019/NĐ-CP: data cut-off windows and due dates.

Every periodic report counts data from the 15th of the last month of the previous period to the 14th of the
last month of the period: Q1 runs 15 Dec → 14 Mar, the year 15 Dec → 14 Dec. The 6-month report covers the
first half (15 Dec → 14 Jun) and the 9-month report 15 Dec → 14 Sep; the second half is the annual report.
A report is due a configurable number of working days (at least one) after the cut-off.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from toandan.core.workdays import add_working_days

CUTOFF_DAY = 14
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


class Frequency(models.TextChoices):
    MONTHLY = "monthly", _("Hằng tháng")
    QUARTERLY = "quarterly", _("Hằng quý")
    HALF_YEAR = "half_year", _("6 tháng")
    NINE_MONTH = "nine_month", _("9 tháng")
    ANNUAL = "annual", _("Hằng năm")


# How many months a period spans and the last month of each period of the year.
SPAN = {"monthly": 1, "quarterly": 3, "half_year": 6, "nine_month": 9, "annual": 12}
LAST_MONTHS = {
    "monthly": list(range(1, 13)),
    "quarterly": [3, 6, 9, 12],
    "half_year": [6],
    "nine_month": [9],
    "annual": [12],
}


@dataclass(frozen=True)
class Window:
    """One period's cut-off window: the data it counts runs from `starts_on` to `ends_on` inclusive."""

    frequency: str
    year: int
    index: int
    starts_on: date
    ends_on: date

    def due_on(self, working_days: int = 1, extra: frozenset[date] | None = None) -> date:
        return add_working_days(self.ends_on, max(1, working_days), extra)


def window(frequency: str, year: int, index: int) -> Window:
    """The cut-off window of period `index` (1-based: month, quarter, …) of `year`."""
    months = LAST_MONTHS[frequency]
    if not 1 <= index <= len(months):
        raise ValueError(f"{frequency} has no period {index}")
    last = months[index - 1]
    start_month, start_year = last - SPAN[frequency], year
    if start_month <= 0:
        start_month, start_year = start_month + 12, year - 1
    return Window(frequency, year, index, date(start_year, start_month, CUTOFF_DAY + 1), date(year, last, 14))


def windows_overlapping(frequency: str, start: date, end: date) -> list[Window]:
    """Every period of `frequency` whose window shares at least one day with [start, end]."""
    found = []
    for year in range(start.year, end.year + 2):
        for index in range(1, len(LAST_MONTHS[frequency]) + 1):
            w = window(frequency, year, index)
            if w.starts_on <= end and w.ends_on >= start:
                found.append(w)
    return found


def label(frequency: str, year: int, index: int) -> str:
    """The period's name as reports print it ("Quý III/2022", "6 tháng đầu năm 2022")."""
    if frequency == Frequency.MONTHLY:
        return gettext("Tháng %(month)s/%(year)s") % {"month": index, "year": year}
    if frequency == Frequency.QUARTERLY:
        return gettext("Quý %(quarter)s/%(year)s") % {"quarter": ROMAN[index], "year": year}
    if frequency == Frequency.HALF_YEAR:
        return gettext("6 tháng đầu năm %(year)s") % {"year": year}
    if frequency == Frequency.NINE_MONTH:
        return gettext("9 tháng năm %(year)s") % {"year": year}
    return gettext("Năm %(year)s") % {"year": year}
