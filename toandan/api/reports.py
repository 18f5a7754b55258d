"""Report endpoints: categories, submit (JSON or multipart, idempotent), follow with code + key, challenge."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import BaseModel, Field, StrictBool, ValidationError, field_validator

from toandan.core import antiabuse, codes
from toandan.core.uploads import MAX_FILES
from toandan.orgs.models import Unit
from toandan.reports import reference
from toandan.reports.contact import ContactError, clean_contact, clean_email
from toandan.reports.deadlines import compute
from toandan.reports.intake import IntakeRefused, intake
from toandan.reports.models import Channel, PaymentMethod, Report, ReportCategory
from toandan.reports.services import IdempotencyConflict, ReportInput

router = Router(tags=["reports"])
MAX_IDEMPOTENCY_KEY = 100
BOOLEAN_WORDS = {"1": True, "true": True, "yes": True, "0": False, "false": False, "no": False}


class CategoryOut(Schema):
    code: str
    name: str


class ReportIn(BaseModel):
    """A report as the API takes it; only category and description are required."""

    category: str = Field(max_length=40)
    description: str = Field(min_length=20, max_length=5000)
    identifiers: list[str] = Field(default_factory=list, max_length=30)
    anonymous: bool = True
    happened_on: date | None = None
    commune: str | None = Field(default=None, max_length=80, description="commune code from /communes")
    money_lost: int | None = Field(default=None, ge=0, le=10**13)
    payment_method: str = ""
    name: str = Field(default="", max_length=100)
    phone: str = Field(default="", max_length=20)
    email: str = Field(default="", max_length=200)
    id_number: str = Field(default="", max_length=12)
    receipt_email: str = Field(
        default="",
        max_length=200,
        description="Anonymous reports only: an address that receives the tracking code and key once; it is "
        "not stored with the report and the handling agency never sees it.",
    )
    consent: StrictBool = Field(
        description="Required: true only when the reporter agreed to the processing of personal data shown "
        "on the web form; nothing is assumed."
    )
    pow_challenge: str = ""
    pow_nonce: str = ""

    @field_validator("identifiers")
    @classmethod
    def short_identifiers(cls, value: list[str]) -> list[str]:
        if any(len(v) > 300 for v in value):
            raise ValueError("each identifier is at most 300 characters")
        return [v.strip() for v in value if v.strip()]

    @field_validator("happened_on")
    @classmethod
    def not_future(cls, value: date | None) -> date | None:
        if value and value > timezone.localdate():
            raise ValueError("happened_on is in the future")
        return value

    @field_validator("payment_method")
    @classmethod
    def known_method(cls, value: str) -> str:
        if value not in PaymentMethod.values:
            raise ValueError(
                f"payment_method must be one of {', '.join(v for v in PaymentMethod.values if v)}"
            )
        return value


class Receipt(Schema):
    code: str
    key: str
    status: str
    deadline: date | None


class Message(Schema):
    at: datetime
    text: str


class StatusOut(Schema):
    code: str
    category: str
    status: str
    status_label: str
    outcome: str
    received_at: datetime
    deadline: date | None
    messages: list[Message]


class Challenge(Schema):
    challenge: str
    difficulty: int


class ErrorOut(Schema):
    detail: str
    errors: list[dict[str, Any]] = []


def _parse(request: HttpRequest) -> tuple[ReportIn, list[Any]]:
    content_type = request.META.get("CONTENT_TYPE", "")
    try:
        if content_type.startswith("multipart/form-data"):
            raw = request.POST.get("data") or json.dumps(
                {k: (request.POST.getlist(k) if k == "identifiers" else v) for k, v in request.POST.items()}
            )
            payload = json.loads(raw)
            files = request.FILES.getlist("evidence")  # read by intake, after its checks
            if isinstance(payload, dict):
                # Form fields are text: "true"/"false" (and 1/0, yes/no) are accepted there, nothing else.
                for name in ("anonymous", "consent"):
                    if isinstance(payload.get(name), str) and payload[name].lower() in BOOLEAN_WORDS:
                        payload[name] = BOOLEAN_WORDS[payload[name].lower()]
            return ReportIn.model_validate(payload), files
        body = request.body or b"{}"
        json.loads(body)  # not JSON: 400
        # Strict: the types the schema states (money an integer, not `false` or "5"; consent a real boolean).
        return ReportIn.model_validate_json(body, strict=True), []
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise HttpError(400, _("Nội dung gửi lên không phải JSON hợp lệ.")) from exc
    except ValidationError as exc:
        details = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        raise HttpError(422, _("Dữ liệu gửi lên không hợp lệ: %(details)s") % {"details": details}) from exc


def _commune(code: str | None) -> Unit | None:
    if not code:
        return None
    unit = reference.communes().get(code)
    if unit is None:
        raise HttpError(422, _("Mã xã, phường không có trong danh sách (xem /api/v1/communes)."))
    return unit


@router.get("/report-categories", response=list[CategoryOut], summary="Report categories")
def categories(request: HttpRequest) -> list[dict[str, str]]:
    language = get_language()
    return [
        {"code": c.code, "name": c.display_name(language)}
        for c in ReportCategory.objects.filter(is_active=True)
    ]


@router.get("/reports/challenge", response=Challenge, summary="Proof-of-work challenge for a submission")
def challenge(request: HttpRequest) -> dict[str, Any]:
    return {"challenge": antiabuse.new_challenge(), "difficulty": antiabuse.difficulty()}


def _submission_body() -> dict[str, Any]:
    """The request body as the OpenAPI schema states it (the view parses it itself: JSON or multipart)."""
    fields = ReportIn.model_json_schema()
    fields.pop("title", None)
    multipart = {
        "type": "object",
        "properties": {
            "data": {"type": "string", "description": "The JSON object above, as text"},
            "evidence": {
                "type": "array",
                "items": {"type": "string", "format": "binary"},
                "maxItems": MAX_FILES,
            },
        },
        "required": ["data"],
    }
    return {
        "required": True,
        "content": {"application/json": {"schema": fields}, "multipart/form-data": {"schema": multipart}},
    }


IDEMPOTENCY_KEY = {
    "in": "header",
    "name": "Idempotency-Key",
    "required": False,
    "schema": {"type": "string", "maxLength": MAX_IDEMPOTENCY_KEY},
    "description": "Any unique text: a retry with the same key and body replays the first answer (201); "
    "the same key with another body answers 409.",
}
REPORT_KEY = {
    "in": "header",
    "name": "X-Report-Key",
    "required": True,
    "schema": {"type": "string", "maxLength": 100},
    "description": "The secret key given with the tracking code when the report was submitted.",
}


@router.post(
    "/reports",
    response={201: Receipt, 400: ErrorOut, 409: ErrorOut, 413: ErrorOut, 422: ErrorOut, 429: ErrorOut},
    summary="Submit a report",
    openapi_extra={"requestBody": _submission_body(), "parameters": [IDEMPOTENCY_KEY]},
)
def submit(request: HttpRequest) -> Status:
    body, files = _parse(request)
    category = reference.categories().get(body.category)
    if category is None or not category.is_active:
        raise HttpError(422, _("Loại tố giác không hợp lệ (xem /api/v1/report-categories)."))
    details = {"name": "", "phone": "", "email": "", "id_number": ""}
    receipt_email = ""
    try:
        if not body.anonymous:
            details = clean_contact(body.name, body.phone, body.email, body.id_number)
        else:
            try:
                receipt_email = clean_email(body.receipt_email)
            except ContactError as exc:
                raise ContactError("receipt_email", exc.message) from exc
    except ContactError as exc:
        raise HttpError(422, f"{exc.field}: {exc.message}") from exc
    if not body.anonymous and body.receipt_email.strip():
        message = _("Chỉ dùng khi gửi ẩn danh; hãy ghi thư điện tử vào “email”.")
        raise HttpError(422, f"receipt_email: {message}")
    idempotency_key = request.headers.get("Idempotency-Key", "").strip() or None
    if idempotency_key and len(idempotency_key) > MAX_IDEMPOTENCY_KEY:
        raise HttpError(400, _("Idempotency-Key dài tối đa 100 ký tự."))
    data = ReportInput(
        category=category,
        description=body.description,
        identifiers=body.identifiers,
        happened_on=body.happened_on,
        commune=_commune(body.commune),
        outside_province=body.commune is None,
        money_lost=body.money_lost,
        payment_method=body.payment_method,
        anonymous=body.anonymous,
        **details,
        receipt_email=receipt_email,
        consent=body.consent,
    )
    try:
        submitted = intake(
            request,
            data,
            files,
            pow_challenge=body.pow_challenge,
            pow_nonce=body.pow_nonce,
            channel=Channel.API,
            idempotency_key=idempotency_key,
        )
    except IntakeRefused as exc:
        raise HttpError(exc.status, exc.message) from exc
    except IdempotencyConflict as exc:
        raise HttpError(409, str(exc)) from exc
    report = submitted.report
    receipt = {
        "code": report.code,
        "key": submitted.key,
        "status": report.status,
        "deadline": timezone.localdate(report.deadline_at) if report.deadline_at else None,
    }
    # A retry with the same Idempotency-Key replays the first answer, status included.
    return Status(201, receipt)


@router.get(
    "/reports/{code}",
    response={200: StatusOut, 404: ErrorOut},
    summary="Follow a report (X-Report-Key)",
    openapi_extra={"parameters": [REPORT_KEY]},
)
def follow(request: HttpRequest, code: str) -> dict[str, Any]:
    normalized = codes.normalize_code(code)
    report = Report.objects.select_related("category").filter(code=normalized).first() if normalized else None
    key = request.headers.get("X-Report-Key", "")
    if report is None or not key or not codes.key_matches(key, report.key_hash):
        raise HttpError(404, _("Không tìm thấy tố giác với mã và mã bí mật này."))
    events = list(report.events.all())
    pending = [d.due for d in compute(report, events) if not d.done]
    return {
        "code": report.code,
        "category": report.category.code,
        "status": report.status,
        "status_label": report.get_status_display(),
        "outcome": report.outcome,
        "received_at": report.received_at,
        "deadline": min(pending) if pending else None,
        "messages": [{"at": e.at, "text": e.text} for e in events if e.public],
    }
