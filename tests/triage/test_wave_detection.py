"""Wave detection in the database: incremental runs, copies grouped across runs, sizes over time, a growing
wave proposing a draft warning, the editors' decision, and the staff pages' access rules."""

from __future__ import annotations

import random
from collections.abc import Callable
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.triage.conftest import COMMUNE_B
from tests.triage.scripts import STORIES, fill
from toandan.accounts.models import User
from toandan.core.models import AuditAction, AuditEvent
from toandan.reports.models import Report
from toandan.triage.models import DetectionRun, WarningDraft, WarningStatus, Wave, WaveMember
from toandan.triage.tasks import detect_waves
from toandan.triage.waves import detection, drafts
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db
Factory = Callable[..., Report]


def _copies(report_factory: Factory, script: str, count: int, seed: int, **extra: object) -> list[Report]:
    rng = random.Random(seed)
    return [report_factory(fill(script, rng), **extra) for _ in range(count)]


def test_detection_groups_copies_and_leaves_unrelated_reports_alone(report_factory: Factory) -> None:
    prize = _copies(report_factory, "prize", 4, seed=1)
    police = _copies(report_factory, "police", 3, seed=2)
    stories = [report_factory(story) for story in STORIES]
    assert detect_waves.call() == len(prize) + len(police) + len(stories)

    def wave_of(report: Report) -> int:
        return WaveMember.objects.get(report=report).wave_id

    assert len({wave_of(r) for r in prize}) == 1 and len({wave_of(r) for r in police}) == 1
    assert wave_of(prize[0]) != wave_of(police[0])
    assert len({wave_of(r) for r in stories}) == len(stories)
    shown = list(Wave.objects.shown())
    assert [w.size for w in shown] == [4, 3]
    assert "[số điện thoại]" in shown[0].sample and "0" not in shown[0].sample.replace("[", "")


def test_runs_are_incremental_and_later_copies_join_the_wave(report_factory: Factory) -> None:
    first = _copies(report_factory, "job", 3, seed=3)
    run = detection.run()
    assert run is not None and run.reports_read == 3 and run.last_report_id == first[-1].pk
    again = detection.run()
    assert again is not None and again.reports_read == 0, "nothing is read twice"
    later = _copies(report_factory, "job", 2, seed=4)
    third = detection.run()
    assert third is not None and third.reports_read == 2
    wave = WaveMember.objects.get(report=first[0]).wave
    assert {m.wave_id for m in WaveMember.objects.filter(report__in=later)} == {wave.pk}
    wave.refresh_from_db()
    assert wave.size == 5 and list(wave.sizes.values_list("size", flat=True)) == [3, 5]
    assert DetectionRun.objects.filter(finished_at__isnull=False).count() == 3


def test_a_growing_wave_proposes_one_draft_with_masked_text(report_factory: Factory) -> None:
    copies = _copies(report_factory, "prize", 5, seed=6)
    run = detection.run()
    assert run is not None and run.drafts_proposed == 1
    draft = WarningDraft.objects.get()
    assert draft.status == WarningStatus.DRAFT and draft.wave_size == 5
    assert "5 tố giác" in draft.title and "Lừa đảo" in draft.title
    assert "[số tiền]" in draft.body and "không cung cấp mã OTP" in draft.body
    assert len(copies) == 5
    for secret in ("09", ".top", "Nguyễn", "Trần", "Lê", "Phạm"):
        assert secret not in draft.body, secret
    assert draft.events.get().to_status == WarningStatus.DRAFT
    _copies(report_factory, "prize", 5, seed=7)
    assert detection.run().drafts_proposed == 0, "one waiting draft per wave"


def test_editor_approves_or_rejects_drafts_with_history(
    report_factory: Factory, provincial_officer: User, commune_a_officer: User
) -> None:
    _copies(report_factory, "police", 5, seed=8)
    detection.run()
    draft = WarningDraft.objects.get()
    url = reverse("triage:draft_decide", args=[draft.pk, "duyet"])
    assert staff_client(commune_a_officer).post(url, {"note": ""}).status_code == 403
    response = staff_client(provincial_officer).post(url, {"note": "Đăng trên trang xã"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == WarningStatus.APPROVED
    event = draft.events.last()
    assert event.actor == provincial_officer and event.from_status == WarningStatus.DRAFT
    assert event.note == "Đăng trên trang xã"
    assert AuditEvent.objects.filter(action=AuditAction.STATE_CHANGED, object_id=str(draft.pk)).exists()
    again = staff_client(provincial_officer).post(url, follow=True)
    assert "Dự thảo này đã được xử lý." in again.content.decode()
    other = WarningDraft.objects.create(wave=draft.wave, title="t", body="b", wave_size=1)
    drafts.decide(other, WarningStatus.REJECTED, actor=provincial_officer)
    assert other.events.get().to_status == WarningStatus.REJECTED


def test_wave_pages_follow_report_visibility(
    report_factory: Factory, commune_a_officer: User, commune_b_officer: User, provincial_officer: User
) -> None:
    ours = _copies(report_factory, "prize", 3, seed=9)
    theirs = _copies(report_factory, "job", 3, seed=10, commune=COMMUNE_B)
    detection.run()
    our_wave = WaveMember.objects.get(report=ours[0]).wave
    their_wave = WaveMember.objects.get(report=theirs[0]).wave
    for title in ("a", "b"):
        WarningDraft.objects.create(wave=our_wave, title=title, body="", wave_size=3)
    client_a = staff_client(commune_a_officer)
    listing = client_a.get(reverse("triage:waves")).content.decode()
    assert f"#{our_wave.pk}<" in listing and f"#{their_wave.pk}<" not in listing
    assert "</span></td>\n<td>3</td><td>3</td>" in listing, "size and growth, not multiplied by the drafts"
    assert client_a.get(reverse("triage:wave", args=[their_wave.pk])).status_code == 404
    page = client_a.get(reverse("triage:wave", args=[our_wave.pk])).content.decode()
    assert ours[0].code in page and theirs[0].code not in page
    assert 'action="/can-bo/dot-lua-dao/canh-bao/' not in page, "only editors see the buttons"
    everything = (
        staff_client(provincial_officer).get(reverse("triage:waves") + "?sort=growth").content.decode()
    )
    assert f"#{our_wave.pk}<" in everything and f"#{their_wave.pk}<" in everything
    assert staff_client(commune_b_officer).get(reverse("triage:wave", args=[our_wave.pk])).status_code == 404


def test_detect_waves_command(report_factory: Factory) -> None:
    _copies(report_factory, "job", 3, seed=11)
    out = StringIO()
    call_command("detect_waves", stdout=out)
    assert "reports read: 3, waves changed: 1" in out.getvalue()
