"""A reporter adds information to their case: files, a public event and an audit row, or nothing at all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from toandan.core.models import AuditEvent
from toandan.orgs.models import Unit
from toandan.reports.models import EventKind, ReportCategory, ReportEvent
from toandan.reports.services import ReportInput, submit_report

pytestmark = pytest.mark.django_db


def _submitted(units: None) -> Any:
    data = ReportInput(
        category=ReportCategory.objects.get(code="lua-dao"),
        consent=True,
        description="Có người gọi xưng công an đòi chuyển tiền.",
        commune=Unit.objects.get(code="phuong-cam-thanh-21025"),
    )
    return submit_report(data)


def test_added_information_is_stored_with_an_audit_row(units: None, evidence_files: dict[str, bytes]) -> None:
    submitted = _submitted(units)
    response = Client().post(
        reverse("reports:add_info"),
        {
            "code": submitted.report.code,
            "key": submitted.key,
            "text": "Họ gọi lại lần nữa từ số khác.",
            "evidence": [SimpleUploadedFile("a.png", evidence_files["png"])],
        },
    )
    assert response.status_code == 200
    event = ReportEvent.objects.get(report=submitted.report, kind=EventKind.REPORTER_INFO)
    assert event.public and event.data == {"files": 1} and event.text == "Họ gọi lại lần nữa từ số khác."
    assert submitted.report.evidence.get().file.name.endswith(".png")
    audit = AuditEvent.objects.get(object_type="reports.reportevent", object_id=str(event.pk))
    assert audit.unit == submitted.report.unit and audit.data == {"files": 1}


def test_rolled_back_information_leaves_no_file(
    settings: Any, units: None, evidence_files: dict[str, bytes], monkeypatch: Any
) -> None:
    submitted = _submitted(units)

    def explode(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("database went away")

    monkeypatch.setattr(AuditEvent, "save", explode)  # the files are written; the audit row never arrives
    client = Client(raise_request_exception=False)
    response = client.post(
        reverse("reports:add_info"),
        {
            "code": submitted.report.code,
            "key": submitted.key,
            "evidence": [SimpleUploadedFile("a.png", evidence_files["png"])],
        },
    )
    assert response.status_code == 500
    assert not ReportEvent.objects.filter(kind=EventKind.REPORTER_INFO).exists()
    assert not submitted.report.evidence.exists()
    assert not [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]
