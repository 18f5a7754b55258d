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

from toandan.core.uploads import MAX_BYTES, MAX_FILES, CleanFile, EvidenceError, clean_upload


def check_sizes(files: Sequence[Any], max_files: int = MAX_FILES) -> None:
    """Refuse too many files, or one too large, from what the request declared (nothing read)."""
    if len(files) > max_files:
        raise EvidenceError(_("Chỉ gửi được tối đa %(count)s tệp.") % {"count": max_files})
    for item in files:
        if (getattr(item, "size", None) or 0) > MAX_BYTES:
            name = Path(getattr(item, "name", "") or "tep").name[:150]
            raise EvidenceError(_("Tệp “%(name)s” lớn hơn 10 MB.") % {"name": name})


def _read(item: Any) -> bytes:
    # Read at most one byte past the cap: a file whose declared size lied is still refused.
    item.seek(0)
    return item.read(MAX_BYTES + 1)


def clean_files(files: Sequence[Any], max_files: int = MAX_FILES) -> list[CleanFile]:
    """Check, then clean each uploaded file in turn (raises EvidenceError naming the first bad one)."""
    check_sizes(files, max_files)
    return [clean_upload(_read(item), getattr(item, "name", "") or "") for item in files]


def read_files(files: Sequence[Any], max_files: int = MAX_FILES) -> list[tuple[bytes, str]]:
    """The files' contents for code that cleans them itself, after the same checks."""
    check_sizes(files, max_files)
    return [(_read(item), getattr(item, "name", "") or "") for item in files]
