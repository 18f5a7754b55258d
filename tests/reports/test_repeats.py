"""Counts one person cannot inflate: the same incident sent four times is one incident in the public
check, the statistics and the money figure; the queue groups the repeats; an officer can undo a match."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.reports.test_report_form import valid_post
from toandan.indicators.models import ReportIndicator
from toandan.reports import repeats
from toandan.reports.models import EventKind, Report, ReportCategory
from toandan.reports.stats import compute_figures
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db
NEW = reverse("reports:new")
STORY = (
    "Chiều nay có người gọi từ số 0912 345 678 xưng là công an phường, nói tôi liên quan đường dây rửa tiền "
    "và yêu cầu chuyển 5 triệu vào tài khoản Vietcombank 0123456789 để xác minh."
)


def post(category: int, **overrides: Any) -> Any:
    data = valid_post(category=category, description=STORY, identifiers="0912345678", anonymous="1")
    data.update(overrides)
    return Client(REMOTE_ADDR="10.1.2.3").post(NEW, data)


@pytest.fixture
def category(units: None) -> int:
    return ReportCategory.objects.get(code="lua-dao").pk


def checked(q: str) -> dict[str, Any]:
    return Client().get("/api/v1/check", {"q": q}).json()


def test_same_story_four_times_is_one_incident(category: int, provincial_officer: Any) -> None:
    for retyped in (STORY, STORY, STORY.upper(), STORY.replace("Chiều nay", "Chiều nay,") + " Xin giúp đỡ!"):
        assert post(category, description=retyped).status_code == 302
    reports = list(Report.objects.order_by("id"))
    head = reports[0]
    assert head.repeat_of is None and all(r.repeat_of_id == head.pk for r in reports[1:])
    # The public check counts incidents, not submissions.
    assert checked("0912345678")["reports"] == 1
    # The statistics: four reports, one incident, 5 million lost once.
    figures = compute_figures(Report.objects.all())
    assert (figures.total, figures.incidents, figures.money_lost) == (4, 1, 5_000_000)
    # Each repeat says why in its (internal) history; nothing about the sender is kept.
    event = reports[1].events.get(kind=EventKind.REPEAT)
    assert not event.public and head.code in event.text and event.data["similarity"] >= 0.8
    assert all(r.submitter_id is None and not hasattr(r, "identity") for r in reports)


def test_other_stories_naming_the_same_number_count_each(category: int) -> None:
    post(category)
    other = (
        "Một người lạ nhắn tin Zalo từ số 0912 345 678 mời tôi làm cộng tác viên chốt đơn hàng online, "
        "bắt nạp trước 2 triệu đồng tiền cọc rồi chặn liên lạc, không trả lại tiền."
    )
    post(category, description=other)
    assert Report.objects.filter(repeat_of__isnull=False).count() == 0
    assert checked("0912345678")["reports"] == 2


def test_the_window_is_kept(category: int, settings: Any) -> None:
    post(category)
    Report.objects.update(
        received_at=timezone.now() - timedelta(hours=settings.REPORT_REPEAT_WINDOW_HOURS + 1)
    )
    post(category)
    assert not Report.objects.filter(repeat_of__isnull=False).exists()


def test_queue_groups_repeats_and_an_officer_can_separate(category: int, provincial_officer: Any) -> None:
    for _n in range(3):
        post(category)
    head, first_repeat, _second = Report.objects.order_by("id")
    client = staff_client(provincial_officer)
    page = client.get(reverse("reports:queue"), {"view": "all"}).content.decode()
    assert head.code in page and first_repeat.code not in page and "+2 gửi lại có thể trùng" in page
    group = client.get(reverse("reports:queue"), {"view": "all", "nhom": head.code}).content.decode()
    assert first_repeat.code in group and _second.code in group
    case = client.get(reverse("reports:detail", args=[first_repeat.code])).content.decode()
    assert 'id="repeat-of"' in case
    response = client.post(reverse("reports:act", args=[first_repeat.code, "not_repeat"]))
    assert response.status_code == 302
    first_repeat.refresh_from_db()
    assert first_repeat.repeat_of is None and first_repeat.events.filter(kind=EventKind.NOT_REPEAT).exists()
    assert ReportIndicator.objects.filter(report=first_repeat, counts=True).exists()
    assert checked("0912345678")["reports"] == 2


def test_similarity_folds_case_diacritics_and_punctuation() -> None:
    assert repeats.similarity("Chuyển 5 triệu, ngay!", "chuyen 5 TRIEU ngay") == 1.0
    assert repeats.similarity(STORY, "Tôi bị lừa mua hàng online qua Facebook, mất 300 nghìn.") < 0.2
