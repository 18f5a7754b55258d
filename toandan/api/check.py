"""Public check: GET /check?q=… for one number, account, link, e-mail or social account; POST /check/message
for a whole pasted message. Answers never name a reporter nor show anything of a case."""

from __future__ import annotations

import json
from typing import Any, Literal

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from pydantic import ConfigDict

from toandan.core.ratelimit import hit, too_many_requests
from toandan.indicators.check import (
    MAX_MESSAGE_LENGTH,
    MAX_QUERY_LENGTH,
    CheckError,
    check_one,
    check_text,
    sender_type_or_none,
)

router = Router(tags=["check"])


class RiskOut(Schema):
    """The scorers' answer: links by the link scorer, messages by the message scorer; inside a message the
    message and its indicators agree. "no_signal" is not "safe"."""

    score: float = Field(..., ge=0, le=1, description="Estimated probability of a scam, 0 to 1")
    verdict: Literal["scam", "suspicious", "no_signal"]
    reasons: list[str] = Field(..., description="Plain-Vietnamese reasons, most telling first")


class CheckOut(Schema):
    kind: str
    value: str
    verdict: Literal["confirmed", "reported", "allowlisted", "no_reports"]
    reports: int
    advice: str
    risk: RiskOut | None = Field(
        None,
        description="For a link or domain, and for every indicator of a message: the scorers' risk. "
        "Null for a single phone number, account, e-mail or social account.",
    )


TriageOut = RiskOut


class MessageIn(Schema):
    # Checked by check_text (400 with a message people understand); the schema states the same rule.
    model_config = ConfigDict(json_schema_extra={"required": ["text"]})
    text: str = Field(
        "", json_schema_extra={"minLength": 1, "maxLength": MAX_MESSAGE_LENGTH, "pattern": r"\S"}
    )
    sender_type: Literal["brandname", "shortcode", "personal_number", "unknown"] | None = Field(
        None,
        description=(
            "Optional: who sent the message, when the person knows — a named sender (brandname), a short "
            "code (shortcode), a personal number (personal_number) or unknown. The score works without it."
        ),
    )


class MessageOut(Schema):
    indicators: list[CheckOut]
    message: TriageOut | None


class ErrorOut(Schema):
    detail: str


def _json(payload: Any, status: int = 200) -> HttpResponse:
    # Built by hand: this is the hot path of the platform, and the schema above is what it returns.
    return HttpResponse(
        json.dumps(payload, ensure_ascii=False), content_type="application/json", status=status
    )


QUERY = {
    "in": "query",
    "name": "q",
    "required": True,
    "schema": {"type": "string", "minLength": 1, "maxLength": MAX_QUERY_LENGTH, "pattern": r"\S"},
    "description": "What the person typed: 0912 345 678, Vietcombank 0123456789, vi-du.com/abc, a@b.vn…",
}


@router.get(
    "/check",
    response={200: CheckOut, 400: ErrorOut, 422: ErrorOut},
    summary="Check one phone number, bank account, link, e-mail or social account",
    description="A link (or a domain) also gets the link scorer's `risk`; when `q` is a short message around "
    "one indicator, `risk` is the message's, agreeing with the link's. A message with several indicators: "
    "`POST /check/message`.",
    openapi_extra={"parameters": [QUERY]},
)
def check(request: HttpRequest) -> HttpResponse:
    # The parameter is read directly (and documented above): schema validation of one string cost more
    # than the lookup itself on the platform's busiest endpoint.
    try:
        result = check_one(request.GET.get("q", ""))
    except CheckError as exc:
        raise HttpError(exc.status, exc.message) from exc
    return _json(result.as_api())


@router.post(
    "/check/message",
    response={200: MessageOut, 400: ErrorOut, 422: ErrorOut, 429: ErrorOut},
    summary="Check every indicator of a pasted message, with the message's scam-likelihood when available",
)
def check_message(request: HttpRequest, body: MessageIn) -> HttpResponse:
    if hit(request, "check-message", getattr(settings, "CHECK_MESSAGE_RATE", "30/m")):
        return too_many_requests(request)
    try:
        outcome = check_text(body.text, sender_type=sender_type_or_none(body.sender_type))
    except CheckError as exc:
        raise HttpError(exc.status, exc.message) from exc
    return _json({"indicators": [r.as_api() for r in outcome.results], "message": outcome.triage})
