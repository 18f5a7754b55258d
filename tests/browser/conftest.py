"""Browser tests: Playwright driving Debian's Chromium. Skipped only on a developer machine without it;
in CI (CI=true) or with TOANDAN_REQUIRE_BROWSER=1 a missing browser fails the run."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.citizen import guarded_page

CHROMIUM = os.environ.get("TOANDAN_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# axe-core from npm (package.json at the repository root; `make test` runs `npm ci` when npm is present).
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = ("serious", "critical")

# Playwright's sync API runs an event loop in this thread; Django's ORM calls here are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _browser_required() -> bool:
    return (
        os.environ.get("CI", "").lower() in ("1", "true") or os.environ.get("TOANDAN_REQUIRE_BROWSER") == "1"
    )


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM}: apt-get install chromium"
        if _browser_required():
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        message = f"axe-core not found at {AXE}: run `npm ci` in the repository"
        if _browser_required():
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


@pytest.fixture
def assert_accessible(axe_source: str) -> Callable[[Any], None]:
    """Run axe-core in the page (through the debugging protocol, so the page's CSP does not block it) and fail
    on any serious or critical violation, naming the rule and the elements."""

    def check(pg: Any) -> None:
        if not pg.evaluate("typeof window.axe !== 'undefined'"):
            pg.evaluate(axe_source)
        violations = pg.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
            ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
            " nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))"
        )
        blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
        assert not blocking, f"axe-core on {pg.url}: " + "; ".join(
            f"{v['id']} ({v['impact']}: {v['help']}) at {v['nodes']}" for v in blocking
        )

    return check


@pytest.fixture
def artifacts() -> Path:
    """Screenshots land here (ignored by git) so a person can look at what the browser saw."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    """A desktop-sized page; nothing may come from outside the app, the CSP must hold (``guarded_page``)."""
    context = browser.new_context(locale="vi-VN", viewport={"width": 1024, "height": 800})
    context.set_default_timeout(10_000)
    with guarded_page(context, live_server) as pg:
        yield pg
