"""Evidence files: the type is sniffed from the content (never the name), the size capped, and metadata
removed — images are re-encoded without EXIF/GPS, PDFs rewritten without document info or XMP, audio tags
deleted, short videos remuxed without metadata (``core.video``, needs ffmpeg). Anything else is refused with a
message the reporter understands."""

from __future__ import annotations

import hashlib
import io
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from toandan.core import video

MAX_FILES = 10
MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_PDF_PAGES = 500
PDF_PAGE_KEYS_DROPPED = ("/AA", "/Annots")
PDF_ACTIVE_TOKENS = (
    b"/JavaScript",
    b"/JS",
    b"/Launch",
    b"/EmbeddedFile",
    b"/AcroForm",
    b"/OpenAction",
    b"/XFA",
    b"/RichMedia",
    b"/SubmitForm",
    b"/ImportData",
    b"/GoToR",
)
IMAGE_FORMATS = {"JPEG": ("image/jpeg", "jpg"), "PNG": ("image/png", "png"), "WEBP": ("image/webp", "webp")}


class EvidenceError(ValueError):
    """A file that cannot be accepted, with the reason in the reporter's language."""


@dataclass
class CleanFile:
    """An accepted file, cleaned and ready to store."""

    data: bytes
    content_type: str
    extension: str
    original_name: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def sniff(head: bytes) -> str | None:
    """The content kind from the first bytes: image, pdf, mp3, m4a, ogg, heic — or None."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"OggS"):
        return "ogg"
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "mp3"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1"):
            return "heic"
        if brand in (b"M4A ", b"M4B ", b"mp42", b"isom", b"mp41", b"dash"):
            return "m4a"
    if head.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")) or (
        head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    ):
        return "image"
    return None


def _clean_image(data: bytes, name: str, heic: bool = False) -> CleanFile:
    if heic:
        import pillow_heif

        pillow_heif.register_heif_opener()
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            # The size is checked below, before decoding; Pillow's own warning would only be noise.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
        with image:
            image_format = "JPEG" if heic else (image.format or "")
            if image_format not in IMAGE_FORMATS:
                raise EvidenceError(_("Định dạng ảnh không được hỗ trợ."))
            # From the header, before decoding: Pillow itself raises only past twice MAX_IMAGE_PIXELS.
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise EvidenceError(_("Ảnh quá lớn (quá 40 triệu điểm ảnh)."))
            image.load()
            upright = ImageOps.exif_transpose(image)
            if image_format == "JPEG" and upright.mode not in ("RGB", "L"):
                upright = upright.convert("RGB")
            out = io.BytesIO()
            # Saving without exif/icc/xmp arguments drops GPS, camera and every other metadata block.
            upright.save(out, format=image_format, **({"quality": 90} if image_format != "PNG" else {}))
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError) as exc:
        raise EvidenceError(_("Không đọc được ảnh (tệp hỏng hoặc quá lớn).")) from exc
    content_type, extension = IMAGE_FORMATS[image_format]
    return CleanFile(out.getvalue(), content_type, extension, name)


def _clean_pdf(data: bytes, name: str) -> CleanFile:
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise EvidenceError(_("Tệp PDF có mật khẩu; hãy gửi bản không đặt mật khẩu."))
        if len(reader.pages) > MAX_PDF_PAGES:
            raise EvidenceError(_("Tệp PDF quá nhiều trang."))
        writer = PdfWriter()
        for page in reader.pages:
            # Pages only: the new document has no catalogue actions, JavaScript, forms or attachments, and
            # each page loses its own actions and its annotations (links, widgets, file attachments).
            for key in PDF_PAGE_KEYS_DROPPED:
                if key in page:
                    del page[key]
            writer.add_page(page)
        writer.metadata = None
        out = io.BytesIO()
        writer.write(out)
    except (PdfReadError, ValueError, KeyError, TypeError, RecursionError) as exc:
        raise EvidenceError(_("Không đọc được tệp PDF.")) from exc
    cleaned = out.getvalue()
    if any(token in cleaned for token in PDF_ACTIVE_TOKENS):
        # Something active survived inside a page's resources: refused rather than stored.
        raise EvidenceError(_("Tệp PDF chứa mã lệnh hoặc tệp đính kèm; hãy in ra PDF mới rồi gửi lại."))
    return CleanFile(cleaned, "application/pdf", "pdf", name)


def _clean_audio(data: bytes, name: str, kind: str) -> CleanFile:
    import mutagen

    suffix = {"mp3": ".mp3", "m4a": ".m4a", "ogg": ".ogg"}[kind]
    with tempfile.NamedTemporaryFile(suffix=suffix) as handle:
        handle.write(data)
        handle.flush()
        try:
            audio = mutagen.File(handle.name)
        except mutagen.MutagenError as exc:
            raise EvidenceError(_("Không đọc được tệp âm thanh.")) from exc
        if audio is None:
            raise EvidenceError(_("Không đọc được tệp âm thanh."))
        if audio.tags is not None:
            audio.delete()
        cleaned = Path(handle.name).read_bytes()
    content_type = {"mp3": "audio/mpeg", "m4a": "audio/mp4", "ogg": "audio/ogg"}[kind]
    return CleanFile(cleaned, content_type, kind, name)


def limit_for(head: bytes) -> int:
    """The most bytes a file starting with `head` may have: more for what may be a video."""
    return max(MAX_BYTES, video.max_bytes()) if video.sniff_video(head) else MAX_BYTES


def too_large(name: str, video_kind: bool = False) -> EvidenceError:
    if video_kind:
        return EvidenceError(
            _("Video “%(name)s” lớn hơn %(size)s MB.") % {"name": name, "size": video.max_bytes() // 1048576}
        )
    return EvidenceError(_("Tệp “%(name)s” lớn hơn 10 MB.") % {"name": name})


def _clean_video(data: bytes, name: str, kind: str) -> CleanFile:
    if len(data) > video.max_bytes():
        raise too_large(name, video_kind=True)
    try:
        cleaned = video.clean_video(data, kind)
    except video.VideoError as exc:
        raise EvidenceError(f"“{name}”: {exc}") from exc
    content_type, extension = video.VIDEO_KINDS[kind]
    return CleanFile(cleaned, content_type, extension, name)


def clean_upload(data: bytes, name: str) -> CleanFile:
    """Accept one uploaded file or raise EvidenceError saying why not."""
    safe_name = Path(name or "tep").name[:150]
    if not data:
        raise EvidenceError(_("Tệp “%(name)s” trống.") % {"name": safe_name})
    video_kind = video.is_video(data) if video.sniff_video(data[:64]) else None
    if video_kind:
        return _clean_video(data, safe_name, video_kind)
    if len(data) > MAX_BYTES:
        raise too_large(safe_name)
    kind = sniff(data[:32])
    if kind is None:
        raise EvidenceError(
            _(
                "Tệp “%(name)s” không phải ảnh (JPEG, PNG, WebP, HEIC), PDF, âm thanh (MP3, M4A, OGG) hay "
                "video ngắn (MP4, MOV, WebM)."
            )
            % {"name": safe_name}
        )
    if kind == "image":
        return _clean_image(data, safe_name)
    if kind == "heic":
        return _clean_image(data, safe_name, heic=True)
    if kind == "pdf":
        return _clean_pdf(data, safe_name)
    return _clean_audio(data, safe_name, kind)


def read_upload(upload: Any) -> tuple[bytes, str]:
    """The content and name of an uploaded file, read in chunks: reading stops just past MAX_BYTES, so an
    oversized file is refused by ``clean_upload`` without ever being held whole."""
    data = bytearray()
    limit = MAX_BYTES
    for chunk in upload.chunks():
        if not data:
            limit = limit_for(chunk[:64])
        data += chunk
        if len(data) > limit:
            break
    return bytes(data[: limit + 1]), getattr(upload, "name", "") or ""


def read_uploads(uploads: list[Any]) -> list[tuple[bytes, str]]:
    return [read_upload(upload) for upload in uploads]


def check_video_count(contents: list[bytes]) -> None:
    """Refuse more videos than allowed, before any is cleaned."""
    videos = sum(1 for data in contents if video.sniff_video(data[:64]) and video.is_video(data))
    if videos > video.max_files():
        raise EvidenceError(_("Chỉ gửi được tối đa %(count)s video.") % {"count": video.max_files()})


def clean_uploads(files: list[tuple[bytes, str]]) -> list[CleanFile]:
    if len(files) > MAX_FILES:
        raise EvidenceError(_("Chỉ gửi được tối đa %(count)s tệp.") % {"count": MAX_FILES})
    check_video_count([data for data, _name in files])
    return [clean_upload(data, name) for data, name in files]
