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
    """Send a report, then let the worker's sweep compare it (as it does every 30 seconds)."""
    data = valid_post(category=category, description=STORY, identifiers="0912345678", anonymous="1")
    data.update(overrides)
    response = Client(REMOTE_ADDR="10.1.2.3").post(NEW, data)
    repeats.sweep()
    return response


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


def test_in_a_wave_the_latest_reports_naming_the_number_are_compared(category: int, settings: Any) -> None:
    # A scam wave: more earlier reports name the number than are compared (MAX_CANDIDATES); the candidates
    # are the latest ones, found by walking the (indicator, report) index, not by reading the whole wave.
    settings.REPORT_RATE_PER_IP = settings.REPORT_RATE_WITHOUT_POW = settings.REPORT_RATE_PER_CONTACT = (
        settings.PUBLIC_RATE_WRITE
    ) = "1000/m"
    post(category)  # the oldest: its repeat below is not among the latest candidates
    for n in range(repeats.MAX_CANDIDATES):
        assert (
            post(
                category,
                description=f"Bị lừa lần {n}: {n} người gọi xưng ngân hàng, lấy mã OTP của "
                f"tôi rồi rút sạch {n + 2} triệu trong tài khoản, số gọi đến là 0912 345 678.",
            ).status_code
            == 302
        )
    latest = Report.objects.order_by("-id").first()
    assert post(category, description=latest.description + " Xin giúp.").status_code == 302
    newest = Report.objects.order_by("-id").first()
    assert newest.repeat_of_id == latest.pk
    assert post(category).status_code == 302  # the first story again, now older than every candidate
    assert Report.objects.order_by("-id").first().repeat_of_id is None


@pytest.mark.django_db(transaction=True)
def test_intake_leaves_the_comparison_to_the_worker_process(category: int, tmp_path: Any) -> None:
    """Intake only stores (no comparison, nothing queued): the real worker process's sweep compares the
    stories; until then the report counts like any other."""

    from django.test import override_settings
    from django_tasks_db.models import DBTaskResult

    from tests.test_worker import DB_TASKS, run_worker_batch
    from toandan.reports.tasks import find_repeats

    with override_settings(TASKS=DB_TASKS):
        for story in (STORY, STORY + " Xin giúp đỡ!"):
            data = valid_post(category=category, description=story, identifiers="0912345678", anonymous="1")
            assert Client(REMOTE_ADDR="10.1.2.3").post(NEW, data).status_code == 302
        assert not DBTaskResult.objects.exists()
        first, second = Report.objects.order_by("id")
        assert not first.repeat_checked and not second.repeat_checked
        assert Report.objects.incidents().count() == 2  # the sweep has not looked yet
        queued = find_repeats.enqueue()  # what the worker's schedule does every 30 seconds

    run_worker_batch(tmp_path)
    assert DBTaskResult.objects.get(id=queued.id).return_value == 2
    second.refresh_from_db()
    assert second.repeat_of_id == first.pk and second.repeat_checked
    assert Report.objects.incidents().count() == 1
    assert not ReportIndicator.objects.filter(report=second, counts=True).exists()
    assert repeats.sweep() == 0  # nothing left to compare
