"""Partner feeds of confirmed indicators (Authorization: Bearer <token>): STIX 2.1, MISP, CSV, domain list,
hosts file, RPZ zone; ``since=`` makes them incremental, with cleared indicators as withdrawals."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from ninja import Router
from ninja.errors import HttpError
from ninja.security import HttpBearer

from toandan.core.ratelimit import hit, too_many_requests
from toandan.indicators import feeds, partners


class PartnerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        return partners.authenticate(token)


router = Router(tags=["partners"], auth=PartnerToken())
MAX_UTC_OFFSET = timedelta(hours=15, minutes=59)  # PostgreSQL refuses a time zone displacement beyond it


def _checked_since(raw: str) -> datetime:
    """`since` as an aware UTC time; 422 for a value that is not an ISO 8601 date-time, an offset PostgreSQL
    refuses or a time out of range (pydantic would also take a number as seconds since 1970)."""
    try:
        since = parse_datetime(raw.strip())
    except ValueError:
        since = None
    if since is None:
        raise HttpError(422, _("Tham số since phải là ngày giờ ISO 8601, ví dụ 2026-01-31T08:00:00+07:00."))
    if timezone.is_naive(since):
        try:
            since = timezone.make_aware(since)
        except (OverflowError, ValueError) as exc:
            raise HttpError(422, _("Tham số since nằm ngoài khoảng thời gian hợp lệ.")) from exc
    offset = since.utcoffset()
    if offset is None or abs(offset) > MAX_UTC_OFFSET:
        raise HttpError(422, _("Múi giờ của tham số since phải trong khoảng từ -15:59 đến +15:59."))
    try:
        return since.astimezone(UTC)
    except OverflowError as exc:
        raise HttpError(422, _("Tham số since nằm ngoài khoảng thời gian hợp lệ.")) from exc


SINCE = {
    "in": "query",
    "name": "since",
    "required": False,
    "schema": {"type": "string", "format": "date-time"},
    "description": "ISO 8601 date-time with an offset within ±15:59 (without one: Vietnam's time)",
}


@router.get(
    "/partners/feed/{fmt}",
    openapi_extra={"parameters": [SINCE]},
    summary="Confirmed scam indicators for partners (stix, misp, csv, domains, hosts, rpz)",
    description=(
        "Without `since`: every indicator confirmed now. With `since` (ISO 8601): what changed after it, "
        "cleared indicators as withdrawals (STIX `revoked`, MISP `deleted`, CSV `withdrawn`, comment "
        "lines in "
        "the text formats). Pass the `X-Feed-Until` header of one answer as the next `since`."
    ),
)
def feed(
    request: HttpRequest,
    fmt: Literal["stix", "misp", "csv", "domains", "hosts", "rpz"],
) -> HttpResponse:
    token = request.auth  # type: ignore[attr-defined]
    if hit(request, "partner-feed", getattr(settings, "PARTNER_FEED_RATE", "60/m"), key=token.prefix):
        return too_many_requests(request)
    # Read here (documented in SINCE) and parsed strictly: a typed parameter would take a number as seconds.
    since = request.GET.get("since")
    after = _checked_since(since) if since is not None else None
    now = timezone.now()
    text, count = feeds.render(fmt, after, now)
    partners.log_access(token, feed=fmt, since=after, items=count, request=request)
    response = HttpResponse(text, content_type=feeds.CONTENT_TYPES[fmt])
    response["X-Feed-Until"] = now.isoformat()
    response["Cache-Control"] = "no-store"
    if fmt != "misp" and fmt != "stix":
        extension = {"csv": "csv", "domains": "txt", "hosts": "hosts", "rpz": "rpz"}[fmt]
        response["Content-Disposition"] = f'inline; filename="toandan-{fmt}.{extension}"'
    return response
