"""Short screen recordings as evidence: real small videos made here with ffmpeg, with tags that must not
survive (title, place, creation time, device), remuxed without them; capped in size and number; refused,
never stored with their metadata, when ffmpeg is missing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.reports.test_report_form import valid_post
from toandan.core import video
from toandan.core.uploads import EvidenceError, clean_upload, clean_uploads
from toandan.reports.models import Evidence, ReportCategory

SECRETS = ("BiMatTieuDe", "+15.1234+108.8000", "2026-11-20", "DienThoaiCuaToi", "GhiChuRieng")
FORMATS = {"mp4": ["-c:v", "mpeg4"], "mov": ["-c:v", "mpeg4"], "webm": ["-c:v", "libvpx", "-b:v", "200k"]}


@pytest.fixture(autouse=True)
def _needs_ffmpeg() -> None:
    if shutil.which("ffmpeg") is None:
        if os.environ.get("CI", "").lower() in ("1", "true"):
            pytest.fail("ffmpeg is required in CI (.ci/run installs Debian's ffmpeg)")
        pytest.skip("needs ffmpeg (apt-get install ffmpeg)")


def make_video(tmp_path: Path, kind: str) -> bytes:
    """One second of a test pattern with a tone, tagged with everything a phone might write."""
    out = tmp_path / f"clip.{kind}"
    audio = ["-c:a", "libvorbis"] if kind == "webm" else ["-c:a", "aac"]
    subprocess.run(  # noqa: S603
        [
            "ffmpeg", "-nostdin", "-v", "error", "-y",
            "-f", "lavfi", "-i", "testsrc=size=64x48:rate=5",
            "-f", "lavfi", "-i", "sine=frequency=440",
            "-t", "1", *FORMATS[kind], *audio,
            "-metadata", f"title={SECRETS[0]}",
            "-metadata", f"location={SECRETS[1]}/",
            "-metadata", f"creation_time={SECRETS[2]}T10:00:00Z",
            "-metadata", f"comment={SECRETS[4]}",
            "-metadata:s:v:0", f"handler_name={SECRETS[3]}",
            str(out),
        ],
        check=True,
    )  # fmt: skip
    return out.read_bytes()


def probe(data: bytes, tmp_path: Path, kind: str) -> dict[str, Any]:
    path = tmp_path / f"probe.{kind}"
    path.write_bytes(data)
    done = subprocess.run(  # noqa: S603
        ["ffprobe", "-v", "error", "-show_format", "-show_streams", "-of", "json", str(path)],  # noqa: S607
        check=True,
        capture_output=True,
    )
    return json.loads(done.stdout)


@pytest.mark.parametrize("kind", ["mp4", "mov", "webm"])
def test_video_is_kept_and_its_metadata_removed(tmp_path: Path, kind: str) -> None:
    raw = make_video(tmp_path, kind)
    assert all(secret.encode() in raw for secret in (SECRETS[0], SECRETS[3])), "the sample carries its tags"
    assert probe(raw, tmp_path, kind)["format"]["tags"]["title"] == SECRETS[0]
    cleaned = clean_upload(raw, f"man-hinh.{kind}")
    assert cleaned.content_type == video.VIDEO_KINDS[kind][0] and cleaned.extension == kind
    info = probe(cleaned.data, tmp_path, kind)
    text = json.dumps(info) + cleaned.data.decode("latin-1")
    assert not [secret for secret in SECRETS if secret in text]
    assert {stream["codec_type"] for stream in info["streams"]} == {"video", "audio"}
    assert float(info["format"]["duration"]) > 0.5


def test_audio_recording_in_an_mp4_box_stays_audio(tmp_path: Path) -> None:
    out = tmp_path / "call.m4a"
    subprocess.run(  # noqa: S603
        ["ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=300", "-t", "1", str(out)],  # noqa: S607
        check=True,
    )
    assert clean_upload(out.read_bytes(), "cuoc-goi.m4a").content_type == "audio/mp4"


def test_videos_are_capped_in_number_and_size(tmp_path: Path, settings: Any) -> None:
    clip = make_video(tmp_path, "mp4")
    settings.REPORT_VIDEO_MAX_FILES = 1
    with pytest.raises(EvidenceError, match="tối đa 1 video"):
        clean_uploads([(clip, "a.mp4"), (clip, "b.mp4")])
    settings.REPORT_VIDEO_MAX_MB = 0
    with pytest.raises(EvidenceError, match="lớn hơn 0 MB"):
        clean_upload(clip, "a.mp4")


def test_without_ffmpeg_a_video_is_refused_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clip = make_video(tmp_path, "mp4")
    monkeypatch.setattr(video, "ffmpeg", lambda: None)
    with pytest.raises(EvidenceError, match="thiếu ffmpeg"):
        clean_upload(clip, "a.mp4")
    assert not video.available()


@pytest.mark.django_db
def test_report_form_stores_a_clean_video(tmp_path: Path, units: None) -> None:
    category = ReportCategory.objects.get(code="lua-dao").pk
    clip = SimpleUploadedFile("quay-man-hinh.mp4", make_video(tmp_path, "mp4"), content_type="video/mp4")
    response = Client().post(reverse("reports:new"), valid_post(category=category, evidence=[clip]))
    assert response.status_code == 302
    stored = Evidence.objects.get()
    assert stored.content_type == "video/mp4" and stored.file.name.endswith(".mp4")
    assert SECRETS[0].encode() not in stored.file.read()
