"""Clusters of reports sharing an indicator, by size and growth, counting only the reports an officer sees."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from toandan.indicators import clusters
from toandan.indicators.models import ReportIndicator
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db


def test_size_growth_and_visibility(
    file_report: Any, record_of: Any, commune_a_officer: Any, commune_b_officer: Any, provincial_officer: Any
) -> None:
    for _ in range(3):
        file_report("0987 654 321", "Vietcombank 0123456789")
    file_report("0987 654 321", commune="phuong-nghia-lo-21028")
    file_report("0911 222 333")
    old = ReportIndicator.objects.filter(indicator=record_of("Vietcombank 0123456789"))
    old.update(linked_at=timezone.now() - timedelta(days=10))
    rows = {row["value"]: row for row in clusters.clusters(provincial_officer)}
    assert set(rows) == {"+84987654321", "970436:0123456789"}
    assert (rows["+84987654321"]["size"], rows["+84987654321"]["recent"]) == (4, 4)
    assert (rows["970436:0123456789"]["recent"], rows["970436:0123456789"]["previous"]) == (0, 3)
    mine = {row["value"]: row["size"] for row in clusters.clusters(commune_a_officer)}
    assert mine == {"+84987654321": 3, "970436:0123456789": 3}
    assert list(clusters.clusters(commune_b_officer)) == []
    growth = [row["value"] for row in clusters.clusters(provincial_officer, order="growth")]
    assert growth[0] == "+84987654321"
    only_accounts = list(clusters.clusters(provincial_officer, kind="bank_account"))
    assert [row["value"] for row in only_accounts] == ["970436:0123456789"]


def test_neighbours_link_an_operation(file_report: Any, record_of: Any, provincial_officer: Any) -> None:
    file_report("0987 654 321", "Vietcombank 0123456789")
    file_report("0987 654 321", "https://vcb-hotro.com/a")
    found = {
        n.record.value: n.shared for n in clusters.neighbours(provincial_officer, record_of("0987654321"))
    }
    assert found == {"970436:0123456789": 1, "https://vcb-hotro.com/a": 1}


def test_cluster_page(
    file_report: Any, commune_a_officer: Any, citizen: Any, django_assert_max_num_queries: Any
) -> None:
    for _ in range(2):
        file_report("0987 654 321")
    client = staff_client(commune_a_officer)
    client.get(reverse("indicators:clusters"))
    with django_assert_max_num_queries(12):
        page = client.get(reverse("indicators:clusters"), {"order": "growth"})
    assert page.status_code == 200 and "0987 654 321" in page.content.decode()
    assert staff_client(citizen).get(reverse("indicators:clusters")).status_code == 403
