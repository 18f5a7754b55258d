"""Evidence files: sniffed by content, size-capped, metadata removed; anything else refused clearly."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from toandan.core.uploads import MAX_BYTES, EvidenceError, clean_upload, clean_uploads


def test_jpeg_is_reencoded_without_gps_or_camera(evidence_files: dict[str, bytes]) -> None:
    original = Image.open(io.BytesIO(evidence_files["jpeg"]))
    assert original.getexif().get(0x010F) == "CameraMaker"
    clean = clean_upload(evidence_files["jpeg"], "anh.jpg")
    assert clean.content_type == "image/jpeg"
    exif = Image.open(io.BytesIO(clean.data)).getexif()
    assert len(exif) == 0 and b"CameraMaker" not in clean.data


def test_pdf_metadata_is_removed(evidence_files: dict[str, bytes]) -> None:
    assert b"Nguyen Van A" in evidence_files["pdf"]
    clean = clean_upload(evidence_files["pdf"], "bien-ban.pdf")
    assert clean.content_type == "application/pdf" and b"Nguyen Van A" not in clean.data


def test_audio_tags_are_removed(evidence_files: dict[str, bytes]) -> None:
    clean = clean_upload(evidence_files["mp3"], "ghi-am.mp3")
    assert clean.content_type == "audio/mpeg" and b"Ghi am cuoc goi" not in clean.data


def test_type_comes_from_content_not_name(evidence_files: dict[str, bytes]) -> None:
    assert clean_upload(evidence_files["png"], "anh.pdf").content_type == "image/png"
    with pytest.raises(EvidenceError, match="không phải ảnh"):
        clean_upload(b"MZ\x90\x00 pretend executable", "anh.jpg")
    with pytest.raises(EvidenceError, match="không phải ảnh"):
        clean_upload(b"<html><script>alert(1)</script>", "anh.png")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "trống"),
        (b"\xff\xd8\xff" + b"x" * 100, "Không đọc được ảnh"),
        (b"%PDF-1.4 broken", "Không đọc được tệp PDF"),
        (b"OggS" + b"\x00" * 40, "Không đọc được tệp âm thanh"),
    ],
)
def test_broken_files_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(EvidenceError, match=message):
        clean_upload(data, "tep")


def test_size_and_count_limits(evidence_files: dict[str, bytes]) -> None:
    with pytest.raises(EvidenceError, match="10 MB"):
        clean_upload(b"%PDF-" + b"0" * MAX_BYTES, "lon.pdf")
    with pytest.raises(EvidenceError, match="tối đa 10 tệp"):
        clean_uploads([(evidence_files["png"], f"{i}.png") for i in range(11)])


def test_path_in_name_is_dropped(evidence_files: dict[str, bytes]) -> None:
    assert clean_upload(evidence_files["png"], "../../etc/passwd.png").original_name == "passwd.png"


def test_heic_photo_from_a_phone_becomes_a_clean_jpeg() -> None:
    import pillow_heif

    pillow_heif.register_heif_opener()
    out = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    Image.new("RGB", (40, 30), (1, 2, 3)).save(out, format="HEIF", exif=exif.tobytes())
    clean = clean_upload(out.getvalue(), "IMG_0001.HEIC")
    assert clean.content_type == "image/jpeg" and clean.extension == "jpg"
    assert b"PhoneMaker" not in clean.data and Image.open(io.BytesIO(clean.data)).size == (40, 30)
