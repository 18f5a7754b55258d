"""Limits checked on uploaded files before any of their content is read or decoded.

Django has already streamed each file above FILE_UPLOAD_MAX_MEMORY_SIZE to a temporary file; here the count
and each declared size are checked first, then the files are cleaned one at a time, so a single raw file (at
most MAX_BYTES) is in memory at once. (Kept in one module so that it follows the upload code wherever it
moves.)"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from toandan.core import video
from toandan.core.uploads import (
    MAX_FILES,
    CleanFile,
    EvidenceError,
    check_video_count,
    clean_upload,
    limit_for,
    too_large,
)


def check_sizes(files: Sequence[Any], max_files: int = MAX_FILES) -> None:
    """Refuse too many files, or one too large, from what the request declared (nothing read)."""
    if len(files) > max_files:
        raise EvidenceError(_("Chỉ gửi được tối đa %(count)s tệp.") % {"count": max_files})
    for item in files:
        head = _head(item)
        if (getattr(item, "size", None) or 0) > limit_for(head):
            name = Path(getattr(item, "name", "") or "tep").name[:150]
            raise too_large(name, video_kind=bool(video.sniff_video(head)))


def _head(item: Any) -> bytes:
    item.seek(0)
    head = item.read(64)
    item.seek(0)
    return head


def _read(item: Any) -> bytes:
    # Read at most one byte past the cap (larger for what may be a video): a file whose declared size lied is
    # still refused.
    limit = limit_for(_head(item))
    return item.read(limit + 1)


def clean_files(files: Sequence[Any], max_files: int = MAX_FILES) -> list[CleanFile]:
    """Check, then clean each uploaded file in turn (raises EvidenceError naming the first bad one)."""
    contents = read_files(files, max_files)
    check_video_count([data for data, _name in contents])
    return [clean_upload(data, name) for data, name in contents]


def read_files(files: Sequence[Any], max_files: int = MAX_FILES) -> list[tuple[bytes, str]]:
    """The files' contents for code that cleans them itself, after the same checks."""
    check_sizes(files, max_files)
    return [(_read(item), getattr(item, "name", "") or "") for item in files]
