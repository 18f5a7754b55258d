"""The receipt e-mail: sent once per report; in the one window where it is sent again (a worker killed between
the mail server's acceptance and the commit of its marker), the copy carries the same Message-ID."""

from __future__ import annotations

import pytest
from django.core import mail

from toandan.core import crypto
from toandan.core.models import EffectDone
from toandan.reports.models import ReportCategory
from toandan.reports.services import ReportInput, submit_report
from toandan.reports.tasks import send_receipt

pytestmark = pytest.mark.django_db


def test_a_resent_receipt_has_the_same_message_id(units: None, settings: object) -> None:
    settings.DEFAULT_FROM_EMAIL = "Toàn Dân <khong-tra-loi@toandan.example.vn>"  # type: ignore[attr-defined]
    data = ReportInput(
        category=ReportCategory.objects.get(code="lua-dao"),
        description="Bị gọi lừa chuyển tiền.",
        anonymous=False,
        email="nguoi.bao@example.vn",
        consent=True,
    )
    submitted = submit_report(data)
    key = crypto.encrypt(submitted.key)
    assert send_receipt.call(submitted.report.pk, key) == 1
    assert send_receipt.call(submitted.report.pk, key) == 0  # a re-run after the commit: not sent again
    # A kill after the mail server accepted the receipt but before the marker's commit leaves no marker.
    EffectDone.objects.filter(key=f"reports.receipt:{submitted.report.pk}").delete()
    assert send_receipt.call(submitted.report.pk, key) == 1
    ids = [message.message()["Message-ID"] for message in mail.outbox]
    assert ids == [f"<receipt.{submitted.report.code}@toandan.example.vn>"] * 2
    assert submitted.key in mail.outbox[0].body
