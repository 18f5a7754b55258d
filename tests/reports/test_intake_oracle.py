"""The intake statement against its oracle: the same submission written by `storing.write` (one hand-built
statement on PostgreSQL) and by `storing.write_with_orm` (plain ORM) leaves the same rows — report, identity,
evidence, history, audit, indicator records and links — from the same starting state. On SQLite both are the
ORM path; the comparison still runs there so that the reference itself is exercised on both databases."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from django.db import models, transaction

from toandan.core import crypto
from toandan.core.models import AuditEvent
from toandan.core.uploads import CleanFile
from toandan.indicators.models import IndicatorRecord, ReportIndicator
from toandan.orgs.models import Unit
from toandan.reports import storing
from toandan.reports.models import Evidence, Report, ReportCategory, ReporterIdentity, ReportEvent
from toandan.reports.services import ReportInput, submit_report

pytestmark = pytest.mark.django_db

# Drawn at random or stamped with the clock: compared by presence only. Ids are compared through relations.
VARYING = {"id", "code", "key_hash", "key_encrypted", "search_text", "object_id", "summary", "file"}


def _row(obj: models.Model, skip: set[str] = frozenset()) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        name = field.attname
        if name in VARYING or name in skip or name.endswith("report_id") or name == "indicator_id":
            continue
        value = getattr(obj, name)
        row[name] = (value is not None) if isinstance(value, datetime) else value
    return row


def _snapshot(report: Report) -> dict[str, Any]:
    identity = ReporterIdentity.objects.filter(report=report).first()
    links = ReportIndicator.objects.filter(report=report).select_related("indicator")
    return {
        "report": _row(Report.objects.get(pk=report.pk)),
        "identity": {f: crypto.decrypt(getattr(identity, f)) for f in ("name", "phone", "email", "id_number")}
        if identity
        else None,
        "evidence": sorted(
            (
                e.original_name,
                e.content_type,
                e.size,
                e.sha256,
                e.from_reporter,
                e.file.name.rsplit("/", 1)[-1],
            )
            for e in Evidence.objects.filter(report=report)
        ),
        "events": [_row(e) for e in ReportEvent.objects.filter(report=report).order_by("pk")],
        "audit": [
            _row(a) for a in AuditEvent.objects.filter(object_type="reports.report", object_id=str(report.pk))
        ],
        "links": sorted((link.indicator.kind, link.indicator.value, link.raw, link.source) for link in links),
        "records": sorted(
            tuple(sorted(_row(r).items())) for r in IndicatorRecord.objects.order_by("kind", "value")
        ),
    }


def _written_by(
    write: Any, data: ReportInput, files: list[CleanFile], monkeypatch: pytest.MonkeyPatch
) -> dict[str, Any]:
    """Submit through `write`, snapshot the rows, and roll everything back (the next path starts alike)."""
    with monkeypatch.context() as patch:
        patch.setattr(storing, "write", write)
        with transaction.atomic():
            report = submit_report(data, files).report
            snapshot = _snapshot(report)
            transaction.set_rollback(True)
    return snapshot


CASES = {
    "anonymous, known and new indicators": dict(
        description="Người gọi từ số 0912 345 678 xưng công an, bảo chuyển tiền vào Vietcombank 0123456789.",
        identifiers=["0912345678", "Vietcombank 0123456789", "https://vietcombank-hotro.com/xac-minh"],
        commune="phuong-cam-thanh-21025",
        money_lost=5_000_000,
        happened_on=date(2026, 11, 30),
    ),
    "named reporter, nothing to link": dict(
        description="Tôi nhận tin nhắn lạ mời đầu tư, không có số điện thoại hay đường link nào.",
        anonymous=False,
        name="Nguyễn Văn A",
        phone="0987654321",
        email="a@example.vn",
        id_number="051234567890",
    ),
    "outside the province, new indicators only": dict(
        description="Bị lừa qua Zalo 0933 111 222 và trang https://lua-dao-moi.top/nap-tien.",
        identifiers=["0933111222"],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_the_statement_writes_what_the_orm_writes(
    case: str, units: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = dict(CASES[case])
    commune = extra.pop("commune", None)
    data = ReportInput(
        category=ReportCategory.objects.get(code="lua-dao"),
        commune=Unit.objects.get(code=commune) if commune else None,
        consent=True,
        **extra,
    )
    # One indicator known beforehand: the statement must link it, not insert it again.
    submit_report(ReportInput(category=data.category, description="Số 0912 345 678 gọi lừa.", consent=True))
    fast = _written_by(storing.write, data, [], monkeypatch)
    reference = _written_by(storing.write_with_orm, data, [], monkeypatch)
    assert fast == reference
    assert fast["events"] and fast["audit"]
    assert len(fast["links"]) == len(reference["links"]) and (fast["identity"] is None) == data.anonymous


def test_evidence_rows_are_the_same(
    units: None, monkeypatch: pytest.MonkeyPatch, evidence_files: dict[str, bytes]
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from toandan.core.upload_limits import clean_files

    data = ReportInput(
        category=ReportCategory.objects.get(code="lua-dao"),
        description="Ảnh chụp màn hình tin nhắn lừa đảo từ số 0912 000 555.",
        anonymous=False,
        name="Trần Thị B",
        email="b@example.vn",
        consent=True,
    )

    def files() -> list[CleanFile]:
        return clean_files([SimpleUploadedFile("tin-nhan.png", evidence_files["png"])])

    fast = _written_by(storing.write, data, files(), monkeypatch)
    reference = _written_by(storing.write_with_orm, data, files(), monkeypatch)
    assert fast == reference
    assert len(fast["evidence"]) == 1 and fast["identity"]["email"] == "b@example.vn"
