"""Staff pages fit the screen: at 1366×768 (a desktop) and 390×844 (a phone), in Arabic and English, no page
is wider than the window, no heading is cut, and the console's create button is on screen without
scrolling. Then the queue from the keyboard, and the console's area choice moving the map's pin."""

from __future__ import annotations

import pytest

# The shift's data (tests/backoffice/conftest.py), imported so that pytest finds the fixtures here too.
from tests.backoffice.conftest import association_staff, shift  # noqa: F401
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"desktop": (1366, 768), "phone": (390, 844)}

MEASURE = """() => {
  const width = window.innerWidth;
  const clipped = [...document.querySelectorAll("h1, h2, h3")]
    .filter((h) => h.offsetParent !== null && h.scrollWidth > h.clientWidth + 1)
    .map((h) => h.textContent.trim().slice(0, 40));
  const wide = [...document.querySelectorAll("body *")]
    .filter((e) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && (r.right > width + 1 || r.left < -1);
    })
    .filter((e) => !e.closest(".leaflet-container, .card table, .scroll"))
    .slice(0, 3).map((e) => e.tagName + "." + e.className);
  return { scrollWidth: document.documentElement.scrollWidth, width, clipped, wide };
}"""


def _context(browser, live_server, size: str, language: str, browser_locale: str | None = None):
    width, height = SIZES[size]
    # The browser's own locale is the page's language unless a test says otherwise.
    locale = browser_locale or language
    context = browser.new_context(viewport={"width": width, "height": height}, locale=locale)
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def _sign_in(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/staff/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("#sign-in")


def _fits(page) -> list[str]:
    found = page.evaluate(MEASURE)
    problems = []
    if found["scrollWidth"] > found["width"]:
        problems.append(f"page {found['scrollWidth']}px wide in {found['width']}px: {found['wide']}")
    if found["clipped"]:
        problems.append(f"clipped headings: {found['clipped']}")
    return problems


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_every_staff_page_fits_the_screen(browser, live_server, staff, request, size, language):
    urls = request.getfixturevalue("shift").urls
    context, page = _context(browser, live_server, size, language)
    problems: dict[str, list[str]] = {}
    page.goto(f"{live_server.url}/staff/login/")
    if found := _fits(page):
        problems["login"] = found
    # The sign-in card holds its fields (the Arabic page once cut its heading and overflowed its inputs).
    card = page.locator("form.signin").bounding_box()
    for field in ("#id_username", "#id_password", "#sign-in", "form.signin h1"):
        box = page.locator(field).bounding_box()
        assert card["x"] <= box["x"] and box["x"] + box["width"] <= card["x"] + card["width"] + 0.5, field
    _sign_in(page, live_server, "mohammed")
    for url in urls:
        page.goto(f"{live_server.url}{url}")
        if found := _fits(page):
            problems[url] = found
    # The agent's console: the create button is in sight as the page opens, without scrolling.
    page.goto(f"{live_server.url}/staff/console/")
    box = page.locator("#create-case").bounding_box()
    width, height = SIZES[size]
    assert (
        box and box["y"] >= 0 and box["y"] + box["height"] <= height and 0 <= box["x"] <= width - box["width"]
    )
    context.close()
    assert not problems, problems


@pytest.mark.usefixtures("shift")
def test_the_console_sits_in_two_columns_on_a_desktop(browser, live_server, staff):
    context, page = _context(browser, live_server, "desktop", "ar")
    _sign_in(page, live_server, "sara")
    page.goto(f"{live_server.url}/staff/console/")
    form = page.locator("#console-form").bounding_box()
    side = page.locator(".console-side").bounding_box()
    assert side["x"] + side["width"] <= form["x"]  # right-to-left: the answers sit left of the form
    assert abs(side["y"] - form["y"]) < 2
    context.close()


@pytest.mark.usefixtures("shift")
def test_choosing_an_area_on_the_console_moves_the_pin_and_fills_the_point(browser, live_server, staff):
    context, page = _context(browser, live_server, "desktop", "en")
    _sign_in(page, live_server, "sara")
    page.goto(f"{live_server.url}/staff/console/")
    page.wait_for_selector("#console-map[data-ready='1']")
    page.select_option("#id_area", "east")
    assert page.locator("#id_lat").input_value() != "" and page.locator("#id_lon").input_value() != ""
    assert page.locator("#console-map .pin").count() == 1
    # A point the agent chose themselves is not replaced by the next area chosen.
    page.locator("#id_lat").fill("21.40000")
    page.select_option("#id_area", "west")
    assert page.locator("#id_lat").input_value() == "21.40000"
    context.close()


@pytest.mark.usefixtures("shift")
def test_a_queue_is_worked_from_the_keyboard(browser, live_server, staff):
    context, page = _context(browser, live_server, "desktop", "en")
    _sign_in(page, live_server, "fahd")
    page.goto(f"{live_server.url}/staff/queue/department/")
    rows = page.locator("table.cases tbody tr[data-reference]")
    assert rows.count() >= 2
    page.keyboard.press("j")
    first = rows.nth(0).get_attribute("data-reference")
    assert page.locator("tr.current").get_attribute("data-reference") == first
    page.keyboard.press("j")
    page.keyboard.press("k")
    assert page.locator("tr.current").get_attribute("data-reference") == first
    page.keyboard.press("x")
    assert rows.nth(0).locator("input[type=checkbox]").is_checked()
    # t takes the current case when it can be taken; Enter opens it.
    takeable = page.locator("tr[data-reference]:has(button.take)").first
    reference = takeable.get_attribute("data-reference")
    while page.locator("tr.current").get_attribute("data-reference") != reference:
        page.keyboard.press("j")
    with page.expect_navigation():
        page.keyboard.press("t")
    assert "/staff/queue/department/" in page.url
    taken = page.locator(f"tr[data-reference='{reference}'] td.who").inner_text()
    assert "فهد الغامدي" in taken
    page.keyboard.press("j")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/staff/cases/" in page.url
    context.close()
