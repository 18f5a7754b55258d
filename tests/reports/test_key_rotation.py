"""Key rotation: with REPORTER_IDENTITY_KEY="NEW,OLD", rotate-identity-key re-encrypts every protected value
so that NEW alone reads them all; --check fails while a value still needs OLD."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from tests.reports.test_report_workflow import make_report
from toandan.config import new_fernet_key
from toandan.core import crypto
from toandan.reports.models import Report, ReporterIdentity

pytestmark = pytest.mark.django_db


def test_rotation_moves_every_value_to_the_new_key(units: None, settings: Any) -> None:
    old, new = new_fernet_key(), new_fernet_key()
    settings.REPORTER_IDENTITY_KEYS = old
    report = make_report(anonymous=False, name="Phạm Thị Thu", phone="+84905111999", email="thu@example.vn")
    Report.objects.filter(pk=report.pk).update(key_encrypted=crypto.encrypt("ABCD-EFGH"))
    settings.REPORTER_IDENTITY_KEYS = f"{new},{old}"
    with pytest.raises(CommandError, match="older key"):
        call_command("rotate_identity_key", "--check", stdout=StringIO())
    out = StringIO()
    call_command("rotate_identity_key", stdout=out)
    assert "re-encrypted 4 value(s) in 2 row(s)" in out.getvalue()  # name, phone, email + the report's key
    call_command("rotate_identity_key", "--check", stdout=StringIO())
    settings.REPORTER_IDENTITY_KEYS = new
    identity = ReporterIdentity.objects.get(report=report)
    assert (
        crypto.decrypt(identity.name) == "Phạm Thị Thu" and crypto.decrypt(identity.email) == "thu@example.vn"
    )
    assert crypto.decrypt(Report.objects.get(pk=report.pk).key_encrypted) == "ABCD-EFGH"
    settings.REPORTER_IDENTITY_KEYS = old
    with pytest.raises(ValueError):
        crypto.decrypt(identity.name)
