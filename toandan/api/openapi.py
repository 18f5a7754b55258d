"""The answers every operation may give, added to the OpenAPI schema once rather than on each endpoint: the
schema is the API's contract (tests/resilience/test_api_fuzzing.py runs schemathesis against it)."""

from __future__ import annotations

from typing import Any

from ninja import NinjaAPI

ERROR = {
    "type": "object",
    "properties": {
        "detail": {"type": "string", "description": "What went wrong, in the caller's language"},
        "errors": {"type": "array", "items": {"type": "object"}},
    },
    "required": ["detail"],
}
RETRY_AFTER = {
    "Retry-After": {"description": "Seconds to wait before trying again", "schema": {"type": "integer"}}
}
COMMON = {
    "422": "Invalid input (e.g. a NUL character anywhere in the request)",
    "429": "Too many requests from this address: wait for Retry-After",
    "503": "The database is unavailable: nothing was processed, try again after Retry-After",
}
WRITES = {"400": "The body is not valid JSON or not a form", "413": "The body is too large"}
AUTHENTICATED = {"401": "Missing or invalid bearer token"}


def _response(description: str, status: str) -> dict[str, Any]:
    answer: dict[str, Any] = {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }
    if status in ("429", "503"):
        answer["headers"] = RETRY_AFTER
    return answer


def add_common_responses(schema: dict[str, Any]) -> dict[str, Any]:
    schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR
    for operations in schema.get("paths", {}).values():
        for method, operation in operations.items():
            extra = dict(COMMON)
            if method in ("post", "put", "patch"):
                extra.update(WRITES)
            if operation.get("security"):
                extra.update(AUTHENTICATED)
            responses = operation.setdefault("responses", {})
            for status, description in extra.items():
                if status not in responses:
                    responses[status] = _response(description, status)
                elif status in ("429", "503"):
                    responses[status].setdefault("headers", RETRY_AFTER)
    return schema


class ToanDanAPI(NinjaAPI):
    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        return add_common_responses(super().get_openapi_schema(*args, **kwargs))
