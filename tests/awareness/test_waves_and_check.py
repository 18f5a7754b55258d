"""An approved scam-wave draft becomes a warning draft in the workflow (masked example, confirmed indicators,
main kind of scam), and the public check links to the published warnings about what it answered."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from toandan.accounts.models import User
from toandan.awareness import services
from toandan.awareness.models import ContentItem, Kind, Status
from toandan.indicators.models import IndicatorRecord, IndicatorStatus
from toandan.orgs.models import Unit
from toandan.reports.models import ReportCategory
from toandan.reports.services import ReportInput, submit_report
from toandan.triage.models import WarningDraft, WarningStatus, Wave, WaveMember
from toandan.triage.waves import drafts
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db

PHONE = "0912345678"
SAMPLE = "Chúc mừng [tên] trúng thưởng [số tiền], liên hệ [số điện thoại] để nhận quà."


def _wave_with_reports(count: int = 3) -> tuple[Wave, WarningDraft]:
    now = timezone.now()
    wave = Wave.objects.create(first_seen=now, last_seen=now, size=count, sample=SAMPLE, signature=b"")
    category = ReportCategory.objects.get(code="lua-dao")
    for n in range(count):
        report = submit_report(
            ReportInput(
                category=category,
                description=f"Tin nhắn trúng thưởng số {n}, gọi {PHONE} để nhận quà",
                identifiers=[PHONE],
                commune=Unit.objects.get(code="phuong-cam-thanh-21025"),
                consent=True,
            )
        ).report
        WaveMember.objects.create(report=report, wave=wave)
    draft = WarningDraft.objects.create(
        wave=wave, title="Cảnh báo trúng thưởng", body="Nội dung", wave_size=count
    )
    return wave, draft


def test_approving_a_wave_draft_makes_a_warning_draft_with_example_and_confirmed_indicators(
    provincial_officer: User,
) -> None:
    wave, draft = _wave_with_reports()
    record = IndicatorRecord.objects.get(value__endswith="912345678")
    IndicatorRecord.objects.filter(pk=record.pk).update(status=IndicatorStatus.CONFIRMED)
    response = staff_client(provincial_officer).post(
        reverse("triage:draft_decide", args=[draft.pk, "duyet"]), {"note": ""}
    )
    assert response.status_code == 302
    item = ContentItem.objects.get(source_draft=draft)
    assert item.kind == Kind.WARNING and item.status == Status.DRAFT and item.wave == wave
    assert item.masked_example == SAMPLE and item.indicator_list() == [record.value]
    assert item.scam_category is not None and item.scam_category.code == "lua-dao"
    assert item.unit.code == "ca-tinh" and item.versions.count() == 1
    # Approving twice is refused by triage; calling the service again returns the same item.
    from toandan.awareness.waves import warning_from_draft

    assert warning_from_draft(draft) == item


def test_unconfirmed_indicators_and_rejected_drafts_are_not_published(provincial_officer: User) -> None:
    _wave, draft = _wave_with_reports()
    other = WarningDraft.objects.create(wave=draft.wave, title="t", body="b", wave_size=1)
    drafts.decide(other, WarningStatus.REJECTED, actor=provincial_officer)
    assert not ContentItem.objects.exists()
    drafts.decide(draft, WarningStatus.APPROVED, actor=provincial_officer)
    assert ContentItem.objects.get().indicators == ""


def test_check_links_published_warnings_naming_the_indicator(make_item: Any, units: None) -> None:
    check = reverse("indicators:check")
    warning = make_item(
        "Cảnh báo số điện thoại giả danh bưu điện",
        kind=Kind.WARNING,
        indicators=f"+84{PHONE[1:]}",
        masked_example="Bưu điện báo bạn có bưu phẩm, gọi [số điện thoại].",
    )
    unpublished = make_item(
        "Bản nháp cũng nhắc số này", kind=Kind.WARNING, indicators=f"+84{PHONE[1:]}", publish=False
    )
    page = Client().get(check, {"q": PHONE}).content.decode()
    assert warning.get_absolute_url() in page and "nhắc đến dấu hiệu bạn vừa tra" in page
    assert unpublished.get_absolute_url() not in page
    assert 'id="related"' not in Client().get(check, {"q": "0987000111"}).content.decode()


def test_check_links_warnings_about_the_kind_of_scam_of_a_confirmed_indicator(make_item: Any) -> None:
    category = ReportCategory.objects.get(code="lua-dao")
    IndicatorRecord.objects.create(
        kind="phone", value=f"+84{PHONE[1:]}", status=IndicatorStatus.CONFIRMED, category=category
    )
    warning = make_item("Các thủ đoạn lừa đảo chiếm đoạt tài sản", kind=Kind.WARNING, scam_category=category)
    page = Client().get(reverse("indicators:check"), {"q": PHONE}).content.decode()
    assert warning.get_absolute_url() in page and "cùng loại lừa đảo" in page
    services.transition(warning, Status.ARCHIVED, actor=User.objects.get(username="leader_a"))
    page = Client().get(reverse("indicators:check"), {"q": PHONE}).content.decode()
    assert warning.get_absolute_url() not in page
