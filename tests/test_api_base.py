"""The JSON API: OpenAPI schema, local docs assets, the commune picker and uniform errors."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_openapi_schema_is_served() -> None:
    schema = Client().get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "Toàn Dân API" and "/api/v1/communes" in schema["paths"]


def test_docs_use_local_assets() -> None:
    page = Client().get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page and "cdn" not in page.lower()


def test_commune_search_tolerates_missing_diacritics(units: None, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    with django_assert_max_num_queries(2):
        body = Client().get("/api/v1/communes", {"q": "son tinh"}).json()
    assert body == [{"code": "xa-son-tinh-21220", "name": "Xã Sơn Tịnh", "gso_code": "21220"}]
    assert len(Client().get("/api/v1/communes").json()) == 96


def test_unknown_api_path_is_json_404() -> None:
    response = Client().get("/api/v1/khong-co")
    assert response.status_code == 404 and "detail" in response.json()
