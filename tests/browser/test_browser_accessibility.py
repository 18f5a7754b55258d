"""axe-core in a real browser on a 360 px phone: no serious or critical violation on the citizen pages and the
officers' main pages (each new page should be added here, or call `assert_accessible` in its own test)."""

from __future__ import annotations

from typing import Any

import pytest

from toandan.accounts.models import User
from toandan.web.testing import staff_client

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
CITIZEN_PAGES = [
    "/",
    "/tra-cuu/",
    "/tra-cuu/?q=0912345678",
    "/to-giac/",
    "/theo-doi/",
    "/tra-cuu/khieu-nai/",
    "/dang-nhap/",
]
STAFF_PAGES = [
    "/can-bo/",
    "/can-bo/to-giac/",
    "/can-bo/to-giac/thong-ke/",
    "/can-bo/ke-hoach/",
    "/can-bo/ke-hoach/nhap/",
    "/can-bo/dau-hieu/",
    "/can-bo/dot-lua-dao/",
    "/can-bo/dau-hieu/khieu-nai/",
]


@pytest.mark.parametrize("path", CITIZEN_PAGES)
def test_citizen_page_has_no_serious_violation(
    browser: Any, live_server: Any, units: None, assert_accessible: Any, path: str
) -> None:
    context = browser.new_context(locale="vi-VN", viewport=PHONE)
    page = context.new_page()
    response = page.goto(live_server.url + path)
    assert response is not None and response.status == 200, path
    assert_accessible(page)
    context.close()


def test_staff_pages_have_no_serious_violation(
    browser: Any, live_server: Any, provincial_officer: User, assert_accessible: Any
) -> None:
    client = staff_client(provincial_officer)
    context = browser.new_context(locale="vi-VN", viewport=PHONE)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    for path in STAFF_PAGES:
        response = page.goto(live_server.url + path)
        assert response is not None and response.status == 200, path
        assert_accessible(page)
    context.close()
