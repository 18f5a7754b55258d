"""Reach counted per day and channel without cookies or addresses; every citizen page stays under 100 KB."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from toandan.accounts.models import User
from toandan.awareness import audio, demo, reach
from toandan.awareness.models import ContentItem, Kind, ReachDay

pytestmark = pytest.mark.django_db


def test_views_feed_pulls_prints_and_plays_are_counted_without_cookies(make_item: Any) -> None:
    item = make_item("Đếm lượt xem", kind=Kind.WARNING, masked_example="Mẫu")
    client = Client()
    for _ in range(3):
        response = client.get(item.get_absolute_url())
    # The layout's language switcher sets Django's CSRF cookie; counting sets and reads none.
    assert set(response.cookies) <= {"csrftoken"}
    client.get(reverse("awareness:atom"))
    client.get(reverse("awareness:rss"))
    client.get(reverse("awareness:print_pdf", args=[item.slug]))
    if audio.espeak_path():
        audio.generate_audio.call(item.pk)
        client.get(reverse("awareness:audio", args=[item.slug]))
    today = timezone.localdate()
    figures = reach.totals(today, today)
    assert figures["page"] == 3 and figures["feed"] == 2 and figures["print"] == 1
    assert figures["audio"] == (1 if audio.espeak_path() else 0)
    assert set(ReachDay.objects.values_list("channel", flat=True)) >= {"page", "feed", "print"}
    assert ReachDay.objects.get(item=item, channel="page").count == 3


def test_every_citizen_page_weighs_under_100_kb(units: None) -> None:
    demo.load(None, None)
    warning = ContentItem.objects.get(kind=Kind.WARNING)
    client = Client()
    urls = [
        reverse("awareness:index"),
        warning.get_absolute_url(),
        ContentItem.objects.get(kind=Kind.LEGAL).get_absolute_url(),
        reverse("awareness:search") + "?q=lua+dao",
        reverse("awareness:quizzes"),
        reverse("awareness:quiz", args=[demo.QUIZ["slug"]]),
        reverse("awareness:atom"),
        reverse("awareness:rss"),
        reverse("awareness:print", args=[warning.slug]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert len(response.content) < 100_000, (url, len(response.content))


def test_quiz_result_page_weight(units: None, provincial_officer: User) -> None:
    demo.load(None, None)
    response = Client().post(reverse("awareness:quiz", args=[demo.QUIZ["slug"]]), {})
    assert response.status_code == 200 and len(response.content) < 100_000
