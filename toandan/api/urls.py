"""The JSON API (v1) with its OpenAPI schema at /api/v1/openapi.json and docs at /api/v1/docs."""

from ninja import NinjaAPI

from toandan.api.errors import install_error_handlers
from toandan.api.orgs import router as orgs_router

api = NinjaAPI(
    title="Toàn Dân API",
    version="1",
    description="Public and partner API of the Toàn Dân platform.",
    urls_namespace="api",
)
install_error_handlers(api)
api.add_router("/", orgs_router)
