"""Time frames of plan tasks: Vietnamese phrases turned into start/end dates and a recurring flag.

`parse_timeframe("thường xuyên từ nay đến hết năm 2022", date(2022, 5, 25))` gives a recurring frame from
the plan date to 31 Dec 2022. A phrase (or part of one) that is not understood sets `flagged=True` and keeps
the raw text: an officer checks it in the preview rather than the importer guessing silently.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

__all__ = ["TimeFrame", "parse_timeframe"]

_BLOCK = " ¤ "
_D = r"(\d{1,2})/(\d{1,2})/(\d{4})"
_MONTHS = r"(\d{1,2}(?:\s*(?:,|và|-|đến)\s*(?:tháng\s+)?\d{1,2})*)"
_QUARTERS = r"([1-4](?:\s*(?:,|và|-|đến)\s*(?:quý\s+)?[1-4])*)"
_LABEL = re.compile(
    r"^\s*(?:thời gian|thời hạn|tiến độ|thời điểm)"
    r"(?:\s+(?:thực hiện|hoàn thành|triển khai|dự kiến|tổ chức))?\s*:\s*"
)
_ROMAN_QUARTER = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}
# Words that may surround a date phrase without changing its meaning.
_FILLER = re.compile(
    r"\b(?:trong|thực hiện|hoàn thành|xong|và|các|những|tiếp theo|năm|tháng|quý|ngày|vào|dịp|là|"
    r"triển khai|tổ chức|từ|đến|hết|trước|sau|cả|của|thời gian)\b|[,.;:()\-¤/]"
)


@dataclass
class TimeFrame:
    """When a task runs: ISO dates, whether it recurs, and the phrase it was read from."""

    raw: str | None = None
    start: date | None = None
    end: date | None = None
    recurring: bool = False
    flagged: bool = False
    period: str | None = None
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        """Plain JSON-ready values (ISO dates, None where absent)."""
        return {
            "raw": self.raw,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "recurring": self.recurring,
            "flagged": self.flagged,
            "period": self.period,
            "notes": list(self.notes),
        }


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _before(day: date) -> date:
    return date.fromordinal(day.toordinal() - 1)


def _numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", text)]


def _quarter_digits(match: re.Match[str]) -> str:
    return "quý " + re.sub(r"\b(iv|iii|ii|i)\b", lambda m: _ROMAN_QUARTER[m.group(1)], match.group(1))


def _normalise(text: str) -> str:
    t = unicodedata.normalize("NFC", text).lower()
    t = _LABEL.sub("", t)
    t = re.sub(r"[–—‐]", "-", t)
    t = re.sub(r"\bquí\b", "quý", t)
    t = re.sub(r"\bhàng\s+(năm|quý|tháng|tuần|ngày)\b", r"hằng \1", t)
    t = re.sub(r"\b(sáu|chín) tháng\b", lambda m: ("6" if m.group(1) == "sáu" else "9") + " tháng", t)
    t = re.sub(r"\bquý\s+((?:(?:iv|iii|ii|i|[1-4])\b\s*(?:,|và|-|đến)?\s*(?:quý\s+)?)+)", _quarter_digits, t)
    t = re.sub(r"(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", r"\1/\2/\3", t)
    t = re.sub(r"(\d{1,2})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{4})", r"\1/\2/\3", t)
    t = re.sub(
        r"((?:tháng|quý)\s+[\d,\s]*(?:(?:và|đến|-)\s*(?:(?:tháng|quý)\s+)?\d+\s*)*)\s+năm\s+(\d{4})",
        lambda m: m.group(1).rstrip() + "/" + m.group(2),
        t,
    )
    t = re.sub(r"(tháng|quý)\s+(\d{1,2})\s*/\s*(\d{4})", r"\1 \2/\3", t)
    return re.sub(r"\s+", " ", t).strip()


class _Reader:
    """Consumes date phrases from normalised text, collecting spans, notes and the recurring flag."""

    def __init__(self, text: str, plan_date: date | None) -> None:
        self.text = text
        self.plan_date = plan_date
        self.starts: list[date] = []
        self.ends: list[date] = []
        self.recurring = False
        self.period: str | None = None
        self.notes: list[str] = []
        self.bad = False

    def eat(self, pattern: str, handle: Callable[[re.Match[str]], None]) -> None:
        def sub(match: re.Match[str]) -> str:
            try:
                handle(match)
            except ValueError:
                self.bad = True
                self.notes.append("invalid_date")
            return _BLOCK

        self.text = re.sub(pattern, sub, self.text)

    def plan_year(self) -> int | None:
        if self.plan_date is None:
            self.bad = True
            self.notes.append("year_unknown")
            return None
        self.notes.append("year_from_plan_date")
        return self.plan_date.year

    def span(self, start: date | None, end: date | None) -> None:
        if start:
            self.starts.append(start)
        if end:
            self.ends.append(end)

    def recur(self, period: str) -> None:
        self.recurring = True
        self.period = self.period or period


def _day(m: re.Match[str], i: int = 1) -> date:
    return date(int(m.group(i + 2)), int(m.group(i + 1)), int(m.group(i)))


def _read_recurring(r: _Reader) -> None:
    periods = {"năm": "yearly", "quý": "quarterly", "tháng": "monthly", "tuần": "weekly", "ngày": "daily"}
    r.eat(
        r"\b(?:các|những) năm (?:tiếp theo|sau)\b", lambda m: (r.recur("yearly"), r.notes.append("open_end"))
    )
    r.eat(r"\bđịnh kỳ\s+(\d+)\s+tháng(?:\s*(?:,|và|/)\s*(?:hằng\s+)?năm)?", lambda m: r.recur("periodic"))
    for word, period in periods.items():
        r.eat(rf"\b(?:định kỳ\s+)?hằng\s+{word}\b", lambda m, p=period: r.recur(p))
    r.eat(r"\bthường xuyên\b|\bliên tục\b|\bđịnh kỳ\b", lambda m: r.recur("ongoing"))


def _read_ranges(r: _Reader) -> None:
    def from_now(m: re.Match[str]) -> None:
        if r.plan_date is None:
            r.notes.append("start_from_unknown_plan_date")
        r.span(r.plan_date, None)

    r.eat(rf"từ (?:ngày )?{_D} (?:đến|tới)(?: hết)?(?: ngày)? {_D}", lambda m: r.span(_day(m), _day(m, 4)))
    r.eat(
        r"từ tháng (\d{1,2})(?:/(\d{4}))? (?:đến|tới)(?: hết)? tháng (\d{1,2})/(\d{4})",
        lambda m: r.span(
            date(int(m.group(2) or m.group(4)), int(m.group(1)), 1),
            _last_day(int(m.group(4)), int(m.group(3))),
        ),
    )
    r.eat(
        r"(?:từ (?:năm )?|giai đoạn |năm )(\d{4}) ?(?:-|đến|tới) ?(?:hết )?(?:năm )?(\d{4})",
        lambda m: r.span(date(int(m.group(1)), 1, 1), date(int(m.group(2)), 12, 31)),
    )
    r.eat(r"từ nay(?= đến| tới|\b)", from_now)
    r.eat(rf"(?:bắt đầu )?từ (?:ngày )?{_D}", lambda m: r.span(_day(m), None))
    r.eat(r"từ tháng (\d{1,2})/(\d{4})", lambda m: r.span(date(int(m.group(2)), int(m.group(1)), 1), None))


def _read_deadlines(r: _Reader) -> None:
    lead = r"(?:hoàn thành |xong )?(?:trước|chậm nhất(?: là)?(?: vào)?|muộn nhất|hạn chót|không quá)"
    until = r"(?:đến|tới|hết|đến hết|tới hết)"
    r.eat(rf"(?:{lead}|{until})(?: ngày)? {_D}", lambda m: r.span(None, _day(m)))
    r.eat(
        rf"{lead} tháng (\d{{1,2}})/(\d{{4}})",
        lambda m: r.span(None, _before(date(int(m.group(2)), int(m.group(1)), 1))),
    )
    r.eat(
        rf"{until} tháng (\d{{1,2}})/(\d{{4}})",
        lambda m: r.span(None, _last_day(int(m.group(2)), int(m.group(1)))),
    )
    r.eat(
        rf"{lead} quý ([1-4])/(\d{{4}})",
        lambda m: r.span(None, _before(date(int(m.group(2)), 3 * int(m.group(1)) - 2, 1))),
    )
    r.eat(
        rf"{until} quý ([1-4])/(\d{{4}})",
        lambda m: r.span(None, _last_day(int(m.group(2)), 3 * int(m.group(1)))),
    )
    r.eat(rf"{lead} năm (\d{{4}})", lambda m: r.span(None, date(int(m.group(1)) - 1, 12, 31)))
    r.eat(rf"{until} (?:cuối )?năm (\d{{4}})", lambda m: r.span(None, date(int(m.group(1)), 12, 31)))

    def year_end(m: re.Match[str]) -> None:
        year = r.plan_year()
        if year:
            r.span(None, date(year, 12, 31))

    r.eat(rf"{until} (?:cuối |hết )?năm\b(?! \d)", year_end)

    def no_year(m: re.Match[str]) -> None:
        year = r.plan_year()
        if year:
            r.span(None, date(year, int(m.group(2)), int(m.group(1))))

    r.eat(rf"(?:{lead}|{until})(?: ngày)? (\d{{1,2}})/(\d{{1,2}})(?![/\d])", no_year)


def _read_periods(r: _Reader) -> None:
    def halves(m: re.Match[str]) -> None:
        months, part = int(m.group(1)), m.group(2)
        year = int(m.group(3)) if m.group(3) else r.plan_year()
        if year is None:
            return
        if part == "đầu":
            r.span(date(year, 1, 1), _last_day(year, months))
        else:
            r.span(date(year, 13 - months, 1), date(year, 12, 31))

    r.eat(r"(\d{1,2}) tháng (đầu|cuối) năm(?: (\d{4}))?", halves)

    def quarters(m: re.Match[str]) -> None:
        qs = _numbers(m.group(1))
        year = int(m.group(2))
        r.span(date(year, 3 * min(qs) - 2, 1), _last_day(year, 3 * max(qs)))

    def months(m: re.Match[str]) -> None:
        ms = _numbers(m.group(1))
        year = int(m.group(2))
        r.span(date(year, min(ms), 1), _last_day(year, max(ms)))

    r.eat(rf"quý {_QUARTERS}/(\d{{4}})", quarters)
    r.eat(rf"tháng {_MONTHS}/(\d{{4}})", months)
    r.eat(rf"(?:ngày )?{_D}", lambda m: r.span(_day(m), _day(m)))

    def school_year(m: re.Match[str]) -> None:
        # A school year's first and last days differ by province and level: ask rather than guess.
        r.bad = True
        r.notes.append("school_year")

    r.eat(r"năm học (\d{4})\s*-\s*(\d{4})", school_year)
    r.eat(
        r"(?:(?<=\s)|^)(?:năm )?(\d{4})\b",
        lambda m: r.span(date(int(m.group(1)), 1, 1), date(int(m.group(1)), 12, 31)),
    )
    if not r.recurring or r.period != "yearly":

        def in_plan_year(m: re.Match[str]) -> None:
            year = r.plan_year()
            if year is None:
                return
            if m.group(1) == "quý":
                qs = _numbers(m.group(2))
                r.span(date(year, 3 * min(qs) - 2, 1), _last_day(year, 3 * max(qs)))
            else:
                ms = _numbers(m.group(2))
                r.span(date(year, min(ms), 1), _last_day(year, max(ms)))

        r.eat(rf"(quý) {_QUARTERS}(?![/\d])", in_plan_year)
        r.eat(rf"(tháng) {_MONTHS}(?![/\d])", in_plan_year)
    else:
        r.eat(r"(?:quý|tháng|ngày) [\d/]+", lambda m: None)


def parse_timeframe(text: str | None, plan_date: date | None = None) -> TimeFrame:
    """Read a Vietnamese time phrase; `plan_date` anchors "từ nay" and phrases without a year.

    Unknown or partly unknown phrases come back with `flagged=True` and the raw text, never a silent guess.
    A missing phrase (None or blank) gives an empty, unflagged frame.
    """
    raw = re.sub(r"^[\s.;,]+|[\s.;,]+$", "", text or "")
    if not raw:
        return TimeFrame()
    reader = _Reader(_normalise(raw), plan_date)
    _read_recurring(reader)
    _read_ranges(reader)
    _read_deadlines(reader)
    _read_periods(reader)
    leftover = _FILLER.sub(" ", reader.text).strip()
    found = bool(reader.starts or reader.ends or reader.recurring)
    flagged = reader.bad or not found or bool(re.search(r"\d", leftover))
    if leftover and re.search(r"\d", leftover):
        reader.notes.append("unparsed:" + leftover)
    start = min(reader.starts) if reader.starts else None
    end = max(reader.ends) if reader.ends else None
    if "open_end" in reader.notes:
        end = None
    if start and end and start > end:
        flagged = True
        reader.notes.append("start_after_end")
    return TimeFrame(
        raw=raw,
        start=start,
        end=end,
        recurring=reader.recurring,
        flagged=flagged,
        period=reader.period,
        notes=reader.notes,
    )
