"""Fixtures for report tests: sample evidence files made here (never real people's files)."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import Any

import pytest
from PIL import Image


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    exif[0x8825] = {1: "N", 2: (15.0, 7.0, 30.0), 3: "E", 4: (108.0, 48.0, 0.0)}  # GPS IFD
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (10, 10), (0, 0, 255, 128)).save(out, format="PNG")
    return out.getvalue()


def pdf_with_metadata() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_metadata({"/Author": "Nguyen Van A", "/Title": "Bang chung"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def mp3_with_tags() -> bytes:
    from mutagen.id3 import ID3, TIT2

    frame = bytes([0xFF, 0xFB, 0x90, 0x64]) + bytes(413)
    with tempfile.NamedTemporaryFile(suffix=".mp3") as handle:
        handle.write(frame * 20)
        handle.flush()
        tags = ID3()
        tags.add(TIT2(encoding=3, text="Ghi am cuoc goi"))
        tags.save(handle.name)
        return Path(handle.name).read_bytes()


@pytest.fixture
def evidence_files() -> dict[str, bytes]:
    return {"jpeg": jpeg_with_gps(), "png": png_bytes(), "pdf": pdf_with_metadata(), "mp3": mp3_with_tags()}


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
