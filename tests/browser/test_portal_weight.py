"""The report page stays under 200 KB on the wire in every language (no map tiles are set by default).

Run with `-s` to print the figures that docs/portal.md quotes.
"""

from __future__ import annotations

import pytest

from tests.browser.portal_helpers import phone_page, wait_for_map, wire_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BUDGET = 200_000
LOCALES = ["ar-SA", "en-GB", "ur-PK", "id-ID", "hi-IN", "ms-MY", "fa-IR", "bn-BD", "tr-TR", "fr-FR"]


def _weigh(page, url: str) -> tuple[int, dict[str, int]]:
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url)
    wait_for_map(page)
    page.evaluate("document.fonts.ready.then(() => true)")
    page.wait_for_load_state("networkidle")
    parts: dict[str, int] = {}
    for response in responses:
        body = response.body() if response.status == 200 else b""
        name = response.url.rsplit("/", 1)[-1].split("?")[0] or "page"
        parts[name] = (
            wire_bytes(response.url, response.headers.get("content-type", ""), body) + 300
        )  # + headers
    return sum(parts.values()), parts


def test_the_report_page_weighs_under_200_kb_in_every_language(browser, live_server, makkah):
    figures = {}
    for locale in LOCALES:
        with phone_page(browser, locale=locale) as page:
            total, parts = _weigh(page, f"{live_server.url}/report")
        fonts = sum(size for name, size in parts.items() if name.endswith(".woff2"))
        figures[locale] = (total, fonts, sorted(name for name in parts if name.endswith(".woff2")))
        assert total < BUDGET, (locale, sorted(parts.items(), key=lambda kv: -kv[1])[:8])
    for locale, (total, fonts, files) in figures.items():
        print(f"{locale}: {total / 1000:.0f} kB total, {fonts / 1000:.0f} kB fonts ({', '.join(files)})")
