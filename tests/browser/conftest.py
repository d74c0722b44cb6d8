"""Browser tests drive Debian's Chromium (never a downloaded browser) through Playwright."""

import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(config, items):
    if os.path.exists(CHROMIUM):
        return
    if os.environ.get("REQUIRE_BROWSER"):
        raise pytest.UsageError(f"REQUIRE_BROWSER is set but no Chromium was found at {CHROMIUM}.")
    skip = pytest.mark.skip(reason="Chromium is not installed (apt-get install chromium)")
    for item in items:
        if "tests/browser" in str(item.path):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args():
    return {"executable_path": CHROMIUM, "args": CHROMIUM_FLAGS, "headless": True}


@pytest.fixture
def visit(live_server, page):
    """Open a path of the live server in the browser page and return the page."""

    def go(path):
        page.goto(live_server.url + path)
        return page

    return go


def assert_accessible(page):
    """axe-core (shipped by axe-playwright-python) finds no WCAG violations."""
    from axe_playwright_python.sync_playwright import Axe

    wait_until_settled(page)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def wait_until_settled(page):
    """Colours are measured at rest: Wagtail's admin messages fade in through a transition that
    starts only once its script marks the page ready, so wait until they are fully opaque and
    every running animation has finished."""
    page.wait_for_function(
        "() => [...document.querySelectorAll('.messages > ul')].every((list) => getComputedStyle(list).opacity === '1')"
    )
    page.evaluate("Promise.all(document.getAnimations().map((animation) => animation.finished))")
