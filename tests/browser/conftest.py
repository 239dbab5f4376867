"""Browser tests drive Debian's Chromium through Playwright (no browser download)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

from tests.i18n.conftest import replies  # noqa: F401 - Makkah's prepared replies in ten languages

CHROMIUM = os.environ.get("KHIDMA_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser() -> Iterator:
    if not os.path.exists(CHROMIUM):
        message = f"Chromium not found at {CHROMIUM}: apt-get install chromium (CI installs it)"
        if os.environ.get("KHIDMA_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    # Playwright's sync API keeps an event loop in this thread; Django refuses ORM calls beside a running
    # loop unless told that this test process knows what it is doing.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser, live_server) -> Iterator:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="ar-SA")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
