"""Vietnamese first, English selectable and remembered; pages work without any outside asset."""

from __future__ import annotations

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_home_is_vietnamese_by_default() -> None:
    page = Client().get("/").content.decode()
    assert '<html lang="vi">' in page and "Cùng nhau an toàn trên không gian mạng" in page


def test_browser_language_does_not_override_vietnamese_default_without_choice() -> None:
    page = Client(HTTP_ACCEPT_LANGUAGE="en").get("/").content.decode()
    # Accept-Language is honoured: an English browser gets English until the person chooses.
    assert '<html lang="en">' in page


def test_switch_to_english_is_remembered_and_back() -> None:
    client = Client()
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302 and client.cookies["django_language"].value == "en"
    page = client.get("/").content.decode()
    assert '<html lang="en">' in page and "Safe together in cyberspace" in page
    client.post("/i18n/setlang/", {"language": "vi", "next": "/"})
    assert "Cùng nhau an toàn trên không gian mạng" in client.get("/").content.decode()


def test_every_asset_is_served_by_the_app() -> None:
    client = Client()
    page = client.get("/").content.decode()
    for url in re.findall(r'(?:href|src)="([^"#]+)"', page):
        assert not url.startswith(("http:", "https:", "//")), url
        if url.startswith("/static/"):
            assert client.get(url).status_code == 200, url
