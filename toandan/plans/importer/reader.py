"""Bytes to text: sniff the type from the content (never the file name), decode, or refuse clearly."""

from __future__ import annotations

import codecs
import io
import re
import unicodedata
import zipfile

from .doc_text import doc_text
from .docx_text import docx_text
from .errors import MESSAGES, PlanImportError

__all__ = ["MAX_BYTES", "decode_text", "read_document", "sniff"]

MAX_BYTES = 5 * 1024 * 1024
# A .docx is compressed; refuse archives that would inflate far beyond any real plan (zip bombs).
MAX_UNZIPPED = 60 * 1024 * 1024
_VIETNAMESE = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ]|[\u0300\u0301\u0303\u0309\u0323]|[à-ỹ]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def sniff(data: bytes) -> str:
    """Name the container: docx, zip, pdf, doc, rtf, image or text."""
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return "zip"
        return "docx" if "word/document.xml" in names else "zip"
    if data[:5] == b"%PDF-":
        return "pdf"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "doc"
    if data[:5] == b"{\\rtf":
        return "rtf"
    if (
        data[:8] == b"\x89PNG\r\n\x1a\n"
        or data[:3] == b"\xff\xd8\xff"
        or data[:4] in (b"II*\x00", b"MM\x00*")
    ):
        return "image"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image"
    return "text"


def _sensible(text: str) -> bool:
    """Does text decoded from a legacy code page read as Vietnamese rather than symbol soup?"""
    if _CONTROL.search(text):
        return False
    words = [w.strip(".,;:!?()\"'“”-–") for w in text.split()]
    accented = [w for w in words if w and not w.isascii()]
    if not accented:
        return True
    alpha = sum(1 for w in accented if unicodedata.normalize("NFC", w).isalpha())
    return alpha / len(accented) >= 0.9 and bool(_VIETNAMESE.search(text))


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(2, len(sample) // 100)


def decode_text(data: bytes) -> str:
    """Decode a plain-text plan: BOMs first, then UTF-8, UTF-16 without BOM, then Windows-1258."""
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise PlanImportError("unknown_encoding") from exc
    if b"\x00" in data[:4096]:
        even, odd = data[0:4096:2].count(0), data[1:4096:2].count(0)
        codec = "utf-16-be" if even > odd else "utf-16-le"
        if max(even, odd) > len(data[:4096]) // 4:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                text = ""
            if text and not _CONTROL.search(text):
                return text
        raise PlanImportError("unsupported_format", kind="binary")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # A UTF-8 file with a few damaged bytes (a truncated copy, a stray byte) is still that file.
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    if bad <= max(3, len(lenient) // 2000) and sum(1 for c in lenient if ord(c) > 127) > 20 * bad:
        return lenient
    if _looks_binary(data):
        raise PlanImportError("unsupported_format", kind="binary")
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError as exc:
        raise PlanImportError("unknown_encoding") from exc
    if not _sensible(text):
        raise PlanImportError("unknown_encoding")
    return text


def _pdf_text(data: bytes) -> str:
    """The text layer of a PDF (pypdf); a scan without one gives no text and is refused by the caller."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise PlanImportError("corrupt_document", MESSAGES["corrupt_pdf"])
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except PlanImportError:
        raise
    except Exception as exc:  # noqa: BLE001 - any parser failure means the same thing to the officer
        raise PlanImportError("corrupt_document", MESSAGES["corrupt_pdf"]) from exc


def _docx(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if sum(info.file_size for info in archive.infolist()) > MAX_UNZIPPED:
            raise PlanImportError("too_large", size=round(len(data) / 1048576, 1), limit=MAX_BYTES // 1048576)
    try:
        text, has_pictures = docx_text(data)
    except Exception as exc:  # noqa: BLE001 - python-docx raises many types for a damaged package
        raise PlanImportError("corrupt_document") from exc
    if not text.strip() and has_pictures:
        raise PlanImportError("no_text")
    return text


def normalise_text(text: str) -> str:
    """NFC (legacy and Mac tools write decomposed accents), Unix newlines, no BOM or invisible spaces."""
    text = unicodedata.normalize("NFC", text.lstrip("\ufeff"))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = re.sub(r"[\u00a0\u2007\u202f\u3000]", " ", text)
    return re.sub(r"[\u200b-\u200d\u2060\ufeff\u00ad]", "", text)


def read_document(data: bytes, filename: str | None = None) -> str:
    """Extract the text of a plan document (.docx, .txt, PDF with a text layer, .doc through a converter).

    The type is sniffed from the bytes; `filename` is only used to name the format in error messages.
    Raises PlanImportError with code too_large, empty, unsupported_format, corrupt_document, no_text or
    unknown_encoding.
    """
    data = bytes(data)
    if len(data) > MAX_BYTES:
        raise PlanImportError("too_large", size=round(len(data) / 1048576, 1), limit=MAX_BYTES // 1048576)
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise PlanImportError("empty")
    kind = sniff(data)
    if kind == "docx":
        text = _docx(data)
    elif kind == "pdf":
        text = _pdf_text(data)
        if not text.strip():
            raise PlanImportError("no_text")
    elif kind == "image":
        raise PlanImportError("no_text")
    elif kind == "text":
        text = decode_text(data)
    elif kind == "doc":
        text = doc_text(data)
    else:
        label = {"doc": "Word 97-2003 (.doc)", "rtf": "RTF", "zip": "ZIP"}.get(kind, kind)
        if filename and "." in filename:
            label = f"{label}, {filename.rsplit('.', 1)[-1].lower()}"
        raise PlanImportError("unsupported_format", kind=label)
    text = normalise_text(text)
    if not text.strip():
        raise PlanImportError("empty")
    return text
