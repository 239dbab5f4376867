"""What the portal's pages carry in their source: no template syntax leaks (a `{# … #}` comment spans one
line only), and the style sheet is written into the page while the fonts and the map's styles do not block
the first paint (docs/portal.md, "On a slow mobile connection")."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/report", "/help", "/help/service-points", "/track/2600000000"])
def test_no_template_syntax_leaks_into_a_page(client, makkah, path):
    page = client.get(path).content.decode()
    for token in ("{#", "#}", "{%", "%}", "{{", "}}"):
        assert token not in page, (path, token)


def test_the_style_sheet_is_in_the_page_and_nothing_else_blocks_the_first_paint(client, makkah):
    page = client.get("/report").content.decode()
    head = page[: page.index("</head>")]
    assert "<style>" in head and "--accent:" in head
    assert 'href="/static/portal/portal.css"' not in page
    blocking = [line for line in head.splitlines() if 'rel="stylesheet"' in line and "media=" not in line]
    assert all("<noscript>" in line for line in blocking), blocking
    assert '<link rel="preload" href="/map/areas.json" as="fetch"' in head


def test_pages_are_sent_gzipped_to_browsers_that_take_it(client, makkah):
    response = client.get("/report", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
