"""Helpers of the privacy tests: reports with a named reporter and an evidence file, aged on demand."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any

from django.utils import timezone
from PIL import Image

from toandan.core.uploads import clean_upload
from toandan.orgs.models import Unit
from toandan.reports import workflow
from toandan.reports.models import Outcome, Report, ReportCategory, ReportEvent, Status
from toandan.reports.services import ReportInput, submit_report


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


def report_with_evidence(name: str, phone: str) -> Report:
    data = ReportInput(
        category=ReportCategory.objects.get(code="lua-dao"),
        description="Bị lừa chuyển tiền qua số 0912345678, mất 3 triệu đồng.",
        commune=Unit.objects.get(code="phuong-cam-thanh-21025"),
        consent=True,
        anonymous=False,
        name=name,
        phone=phone,
    )
    return submit_report(data, [clean_upload(png(), "man-hinh.png")]).report


def resolve(report: Report, actor: Any, days_ago: int) -> Report:
    """Resolve the report, as if `days_ago` days ago (its history row moved back)."""
    workflow.transition(report, Status.VERIFYING, actor=actor)
    workflow.transition(report, Status.RESOLVED, actor=actor, outcome=Outcome.NOT_OPENED)
    when = timezone.now() - timedelta(days=days_ago)
    ReportEvent.objects.filter(report=report).update(at=when)
    Report.objects.filter(pk=report.pk).update(received_at=when - timedelta(days=10))
    report.refresh_from_db()
    return report
