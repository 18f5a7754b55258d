"""The check-in page's script strings are translated: the JavaScript catalogue serves them in English when
English is chosen, and the Vietnamese source text otherwise."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

pytestmark = pytest.mark.django_db


def test_javascript_catalogue_follows_the_chosen_language() -> None:
    english = Client()
    english.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    body = english.get("/jsi18n/").content.decode()
    assert "Connection lost: the code is kept and will be sent again." in body
    vietnamese = Client().get("/jsi18n/").content.decode()
    assert "Connection lost" not in vietnamese
