"""How intake stores and links a report's indicators: once each, linked to every report that names them, with
the form the person typed kept on the link, and without drawing ids for indicators that already exist."""

from __future__ import annotations

from typing import Any

import pytest

from toandan.indicators.models import IndicatorRecord, ReportIndicator

pytestmark = pytest.mark.django_db


def test_one_record_per_indicator_and_one_link_per_report(file_report: Any, record_of: Any) -> None:
    first = file_report("0912 345 678", "https://lua-dao.example.top/otp?utm_source=zalo")
    second = file_report("+84 912.345.678")
    phone = record_of("0912345678")
    assert IndicatorRecord.objects.filter(kind="phone").count() == 1
    links = ReportIndicator.objects.filter(indicator=phone).order_by("report_id")
    assert [(link.report_id, link.raw) for link in links] == [
        (first.pk, "0912 345 678"),
        (second.pk, "+84 912.345.678"),
    ]
    assert phone.display == "0912 345 678"  # the first report's form stays the display


def test_existing_indicators_draw_no_ids(file_report: Any, record_of: Any) -> None:
    file_report("0912 345 678")
    before = record_of("0912345678").pk
    for _ in range(3):
        file_report("0912 345 678", "0912.345.678")  # known: filtered out before any row is formed
    after = file_report("0987 654 321")
    assert record_of("0987654321").pk == before + 1
    assert ReportIndicator.objects.filter(report=after).count() == 1
