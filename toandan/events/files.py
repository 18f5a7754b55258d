"""Event materials through the platform's one upload path (sniffed, capped, metadata stripped).

The cleaning code lives in toandan.core.uploads today and moves to toandan.core.files: this module is the
only place in the app that imports it."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import FileResponse

from toandan.core.uploads import MAX_FILES, CleanFile, EvidenceError, clean_uploads

__all__ = ["MAX_FILES", "CleanFile", "UploadError", "clean", "download", "store"]

UploadError = EvidenceError


def clean(uploads: list[tuple[bytes, str]]) -> list[CleanFile]:
    """Clean uploaded files or raise UploadError with a message for the uploader."""
    return clean_uploads(uploads)


def store(row, clean_file: CleanFile, index: int, written: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Fill a model row with a `file` field and the usual metadata columns from a cleaned file and save it;
    the stored name is appended to `written` so that a rolled-back caller can delete it."""
    row.original_name = clean_file.original_name
    row.content_type = clean_file.content_type
    row.size = len(clean_file.data)
    row.sha256 = clean_file.sha256
    row.file.save(
        f"{index:02d}-{clean_file.sha256[:12]}.{clean_file.extension}",
        ContentFile(clean_file.data),
        save=False,
    )
    written.append(row.file.name)
    row.save()


def discard(names: list[str]) -> None:
    for name in names:
        default_storage.delete(name)


def download(row) -> FileResponse:  # type: ignore[no-untyped-def]
    response = FileResponse(
        row.file.open("rb"), content_type=row.content_type, as_attachment=True, filename=row.original_name
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
