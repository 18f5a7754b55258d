"""Search ignoring diacritics, title matches first, on SQLite (folded columns) and PostgreSQL (full-text
search with unaccent, and the folded fallback when the configuration is missing)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from toandan.awareness import search
from toandan.awareness.models import Kind

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(make_item: Any) -> dict[str, Any]:
    return {
        "body_only": make_item(
            "Bảo vệ tài khoản ngân hàng", body="Kẻ **lừa đảo** thường giả danh nhân viên."
        ),
        "title": make_item("Nhận diện lừa đảo qua mạng", body="Những dấu hiệu thường gặp."),
        "other": make_item("Luật An ninh mạng", kind=Kind.LEGAL, body="Điều 8. Các hành vi bị nghiêm cấm"),
        "draft": make_item("Lừa đảo chưa đăng", publish=False),
    }


@pytest.mark.parametrize("fallback", [False, True])
def test_without_diacritics_title_first_published_only(
    corpus: dict[str, Any], fallback: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    search.full_text_available.cache_clear()
    if fallback:
        monkeypatch.setattr(search, "full_text_available", lambda: False)
    else:
        assert search.full_text_available() == (connection.vendor == "postgresql")
    for query in ("lua dao", "LỪA ĐẢO", "lừa dao"):
        found = list(search.search(query))
        assert found == [corpus["title"], corpus["body_only"]], query
    assert list(search.search("nghiem cam")) == [corpus["other"]]
    assert list(search.search("khong co gi")) == []
    assert list(search.search("  ")) == []


def test_search_page_and_rate_limit(corpus: dict[str, Any], settings: Any) -> None:
    settings.AWARENESS_SEARCH_RATE = "3/m"
    client = Client()
    page = client.get(reverse("awareness:search"), {"q": "lua dao"}).content.decode()
    assert page.index(corpus["title"].title) < page.index(corpus["body_only"].title)
    assert corpus["draft"].title not in page
    assert client.get(reverse("awareness:search")).status_code == 200  # the empty form is not counted
    client.get(reverse("awareness:search"), {"q": "a"})
    client.get(reverse("awareness:search"), {"q": "b"})
    assert client.get(reverse("awareness:search"), {"q": "c"}).status_code == 429
