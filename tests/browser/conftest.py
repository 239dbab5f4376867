"""Browser tests drive Debian's Chromium through Playwright (no browser download)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.i18n.conftest import replies  # noqa: F401 - Makkah's prepared replies in ten languages


@pytest.fixture
def page(browser, live_server) -> Iterator:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="ar-SA")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
