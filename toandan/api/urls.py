"""The JSON API (v1) with its OpenAPI schema at /api/v1/openapi.json and docs at /api/v1/docs.

Each module of this package that defines `router` (one per app: orgs.py, reports.py, …) is mounted at
/api/v1/, so apps add endpoints without editing this file.
"""

import importlib
import pkgutil

import toandan.api
from toandan.api.errors import install_error_handlers
from toandan.api.openapi import ToanDanAPI

api = ToanDanAPI(
    title="Toàn Dân API",
    version="1",
    description="Public and partner API of the Toàn Dân platform.",
    urls_namespace="api",
)
install_error_handlers(api)
for module_info in sorted(pkgutil.iter_modules(toandan.api.__path__), key=lambda m: m.name):
    module = importlib.import_module(f"toandan.api.{module_info.name}")
    if hasattr(module, "router"):
        api.add_router("/", module.router)
