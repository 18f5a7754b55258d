"""Factories for indicator tests: reports filed through the real service, allow-list entries, partners."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest

from toandan.identifiers.normalize import detect
from toandan.indicators.models import AllowedIndicator, IndicatorRecord, Partner
from toandan.orgs.models import Unit
from toandan.reports.models import Report, ReportCategory
from toandan.reports.services import ReportInput, submit_report

# Different incidents: the same story sent again is a repeat, counted once (reports.repeats).
_STORIES = [
    "Có người gọi điện xưng nhân viên ngân hàng, bảo chuyển tiền.",
    "Một tài khoản Facebook lạ nhắn tin mời làm cộng tác viên, bắt nạp tiền cọc trước.",
    "Tôi nhận tin nhắn báo trúng thưởng xe máy, phải đóng phí vận chuyển mới nhận được.",
    "Người xưng là cán bộ thuế yêu cầu cài ứng dụng lạ để cập nhật thông tin định danh.",
    "Shop bán hàng online nhận tiền đặt cọc rồi chặn liên lạc, không giao hàng.",
    "Kẻ gian giả giọng con trai gọi video xin tiền gấp vì bị tai nạn ở bệnh viện.",
]
_story_number = itertools.count()


def _make_report(*identifiers: str, commune: str | None = "phuong-cam-thanh-21025", **extra: Any) -> Report:
    """A report filed through the intake service, naming these identifiers (commune A by default)."""
    story = _STORIES[next(_story_number) % len(_STORIES)]
    data = ReportInput(
        category=ReportCategory.objects.get(code=extra.pop("category", "lua-dao")),
        description=extra.pop("description", story),
        identifiers=list(identifiers),
        commune=Unit.objects.get(code=commune) if commune else None,
        consent=True,
        **extra,
    )
    return submit_report(data).report


def _record_of(text: str) -> IndicatorRecord:
    indicator = detect(text)
    assert indicator is not None, text
    return IndicatorRecord.objects.get(kind=indicator.kind.value, value=indicator.value)


def _allow(
    text: str, organisation: str = "Ngân hàng thử nghiệm", *, verified: bool = True
) -> AllowedIndicator:
    indicator = detect(text)
    assert indicator is not None, text
    return AllowedIndicator.objects.create(
        kind=indicator.kind.value,
        value=indicator.value,
        display=indicator.display,
        organisation=organisation,
        verified=verified,
    )


@pytest.fixture
def file_report(units: None) -> Any:
    """file_report("0912 345 678", "Vietcombank 0123456789", commune=...) → Report."""
    return _make_report


@pytest.fixture
def record_of(db: Any) -> Any:
    """record_of("0912.345.678") → the stored IndicatorRecord."""
    return _record_of


@pytest.fixture
def allow(no_seed_allowlist: None) -> Any:
    """allow("vietcombank.com.vn", "Vietcombank", verified=True) → AllowedIndicator."""
    return _allow


@pytest.fixture
def no_seed_allowlist(db: Any) -> None:
    """The seeded (unverified) entries are irrelevant to most tests; each test states its own list."""
    AllowedIndicator.objects.all().delete()


@pytest.fixture
def partner(db: Any) -> Partner:
    return Partner.objects.create(name="Nhà mạng thử nghiệm", kind="telecom")


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture(autouse=True)
def _presence_filter_off(settings: Any) -> None:
    """Tests see the database's answer; the presence filter has its own tests (test_presence.py)."""
    settings.INDICATOR_PRESENCE_FILTER = False
