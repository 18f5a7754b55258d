"""Reading plan documents: type sniffing, encodings, and every refusal as a PlanImportError with its code."""

import io
import json
import os
import random
import shutil
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document

from toandan.plans.importer import MAX_BYTES, PlanImportError, import_document, parse_plan, read_document
from toandan.plans.importer.doc_text import doc_converter, join_wrapped_rows

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PLAN = (FIXTURES / "kh-nhan-nhiem-vu.txt").read_text(encoding="utf-8")


def _png() -> bytes:
    """A valid 1×1 PNG: what a scanned page pasted into Word carries instead of text."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x00"))
        + chunk(b"IEND", b"")
    )


PNG = _png()
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as legacy Vietnamese tools wrote it: base letters precomposed, tone marks combining."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            out += base.encode("cp1258") + "".join(c for c in parts if c in _TONES).encode("cp1258")
    return bytes(out)


def code_of(call: Callable[..., object], *args: object) -> str:
    with pytest.raises(PlanImportError) as caught:
        call(*args)
    assert caught.value.message and str(caught.value) == caught.value.message
    return caught.value.code


@pytest.mark.parametrize("data", [b"", b"   \r\n\t ", b"\xef\xbb\xbf", b"\xff\xfe"])
def test_empty_documents(data: bytes) -> None:
    assert code_of(read_document, data) == "empty"


def test_empty_text_and_empty_docx() -> None:
    assert code_of(parse_plan, "  \n ") == "empty"
    out = io.BytesIO()
    Document().save(out)
    assert code_of(read_document, out.getvalue()) == "empty"


def test_not_a_plan_without_heading() -> None:
    letter = (
        "UBND TỈNH QUẢNG NGÃI\nSố: 12/UBND-NC\nV/v tăng cường phòng, chống lừa đảo\n"
        "1. Công an tỉnh chủ trì.\n"
    )
    assert code_of(import_document, letter.encode()) == "not_a_plan"


def test_not_a_plan_without_tasks() -> None:
    heading_only = "UBND TỈNH QUẢNG NGÃI\nSố: 12/KH-UBND\nKẾ HOẠCH\nVề việc gì đó\n\nNội dung sẽ bổ sung sau."
    assert code_of(import_document, heading_only.encode()) == "not_a_plan"


def test_binary_garbage() -> None:
    noise = random.Random(138).randbytes(4096)
    assert code_of(read_document, noise) == "unsupported_format"
    assert code_of(read_document, b"\x00\x01\x02\x03" * 100) == "unsupported_format"


@pytest.mark.parametrize(
    "data",
    [
        # TCVN3 (ABC) bytes: legacy font encoding, not a code page Python can name.
        b"K\xd5 HO\xb9CH\nPh\xdfng ch\xe8ng t\xa9i ph\xb9m tr\xaan kh\xb4ng gian m\xb9ng\n",
        # Bytes Windows-1258 does not define.
        "KẾ HOẠCH".encode()[:3] + b"\x81\x8d\x8f\x90 k\x9d ho\x8ach",
    ],
)
def test_unknown_encoding(data: bytes) -> None:
    assert code_of(read_document, data) == "unknown_encoding"


def test_too_large() -> None:
    assert code_of(read_document, b"a" * (MAX_BYTES + 1)) == "too_large"


def test_scanned_documents_have_no_text() -> None:
    assert code_of(read_document, PNG) == "no_text"
    doc = Document()
    doc.add_picture(io.BytesIO(PNG))
    out = io.BytesIO()
    doc.save(out)
    assert code_of(read_document, out.getvalue()) == "no_text"


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512


def test_legacy_word_without_a_converter_asks_for_docx(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no antiword, no LibreOffice on this PATH
    with pytest.raises(PlanImportError) as caught:
        read_document(OLE, "ke-hoach.doc")
    assert caught.value.code == "unsupported_format"
    assert "antiword hoặc LibreOffice" in caught.value.message and ".docx" in caught.value.message


@pytest.mark.skipif(
    doc_converter() is None, reason="no .doc converter (antiword/LibreOffice) on this machine"
)
def test_damaged_legacy_word_is_reported_by_the_converter() -> None:
    with pytest.raises(PlanImportError) as caught:
        read_document(OLE, "ke-hoach.doc")
    assert caught.value.code == "corrupt_document" and "(.doc)" in caught.value.message


def _antiword_or_skip() -> None:
    if shutil.which("antiword") is None:
        message = "antiword not installed (apt-get install antiword)"
        if os.environ.get("CI", "").lower() in ("1", "true"):
            pytest.fail(message)  # .ci/run installs it: a CI run without it is a broken CI
        pytest.skip(message)


def test_genuine_word_97_document_reads_like_its_docx() -> None:
    """docx-bang-nhiem-vu.doc is the team's invented table plan (tests/plans/test_importer_layouts.py
    build_table_plan) saved as "MS Word 97" by LibreOffice 7.4: a real .doc, read here through antiword."""
    _antiword_or_skip()
    data = (FIXTURES / "docx-bang-nhiem-vu.doc").read_bytes()
    text = read_document(data, "ke-hoach.doc")
    # antiword wraps table cells over several lines: each task row comes back as one line.
    assert "|Biên soạn, phát hành tài liệu hỏi - đáp về phòng, chống lừa đảo trực tuyến|" in text
    draft = import_document(data, "ke-hoach.doc")
    expected = json.loads((FIXTURES / "docx-bang-nhiem-vu.expected.json").read_text(encoding="utf-8"))
    assert (draft.number, draft.date.isoformat()) == (expected["number"], expected["date"])
    got = [(t.title, t.lead, t.support, t.timeframe.recurring) for t in draft.tasks]
    assert got == [(t["title"], t["lead"], t["support"], t["recurring"]) for t in expected["tasks"]]


def test_antiword_wrapped_rows_are_joined_but_rows_of_their_own_are_kept() -> None:
    wrapped = "|1  |Làm      |Sở A  |\n|   |việc X   |      |\n|2  |Làm Y    |Sở B  |\n|   |         |      |"
    assert join_wrapped_rows(wrapped) == "|1|Làm việc X|Sở A|\n|2  |Làm Y    |Sở B  |\n|   |         |      |"


def test_other_archives_are_refused() -> None:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    assert code_of(read_document, archive.getvalue(), "plan.docx") == "unsupported_format"


def test_damaged_docx() -> None:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("word/document.xml", "not xml at all")
    assert code_of(read_document, archive.getvalue()) == "corrupt_document"


def test_damaged_pdf_is_refused_clearly() -> None:
    with pytest.raises(PlanImportError) as caught:
        read_document(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\nthis is not a pdf body\n")
    assert caught.value.code == "corrupt_document" and "PDF" in caught.value.message


def test_pdf_without_a_text_layer_is_a_scan() -> None:
    from pypdf import PdfWriter

    out = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.write(out)
    assert code_of(read_document, out.getvalue()) == "no_text"


def test_type_comes_from_content_not_name() -> None:
    out = io.BytesIO()
    doc = Document()
    for line in PLAN.splitlines():
        doc.add_paragraph(line)
    doc.save(out)
    assert read_document(out.getvalue(), "ke-hoach.txt").startswith("ỦY BAN NHÂN DÂN")
    assert read_document(PLAN.encode(), "ke-hoach.docx").startswith("ỦY BAN NHÂN DÂN")


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),
        lambda t: t.encode("utf-16-le"),
        lambda t: unicodedata.normalize("NFD", t).encode("utf-8"),
        to_cp1258,
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-no-bom", "utf8-decomposed", "cp1258"],
)
def test_encodings_give_the_same_plan(encode: Callable[[str], bytes]) -> None:
    expected = parse_plan(PLAN).to_json()
    assert import_document(encode(PLAN)).to_json() == expected


def test_utf8_with_a_damaged_byte_still_reads() -> None:
    data = PLAN.encode("utf-8")
    cut = data.index("KẾ HOẠCH".encode()) - 40
    text = read_document(data[:cut] + b"\xff" + data[cut:])
    assert "\ufffd" in text and parse_plan(text).number == "58/KH-UBND"


def test_messages_are_vietnamese() -> None:
    with pytest.raises(PlanImportError) as caught:
        read_document(b"a" * (MAX_BYTES + 10))
    assert "Tệp quá lớn" in caught.value.message and "5 MB" in caught.value.message
