"""Bulk import of external lists with provenance: all or nothing, bad lines reported."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from toandan.indicators import importing, status
from toandan.indicators.models import ClearReason, ImportBatch, IndicatorRecord, IndicatorStatus
from toandan.web.testing import staff_client

pytestmark = pytest.mark.django_db
PLAIN = b"# danh sach ten mien lua dao\nvcb-hotro.com\nWWW.Nhan-Qua-Tet.VN\n\nhxxps://shopee-uudai[.]top/\n"


def test_plain_list_with_provenance(db: Any, admin_user: Any) -> None:
    batch = importing.import_list(PLAIN, fmt="plain", kind="domain", source="Cục ATTT", actor=admin_user)
    assert (batch.rows_total, batch.rows_new, batch.rows_known, batch.rows_skipped) == (3, 3, 0, 0)
    values = set(IndicatorRecord.objects.values_list("value", flat=True))
    assert values == {"vcb-hotro.com", "nhan-qua-tet.vn", "shopee-uudai.top"}
    row = batch.rows.get(indicator__value="nhan-qua-tet.vn")
    assert (row.line, row.raw) == (3, "WWW.Nhan-Qua-Tet.VN")
    assert IndicatorRecord.objects.get(value="vcb-hotro.com").events.get().batch == batch
    assert batch.sha256 and batch.imported_by == admin_user


def test_a_bad_line_rejects_the_whole_file(db: Any, admin_user: Any) -> None:
    data = b"value,kind\nvcb-hotro.com,domain\nkhong phai ten mien,domain\n0912345678,phone\n"
    with pytest.raises(importing.ImportRejected) as caught:
        importing.import_list(data, fmt="csv", source="Danh sách cộng đồng", actor=admin_user)
    assert [(e.line, e.text) for e in caught.value.errors] == [(3, "khong phai ten mien")]
    assert not IndicatorRecord.objects.exists() and not ImportBatch.objects.exists()
    batch = importing.import_list(
        data, fmt="csv", source="Danh sách cộng đồng", actor=admin_user, skip_invalid=True
    )
    assert (batch.rows_new, batch.rows_skipped) == (2, 1) and batch.skipped[0]["line"] == 3


def test_allowlisted_rows_are_bad_rows(allow: Any, admin_user: Any) -> None:
    allow("vietcombank.com.vn", "Vietcombank")
    with pytest.raises(importing.ImportRejected) as caught:
        importing.import_list(b"vietcombank.com.vn\n", fmt="plain", source="x", actor=admin_user)
    assert "danh sách chính thức" in caught.value.errors[0].error


def test_confirmed_import_promotes_reported_but_respects_cleared(
    file_report: Any, record_of: Any, provincial_officer: Any
) -> None:
    file_report("vcb-hotro.com")
    file_report("nhan-qua-tet.vn")
    status.clear(
        record_of("nhan-qua-tet.vn"), actor=provincial_officer, reason=ClearReason.FALSE_REPORT, note="x"
    )
    batch = importing.import_list(
        PLAIN, fmt="plain", kind="domain", source="Bộ Công an", status="confirmed", actor=provincial_officer
    )
    assert (batch.rows_new, batch.rows_known) == (1, 2)
    assert record_of("vcb-hotro.com").status == IndicatorStatus.CONFIRMED
    assert record_of("nhan-qua-tet.vn").status == IndicatorStatus.CLEARED
    assert record_of("shopee-uudai.top").status == IndicatorStatus.CONFIRMED


def test_imported_without_reports_is_a_warning(db: Any, admin_user: Any) -> None:
    from django.test import Client

    importing.import_list(PLAIN, fmt="plain", source="Cộng đồng", actor=admin_user)
    body = Client().get("/api/v1/check", {"q": "vcb-hotro.com"}).json()
    assert (body["verdict"], body["reports"]) == ("reported", 0) and "danh sách cảnh báo" in body["advice"]


@pytest.mark.parametrize(
    ("data", "fmt", "message"),
    [
        (b"kind\nphone\n", "csv", "value"),
        (b"\xff\xfe\x00", "plain", "UTF-8"),
        (b"# only\n", "plain", "không có"),
    ],
)
def test_bad_files(db: Any, admin_user: Any, data: bytes, fmt: str, message: str) -> None:
    with pytest.raises(importing.ImportRejected) as caught:
        importing.import_list(data, fmt=fmt, source="x", actor=admin_user)
    assert message in caught.value.errors[0].error


def test_command(db: Any, tmp_path: Any) -> None:
    path = tmp_path / "list.txt"
    path.write_bytes(PLAIN)
    out = io.StringIO()
    call_command("import_indicators", str(path), "--source", "Cục ATTT", "--kind", "domain", stdout=out)
    assert "3 new" in out.getvalue()
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"value\nnot a thing\n")
    with pytest.raises(CommandError):
        call_command("import_indicators", str(bad), "--source", "x", stderr=io.StringIO())


def test_staff_page(provincial_officer: Any, commune_a_officer: Any) -> None:
    client = staff_client(provincial_officer)
    upload = SimpleUploadedFile("ds.txt", PLAIN, content_type="text/plain")
    response = client.post(
        reverse("indicators:import"),
        {
            "file": upload,
            "file_format": "plain",
            "kind": "domain",
            "status": "reported",
            "source": "Cục ATTT",
        },
    )
    assert response.status_code == 302 and ImportBatch.objects.get().source == "Cục ATTT"
    bad = SimpleUploadedFile("ds.csv", b"value\nkhong hop le\n", content_type="text/csv")
    page = client.post(
        reverse("indicators:import"), {"file": bad, "file_format": "csv", "status": "reported", "source": "x"}
    )
    assert page.status_code == 400 and "khong hop le" in page.content.decode()
    assert staff_client(commune_a_officer).get(reverse("indicators:import")).status_code == 403
