"""Uploads cannot exhaust the server: bodies refused before they are read, counts and sizes checked before
decoding, decompression bombs and active PDFs refused or defused, replays not processed again, "add
information" limited, and a committed report keeps its files."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from tests.reports.test_report_form import NEW, valid_post
from toandan.core.uploads import EvidenceError, clean_upload
from toandan.reports.models import Evidence, Report

pytestmark = pytest.mark.django_db
MB = 1024 * 1024
API_BODY = {
    "category": "lua-dao",
    "description": "Tin nhắn báo trúng thưởng, bảo bấm link nhận quà rồi mất 2 triệu trong tài khoản.",
    "anonymous": True,
    "consent": True,
}


@pytest.fixture
def category_pk(units: None) -> int:
    from toandan.reports.models import ReportCategory

    return ReportCategory.objects.get(code="lua-dao").pk


@pytest.mark.parametrize("path", ["/to-giac/", "/api/v1/reports", "/theo-doi/bo-sung/", "/"])
def test_a_200_mb_body_is_refused_before_it_is_read(units: None, path: str) -> None:
    # The test client's body is empty: reading the declared 200 MB would fail with an error, not a 413.
    response = Client().generic(
        "POST", path, b"", content_type="multipart/form-data; boundary=x", CONTENT_LENGTH=str(200 * MB)
    )
    assert response.status_code == 413 and response["Connection"] == "close"
    assert Report.objects.count() == 0


def test_the_api_says_413_in_json(units: None) -> None:
    response = Client().generic("POST", "/api/v1/reports", b"", CONTENT_LENGTH=str(200 * MB))
    assert response.status_code == 413 and "MB" in response.json()["detail"]


def test_too_many_files_are_refused_before_any_is_read(category_pk: int, evidence_files: dict) -> None:
    files = [SimpleUploadedFile(f"{i}.png", evidence_files["png"]) for i in range(12)]
    response = Client().post(NEW, valid_post(category=category_pk, evidence=files))
    assert response.status_code == 400 and Report.objects.count() == 0


def test_an_oversized_file_is_refused_from_its_size(category_pk: int) -> None:
    big = SimpleUploadedFile("to.jpg", b"\xff\xd8\xff" + b"\0" * (10 * MB + 10))
    response = Client().post(
        "/api/v1/reports", {"data": json.dumps(API_BODY), "evidence": [big]}, REMOTE_ADDR="192.0.2.1"
    )
    assert response.status_code == 400 and "lớn hơn 10 MB" in response.json()["detail"]


def test_a_decompression_bomb_fails_fast() -> None:
    # 45 million pixels: above the cap (40 million) but below Pillow's own error (twice its limit).
    out = io.BytesIO()
    Image.new("1", (9000, 5000)).save(out, format="PNG")
    assert len(out.getvalue()) < MB
    with pytest.raises(EvidenceError, match="quá lớn"):
        clean_upload(out.getvalue(), "bom.png")


def test_a_polyglot_keeps_only_the_image(evidence_files: dict) -> None:
    payload = b"<html><script>alert(1)</script></html>PK\x03\x04"
    clean = clean_upload(evidence_files["png"] + payload, "anh.png")
    assert (
        clean.content_type == "image/png"
        and b"<script>" not in clean.data
        and b"PK\x03\x04" not in clean.data
    )


def _active_pdf() -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    writer = PdfWriter()
    page = writer.add_blank_page(width=200, height=200)
    writer.add_attachment("virus.exe", b"MZ" + b"\0" * 100)
    action = DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert(1)")}
    )
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    page[NameObject("/AA")] = DictionaryObject({NameObject("/O"): writer._add_object(action)})
    from pypdf.annotations import Link

    link = Link(rect=(10, 10, 50, 50), url="https://example.com")
    writer.add_annotation(page_number=0, annotation=link)
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject(
        {NameObject("/Fields"): writer._add_object(DictionaryObject())}
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_loses_javascript_actions_annotations_attachments_and_forms() -> None:
    raw = _active_pdf()
    assert b"/JavaScript" in raw and b"/EmbeddedFile" in raw and b"/OpenAction" in raw and b"/Annots" in raw
    clean = clean_upload(raw, "don.pdf")
    for token in (b"/JavaScript", b"/JS", b"/EmbeddedFile", b"/OpenAction", b"/AA", b"/Annots", b"/AcroForm"):
        assert token not in clean.data, token
    from pypdf import PdfReader

    assert len(PdfReader(io.BytesIO(clean.data)).pages) == 1


def test_a_replay_returns_the_receipt_without_processing_files(units: None, evidence_files: dict) -> None:
    client = Client(REMOTE_ADDR="192.0.2.2")
    first = client.post(
        "/api/v1/reports",
        {"data": json.dumps(API_BODY), "evidence": [SimpleUploadedFile("a.png", evidence_files["png"])]},
        HTTP_IDEMPOTENCY_KEY="once-1",
    )
    assert first.status_code == 201, first.content
    # The same key with a file that cleaning would refuse: the stored receipt comes back, nothing is read.
    replay = client.post(
        "/api/v1/reports",
        {"data": json.dumps(API_BODY), "evidence": [SimpleUploadedFile("x.png", b"not an image at all")]},
        HTTP_IDEMPOTENCY_KEY="once-1",
    )
    assert replay.status_code == 201 and replay.json() == first.json()
    assert Evidence.objects.count() == 1


def test_replays_still_count_against_the_limits(units: None, settings: Any) -> None:
    settings.REPORT_RATE_PER_IP = "2/h"
    client = Client(REMOTE_ADDR="192.0.2.3")
    send = lambda: client.post(  # noqa: E731
        "/api/v1/reports", json.dumps(API_BODY), content_type="application/json", HTTP_IDEMPOTENCY_KEY="k-2"
    )
    assert [send().status_code for _ in range(3)] == [201, 201, 429]


def _receipt(client: Client, category_pk: int) -> dict[str, str]:
    assert client.post(NEW, valid_post(category=category_pk, anonymous="1")).status_code == 302
    from toandan.reports import receipt

    kept = receipt.unseal(client.cookies[receipt.COOKIE].value)
    assert kept is not None
    return {"code": kept.code, "key": kept.key}


def test_add_information_has_its_own_file_total(
    category_pk: int, settings: Any, evidence_files: dict
) -> None:
    settings.MAX_FILES_PER_REPORT = 2
    client = Client()
    receipt = _receipt(client, category_pk)
    add = lambda count: client.post(  # noqa: E731
        reverse("reports:add_info"),
        {
            "code": receipt["code"],
            "key": receipt["key"],
            "evidence": [SimpleUploadedFile(f"{i}.png", evidence_files["png"]) for i in range(count)],
        },
    )
    assert add(2).status_code == 200 and Evidence.objects.count() == 2
    refused = add(1)
    assert refused.status_code == 400 and "đã có đủ 2 tệp" in refused.content.decode()
    assert Evidence.objects.count() == 2


def test_add_information_is_rate_limited(category_pk: int, settings: Any) -> None:
    settings.ADD_INFO_RATE_PER_IP = "2/h"
    client = Client()
    receipt = _receipt(client, category_pk)
    data = {"code": receipt["code"], "key": receipt["key"], "text": "Họ lại gọi từ một số khác."}
    codes = [client.post(reverse("reports:add_info"), data).status_code for _ in range(3)]
    assert codes == [200, 200, 429]


def test_a_committed_report_keeps_its_files_when_the_receipt_cannot_be_queued(
    category_pk: int, settings: Any, evidence_files: dict, django_capture_on_commit_callbacks: Any
) -> None:
    import toandan.reports.tasks  # noqa: F401 - defined under the working settings, as in a running site

    # A real failure to enqueue: the task's queue is not one the backend serves.
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["x"]}
    }
    files = [SimpleUploadedFile("anh.png", evidence_files["png"])]
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(NEW, valid_post(category=category_pk, evidence=files))
    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert evidence.file.storage.exists(evidence.file.name)
