"""Read aloud: publishing a warning enqueues its audio; the real worker process makes it with espeak-ng
(Vietnamese voice); the page plays it and offers the download; a changed text makes a new file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from tests.test_worker import DB_TASKS, run_worker_batch
from toandan.accounts.models import User
from toandan.awareness import audio, services
from toandan.awareness.models import ContentItem, Kind, Status


@pytest.fixture(autouse=True)
def _espeak() -> None:
    if audio.espeak_path() is None:
        if os.environ.get("CI", "").lower() in ("1", "true"):
            pytest.fail("espeak-ng is required in CI (apt-get install espeak-ng)")
        pytest.skip("espeak-ng not installed: apt-get install espeak-ng")


@pytest.mark.django_db(transaction=True)
def test_worker_makes_the_audio_of_a_published_warning(make_item: Any, tmp_path: Path) -> None:

    with override_settings(TASKS=DB_TASKS):
        item = make_item(
            "Cảnh báo cuộc gọi giả danh công an",
            kind=Kind.WARNING,
            masked_example="Tôi là cán bộ công an, anh chị có liên quan đến một vụ án.",
        )
    queued = DBTaskResult.objects.get(task_path="toandan.awareness.audio.generate_audio")
    assert queued.status == "READY" and queued.args_kwargs["args"] == [item.pk]

    run_worker_batch(tmp_path, timeout=180, MEDIA_ROOT=settings.MEDIA_ROOT)
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL"
    item.refresh_from_db()
    stored = Path(settings.MEDIA_ROOT) / item.audio.name
    data = stored.read_bytes()
    # MP3 (an ID3 tag or an MPEG frame sync), and far smaller than espeak's WAV of the same text.
    assert data[:3] == b"ID3" or (data[0] == 0xFF and data[1] & 0xE0 == 0xE0), data[:4]
    wav = audio.synthesise(audio.spoken_text(item))
    assert 5_000 < len(data) < len(wav) / 5
    assert item.audio.name.endswith(".mp3")

    page = Client().get(item.get_absolute_url()).content.decode()
    assert f'src="{reverse("awareness:audio", args=[item.slug])}"' in page
    download = Client().get(reverse("awareness:audio", args=[item.slug]), {"tai": "1"})
    assert download["Content-Type"] == "audio/mpeg" and "attachment" in download["Content-Disposition"]
    assert f'filename="{item.slug}.mp3"' in download["Content-Disposition"]


@pytest.mark.django_db
def test_audio_is_made_again_only_when_the_spoken_text_changes(make_item: Any, reviewer: User) -> None:
    item = make_item("Cảnh báo mã OTP", kind=Kind.WARNING, what_to_do="- Không đọc mã OTP.")
    assert audio.generate_audio.call(item.pk) is True
    item.refresh_from_db()
    first = item.audio.name
    assert audio.generate_audio.call(item.pk) is False  # same text: kept
    services.transition(item, Status.DRAFT, actor=reviewer)
    services.save_version(
        item, {"what_to_do": "- Không đọc mã OTP.\n- Gọi 113."}, actor=reviewer, check=False
    )
    assert audio.generate_audio.call(item.pk) is True
    item = ContentItem.objects.get(pk=item.pk)
    assert item.audio.name != first and not item.audio.storage.exists(first)
