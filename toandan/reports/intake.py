"""The one path every new report takes (web form and API): abuse checks, file cleaning, then submit_report."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _

from toandan.core import antiabuse
from toandan.core.ratelimit import hit
from toandan.core.upload_limits import check_sizes, clean_files
from toandan.core.uploads import EvidenceError
from toandan.reports.services import ReportInput, Submitted, replayed, submit_report


class IntakeRefused(Exception):
    """The submission is refused as a whole (nothing stored); `field` names the culprit when there is one."""

    def __init__(self, message: str, status: int = 400, field: str | None = None):
        super().__init__(message)
        self.message, self.status, self.field = message, status, field


def check_abuse(
    request: HttpRequest, pow_challenge: str, pow_nonce: str, contact: str, counted: bool = False
) -> None:
    """Per-address limits (stricter without a solved proof of work) and a per-contact limit; `counted` when
    the per-address count was already taken for this request."""
    solved = antiabuse.verify(pow_challenge, pow_nonce)
    if not solved and hit(request, "report-nopow", settings.REPORT_RATE_WITHOUT_POW):
        raise IntakeRefused(
            _("Bạn đã gửi nhiều tố giác trong thời gian ngắn. Vui lòng thử lại sau một giờ."), 429
        )
    if not counted and hit(request, "report-ip", settings.REPORT_RATE_PER_IP):
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
    uploads: Sequence[Any],
    *,
    pow_challenge: str = "",
    pow_nonce: str = "",
    channel: str,
    idempotency_key: str | None = None,
) -> Submitted:
    """`uploads` are the request's uploaded files (Django UploadedFile objects, not yet read)."""
    if int(request.META.get("CONTENT_LENGTH") or 0) > settings.EVIDENCE_BODY_MAX_BYTES:
        raise IntakeRefused(_("Tổng dung lượng gửi lên quá lớn."), 413, "evidence")
    if not data.consent:
        raise IntakeRefused(_("Cần bạn đồng ý thì cơ quan công an mới xử lý được tố giác."), 400, "consent")
    try:
        check_sizes(uploads)  # the count and sizes, before any file is read or decoded
    except EvidenceError as exc:
        raise IntakeRefused(str(exc), 400, "evidence") from exc
    if idempotency_key:
        # A replay answers with the stored receipt: its files are not read again, and it still counts
        # against the address's allowance (a replay storm is not free).
        if hit(request, "report-ip", settings.REPORT_RATE_PER_IP):
            raise IntakeRefused(
                _("Bạn đã gửi nhiều tố giác trong thời gian ngắn. Vui lòng thử lại sau một giờ."), 429
            )
        earlier = replayed(idempotency_key, data)
        if earlier is not None:
            return earlier
    check_abuse(request, pow_challenge, pow_nonce, data.email or data.phone, counted=bool(idempotency_key))
    try:
        files = clean_files(uploads)
    except EvidenceError as exc:
        raise IntakeRefused(str(exc), 400, "evidence") from exc
    user = getattr(request, "user", None)
    return submit_report(
        data, files, channel=channel, submitter=user, idempotency_key=idempotency_key, request=request
    )
