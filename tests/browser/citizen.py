"""Helpers of the citizen journeys' browser tests: a 360 px phone with or without JavaScript, the page's
weight, and axe-core on what a JavaScript-less browser shows."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from playwright.sync_api import expect

PHONE = {"width": 360, "height": 740}
MAX_PAGE_BYTES = 100_000


@contextmanager
def guarded_page(context: Any, live_server: Any) -> Iterator[Any]:
    """A page of ``context`` from which nothing may leave the app (any request to another host fails the
    test) and on which the Content Security Policy must hold (Chromium reports each violation on the
    console); the context is closed on the way out."""
    outside: list[str] = []
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(live_server.url)
            else (outside.append(route.request.url), route.abort())
        ),
    )
    page = context.new_page()
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    try:
        yield page
    finally:
        context.close()
    assert not outside, f"requests left the app: {outside}"
    assert not violations, f"Content Security Policy violations: {violations}"


@contextmanager
def phone(browser: Any, live_server: Any, *, javascript: bool = True, **options: Any) -> Iterator[Any]:
    """A page on a 360 px phone in Vietnamese; nothing may leave the app, and the CSP must hold."""
    context = browser.new_context(viewport=PHONE, locale="vi-VN", java_script_enabled=javascript, **options)
    # Generous: the machine running the suite may be busy (the first request of a live server is slow).
    context.set_default_timeout(60_000)
    expect.set_options(timeout=20_000)
    with guarded_page(context, live_server) as page:
        page.javascript = javascript  # type: ignore[attr-defined]
        yield page


def page_weight(page: Any) -> int:
    """Bytes (uncompressed) of the current document and the styles, scripts and images it loaded, from the
    browser's own resource timing (read through the debugging protocol: works with JavaScript off)."""
    return int(
        page.evaluate(
            "performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
            ".reduce((sum, entry) => sum + (entry.decodedBodySize || 0), 0)"
        )
    )


def check_accessible(page: Any, assert_accessible: Any) -> None:
    """axe-core on the page as it is. With JavaScript off axe cannot run in the page itself (its promises and
    timers never fire), so the markup that page received is opened again in a scripted phone whose own scripts
    are all refused: what is checked is exactly what the JavaScript-less browser shows."""
    if getattr(page, "javascript", True):
        assert_accessible(page)
        return
    html, url = page.content(), page.url
    context = page.context.browser.new_context(viewport=PHONE, locale="vi-VN")  # type: ignore[union-attr]
    try:
        context.route("**/*.js", lambda route: route.abort())
        context.route(
            url.split("#")[0],
            lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html),
        )
        copy = context.new_page()
        copy.goto(url)
        assert_accessible(copy)
    finally:
        context.close()
