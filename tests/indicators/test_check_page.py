"""The check page at /tra-cuu/ and the box on the home page."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_nav_and_home_box(db: Any) -> None:
    home = Client().get("/").content.decode()
    # The answer is where the eye is: the form lands on the result's anchor.
    assert f'action="{reverse("indicators:check")}#ket-qua"' in home and 'name="q"' in home
    assert reverse("indicators:check") == "/tra-cuu/"
    assert Client().get("/tra-cuu").status_code == 301


def test_empty_page_has_the_form(db: Any) -> None:
    response = Client().get("/tra-cuu/")
    assert response.status_code == 200 and 'name="q"' in response.content.decode()


def test_number_from_the_home_box(file_report: Any) -> None:
    file_report("0987 654 321")
    client = Client(enforce_csrf_checks=True)
    home = client.get("/")
    token = home.cookies["csrftoken"].value
    page = client.post("/tra-cuu/", {"q": "0987.654.321", "csrfmiddlewaretoken": token}).content.decode()
    assert 'data-verdict="reported"' in page and "chưa được cơ quan chức năng xác minh" in page
    assert "khieu-nai" in page


def test_shareable_get(db: Any) -> None:
    page = Client().get("/tra-cuu/", {"q": "0912345678"}).content.decode()
    assert 'data-verdict="no_reports"' in page and "không có nghĩa là an toàn" in page


def test_pasted_message_answers_each(file_report: Any) -> None:
    file_report("0987654321")
    text = "Ban da trung thuong! Nhan qua tai https://qua-tang-vip.top/nhan hoac goi 0987654321 ngay hom nay."
    page = Client().post("/tra-cuu/", {"q": text}).content.decode()
    assert page.count('data-verdict="') == 2
    assert 'data-verdict="reported"' in page and 'data-verdict="no_reports"' in page


@pytest.mark.parametrize(
    ("q", "message"),
    [
        ("", "Hãy nhập số điện thoại"),
        ("chào", "Không nhận ra"),
        ("x" * 5001, "quá dài"),
    ],
)
def test_bad_input_explained(db: Any, q: str, message: str) -> None:
    response = Client().post("/tra-cuu/", {"q": q})
    assert response.status_code == 400 and message in response.content.decode()


def test_page_lookup_query_count(no_seed_allowlist: None, django_assert_max_num_queries: Any) -> None:
    Client().get("/tra-cuu/", {"q": "0912000111"})
    with django_assert_max_num_queries(2):
        Client().get("/tra-cuu/", {"q": "0912345678"})
