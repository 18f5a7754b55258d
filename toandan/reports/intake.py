"""The one path every new report takes (web form and API): abuse checks, file cleaning, then submit_report."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _

from toandan.core import antiabuse
from toandan.core.ratelimit import hit
from toandan.core.uploads import EvidenceError, clean_uploads
from toandan.reports.services import ReportInput, Submitted, submit_report

MAX_REQUEST_BYTES = 105 * 1024 * 1024


class IntakeRefused(Exception):
    """The submission is refused as a whole (nothing stored); `field` names the culprit when there is one."""

    def __init__(self, message: str, status: int = 400, field: str | None = None):
        super().__init__(message)
        self.message, self.status, self.field = message, status, field


def check_abuse(request: HttpRequest, pow_challenge: str, pow_nonce: str, contact: str) -> None:
    """Per-address limits (stricter without a solved proof of work) and a per-contact limit."""
    solved = antiabuse.verify(pow_challenge, pow_nonce)
    if not solved and hit(request, "report-nopow", settings.REPORT_RATE_WITHOUT_POW):
        raise IntakeRefused(
            _("Bạn đã gửi nhiều tố giác trong thời gian ngắn. Vui lòng thử lại sau một giờ."), 429
        )
    if hit(request, "report-ip", settings.REPORT_RATE_PER_IP):
        raise IntakeRefused(
            _("Bạn đã gửi nhiều tố giác trong thời gian ngắn. Vui lòng thử lại sau một giờ."), 429
        )
    if contact and hit(
        request, "report-contact", settings.REPORT_RATE_PER_CONTACT, key=f"contact:{contact.lower()}"
    ):
        raise IntakeRefused(_("Thông tin liên lạc này đã gửi nhiều tố giác trong thời gian ngắn."), 429)


def intake(
    request: HttpRequest,
    data: ReportInput,
    uploads: list[tuple[bytes, str]],
    *,
    pow_challenge: str = "",
    pow_nonce: str = "",
    channel: str,
    idempotency_key: str | None = None,
) -> Submitted:
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_REQUEST_BYTES:
        raise IntakeRefused(_("Tổng dung lượng gửi lên quá lớn."), 413, "evidence")
    if not data.consent:
        raise IntakeRefused(_("Cần bạn đồng ý thì cơ quan công an mới xử lý được tố giác."), 400, "consent")
    if not idempotency_key or not _known(idempotency_key):
        check_abuse(request, pow_challenge, pow_nonce, data.email or data.phone)
    try:
        files = clean_uploads(uploads)
    except EvidenceError as exc:
        raise IntakeRefused(str(exc), 400, "evidence") from exc
    user = getattr(request, "user", None)
    return submit_report(
        data, files, channel=channel, submitter=user, idempotency_key=idempotency_key, request=request
    )


def _known(idempotency_key: str) -> bool:
    from toandan.reports.models import Report

    return Report.objects.filter(idempotency_key=idempotency_key).exists()
