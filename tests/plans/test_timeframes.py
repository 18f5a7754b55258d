"""Time phrases of plan tasks become ISO start/end dates, a recurring flag, or a flag asking for review."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toandan.plans.importer import TimeFrame, parse_timeframe

PLAN_DATE = date(2022, 5, 25)


@pytest.mark.parametrize(
    ("phrase", "start", "end", "recurring"),
    [
        ("thường xuyên từ nay đến hết năm 2022", date(2022, 5, 25), date(2022, 12, 31), True),
        ("trong tháng 9/2022", date(2022, 9, 1), date(2022, 9, 30), False),
        ("trước ngày 30/6/2023", None, date(2023, 6, 30), False),
        ("Quý III/2023", date(2023, 7, 1), date(2023, 9, 30), False),
        ("hằng năm", None, None, True),
        ("Hàng năm", None, None, True),
        ("6 tháng đầu năm 2023", date(2023, 1, 1), date(2023, 6, 30), False),
        ("sáu tháng cuối năm 2022", date(2022, 7, 1), date(2022, 12, 31), False),
        ("năm 2023", date(2023, 1, 1), date(2023, 12, 31), False),
        ("từ ngày 01/3/2023 đến ngày 30/4/2023", date(2023, 3, 1), date(2023, 4, 30), False),
        ("trong quý IV năm 2022", date(2022, 10, 1), date(2022, 12, 31), False),
        ("tháng 10 năm 2022", date(2022, 10, 1), date(2022, 10, 31), False),
        ("đến hết ngày 15/12/2022", None, date(2022, 12, 15), False),
        ("Thời gian thực hiện: Quý I, II/2023", date(2023, 1, 1), date(2023, 6, 30), False),
        ("tháng 9 và tháng 10/2022", date(2022, 9, 1), date(2022, 10, 31), False),
        ("từ tháng 3 đến tháng 5/2023", date(2023, 3, 1), date(2023, 5, 31), False),
        ("giai đoạn 2022 - 2025", date(2022, 1, 1), date(2025, 12, 31), False),
        ("ngày 15 tháng 8 năm 2023", date(2023, 8, 15), date(2023, 8, 15), False),
        ("Định kỳ hằng quý", None, None, True),
        ("Năm 2023 và các năm tiếp theo", date(2023, 1, 1), None, True),
        ("Thường xuyên", None, None, True),
    ],
)
def test_known_phrases(phrase: str, start: date | None, end: date | None, recurring: bool) -> None:
    frame = parse_timeframe(phrase, PLAN_DATE)
    assert (frame.start, frame.end, frame.recurring) == (start, end, recurring)
    assert not frame.flagged
    assert frame.raw == phrase


def test_year_taken_from_plan_date_is_noted() -> None:
    frame = parse_timeframe("trong tháng 9", PLAN_DATE)
    assert (frame.start, frame.end) == (date(2022, 9, 1), date(2022, 9, 30))
    assert "year_from_plan_date" in frame.notes


@pytest.mark.parametrize(
    "phrase",
    [
        "Theo kế hoạch của Bộ Công an",
        "khi có yêu cầu",
        "năm học 2023 - 2024",
        "31/6/2023",
        "Học kỳ I năm học",
    ],
)
def test_unknown_phrases_are_flagged_not_guessed(phrase: str) -> None:
    frame = parse_timeframe(phrase, PLAN_DATE)
    assert frame.flagged
    assert frame.raw == phrase
    assert frame.start is None and frame.end is None


def test_from_now_without_plan_date_is_not_invented() -> None:
    frame = parse_timeframe("từ nay đến hết năm 2022", None)
    assert frame.start is None and frame.end == date(2022, 12, 31)


def test_absent_phrase_gives_an_empty_frame() -> None:
    assert parse_timeframe(None, PLAN_DATE) == TimeFrame()
    assert parse_timeframe("  ", PLAN_DATE) == TimeFrame()


def test_to_dict_is_json_ready() -> None:
    data = parse_timeframe("Quý III/2023", PLAN_DATE).to_dict()
    assert data["start"] == "2023-07-01" and data["end"] == "2023-09-30" and data["raw"] == "Quý III/2023"


@given(st.text(max_size=80))
def test_never_crashes_and_always_keeps_the_phrase(text: str) -> None:
    frame = parse_timeframe(text, PLAN_DATE)
    if any(c.isalnum() for c in text):
        assert frame.raw
        assert frame.flagged or frame.recurring or frame.start or frame.end
    if frame.start and frame.end:
        assert frame.start <= frame.end or frame.flagged


@given(st.integers(2000, 2100), st.integers(1, 12))
def test_any_month_covers_the_whole_month(year: int, month: int) -> None:
    frame = parse_timeframe(f"trong tháng {month}/{year}", PLAN_DATE)
    assert frame.start == date(year, month, 1)
    assert frame.end is not None and frame.end.month == month and (frame.end.day >= 28)
