"""Backups round-trip: what `toandan backup` wrote, `toandan restore` brings back (rows and files, checked
against the manifest), on SQLite and on PostgreSQL; a wrong key or an altered file restores nothing."""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from tests.reports.test_report_workflow import make_report
from toandan.config import new_fernet_key
from toandan.reports.models import Evidence, Report, ReporterIdentity
from toandan.reports.services import ReportInput, submit_report

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


def _report_with_file(evidence_png: bytes) -> Report:
    from toandan.core.uploads import clean_upload
    from toandan.reports.models import ReportCategory

    data = ReportInput(
        category=ReportCategory.objects.get(code="lua-dao"),
        description="Ảnh chụp tin nhắn giả ngân hàng gửi đường link lạ.",
        consent=True,
        anonymous=False,
        name="Đỗ Văn Sáu",
        phone="+84905111888",
    )
    return submit_report(data, [clean_upload(evidence_png, "anh.png")]).report


def test_backup_and_restore_round_trip(
    units: None, media: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, evidence_png: bytes
) -> None:
    monkeypatch.setenv("TOANDAN_BACKUP_KEY", new_fernet_key())
    report = _report_with_file(evidence_png)
    evidence = Evidence.objects.get(report=report)
    original = default_storage.open(evidence.file.name).read()
    target = tmp_path / "out" / "toandan.backup"
    out = StringIO()
    call_command("backup", str(target), stdout=out)
    assert "1 files" in out.getvalue() and target.stat().st_mode & 0o777 == 0o600
    sealed = target.read_bytes()
    assert (
        b"manifest.json" not in sealed and original[:64] not in sealed and report.code.encode() not in sealed
    )

    # Later: more data, a lost file.
    make_report()
    default_storage.delete(evidence.file.name)
    assert Report.objects.count() == 2

    call_command("restore", str(target), "--yes", stdout=StringIO())
    assert Report.objects.count() == 1 and ReporterIdentity.objects.count() == 1
    restored = Evidence.objects.get()
    assert default_storage.open(restored.file.name).read() == original


def test_a_wrong_key_or_an_altered_backup_changes_nothing(
    units: None, media: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TOANDAN_BACKUP_KEY", new_fernet_key())
    make_report()
    target = tmp_path / "b.backup"
    call_command("backup", str(target), stdout=StringIO())
    make_report()
    monkeypatch.setenv("TOANDAN_BACKUP_KEY", new_fernet_key())
    with pytest.raises(CommandError, match="wrong backup key"):
        call_command("restore", str(target), "--yes", stdout=StringIO())
    assert Report.objects.count() == 2


@pytest.fixture
def evidence_png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (30, 20), (200, 10, 10)).save(out, format="PNG")
    return out.getvalue()
