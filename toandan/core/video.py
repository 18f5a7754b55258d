"""Short screen recordings as evidence (MP4, MOV, WebM): recognised from their content, capped in size and
number (settings ``REPORT_VIDEO_MAX_MB``, ``REPORT_VIDEO_MAX_FILES``), and remuxed by Debian's ``ffmpeg``
without any metadata: the container's tags (creation time, place, device, software), chapters, and every
stream but the first video and audio ones (phones write location and motion as extra data streams). The
pictures and sound are copied, not re-encoded.

Without ffmpeg a video cannot be cleaned: it is refused with a message saying why (never stored with its
metadata), the form stops offering it, and ``toandan check-deploy`` names the missing package.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess  # noqa: S404 - ffmpeg with a fixed argument list, never a shell
import tempfile
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

VIDEO_KINDS = {"mp4": ("video/mp4", "mp4"), "mov": ("video/quicktime", "mov"), "webm": ("video/webm", "webm")}
# Brands of an ISO media file that are audio only; other brands are video when a track's handler says so.
AUDIO_BRANDS = (b"M4A ", b"M4B ")
_VIDEO_HANDLER = re.compile(rb"hdlr.{8}vide", re.DOTALL)
TIMEOUT_SECONDS = 120


class VideoError(ValueError):
    """A video that cannot be accepted, with the reason in the reporter's language."""


def max_bytes() -> int:
    return int(getattr(settings, "REPORT_VIDEO_MAX_MB", 20)) * 1024 * 1024


def max_files() -> int:
    return int(getattr(settings, "REPORT_VIDEO_MAX_FILES", 2))


def ffmpeg() -> str | None:
    """The ffmpeg program, or None when it is not installed (``apt-get install ffmpeg``)."""
    return shutil.which("ffmpeg")


def available() -> bool:
    return ffmpeg() is not None and max_files() > 0


def sniff_video(head: bytes) -> str | None:
    """'mov', 'webm', or 'iso' (an MP4-family file that may be audio or video: see ``refine``) — or None."""
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand == b"qt  ":
            return "mov"
        if brand not in AUDIO_BRANDS:
            return "iso"
    if head.startswith(b"\x1a\x45\xdf\xa3") and b"webm" in head:
        return "webm"
    return None


def is_video(data: bytes) -> str | None:
    """The video kind of a whole file ('mp4', 'mov', 'webm'), or None (an M4A recording is audio)."""
    kind = sniff_video(data[:64])
    if kind == "iso":
        return "mp4" if _VIDEO_HANDLER.search(data) else None
    return kind


def clean_video(data: bytes, kind: str) -> bytes:
    """The video remuxed without metadata (see the module's docstring), or VideoError."""
    program = ffmpeg()
    if program is None:
        logger.error("video evidence refused: ffmpeg is not installed (apt-get install ffmpeg)")
        raise VideoError(
            _("Hệ thống chưa xử lý được video (máy chủ thiếu ffmpeg); hãy gửi ảnh chụp màn hình thay thế.")
        )
    extension = VIDEO_KINDS[kind][1]
    with tempfile.TemporaryDirectory(prefix="toandan-video-") as folder:
        source, target = Path(folder) / f"in.{extension}", Path(folder) / f"out.{extension}"
        source.write_bytes(data)
        command = [
            program,
            "-nostdin",
            "-v",
            "error",
            "-i",
            str(source),
            "-map",
            "0:v:0",
            "-map",
            "0:a:0?",
            "-map_metadata",
            "-1",
            "-map_chapters",
            "-1",
            "-c",
            "copy",
            "-fflags",
            "+bitexact",
            "-flags:v",
            "+bitexact",
            "-flags:a",
            "+bitexact",
        ]
        if kind != "webm":
            command += ["-movflags", "+faststart"]
        command.append(str(target))
        try:
            done = subprocess.run(  # noqa: S603 - fixed arguments, files in our own temporary folder
                command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False
            )
        except subprocess.TimeoutExpired as exc:
            raise VideoError(_("Video quá dài để xử lý; hãy gửi đoạn ngắn hơn.")) from exc
        if done.returncode != 0 or not target.exists() or not target.stat().st_size:
            logger.info("video refused by ffmpeg: %s", done.stderr[-500:].decode(errors="replace"))
            raise VideoError(_("Không đọc được video (tệp hỏng hoặc định dạng không hỗ trợ)."))
        return target.read_bytes()
