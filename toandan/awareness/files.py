"""The one place this app uses the upload helpers (today in toandan/reports/uploads.py; they are moving to
toandan/core/files.py — re-point the import here and nowhere else)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from toandan.core.uploads import CleanFile, EvidenceError, clean_upload

MAX_IMAGE_BYTES = 5 * 1024 * 1024


def clean_image(data: bytes, name: str) -> CleanFile:
    """An image re-encoded without metadata, or ValidationError with the reason in Vietnamese."""
    if len(data) > MAX_IMAGE_BYTES:
        raise ValidationError(_("Ảnh lớn hơn 5 MB."))
    try:
        clean = clean_upload(data, name)
    except EvidenceError as exc:
        raise ValidationError(str(exc)) from exc
    if not clean.content_type.startswith("image/"):
        raise ValidationError(_("Tệp này không phải ảnh (JPEG, PNG, WebP, HEIC)."))
    return clean


def store(image: object, clean: CleanFile) -> None:
    """Save the cleaned bytes into the model's file field (not yet the row)."""
    image.file.save(f"anh.{clean.extension}", ContentFile(clean.data), save=False)  # type: ignore[attr-defined]
