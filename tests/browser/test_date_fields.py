"""In Chromium set to American English, the Arabic dashboard's date field (drawn by the browser as
mm/dd/yyyy) says the chosen date in Arabic words, Gregorian and Hijri, as soon as it is changed."""

from __future__ import annotations

import pytest

from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    ("language", "expected"), [("ar", "الأحد، 6 ديسمبر 2026"), ("en", "Sunday, December 6, 2026")]
)
def test_a_chosen_date_is_said_in_the_pages_language(browser, live_server, staff, language, expected):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="en-US")
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/staff/login/")
    page.fill("#id_username", "mohammed")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("#sign-in")
    page.goto(f"{live_server.url}/staff/dashboard/")
    reading = page.locator("#id_start + output.date-reading")
    assert reading.inner_text() == ""
    page.fill("#id_start", "2026-12-06")
    page.wait_for_function("() => document.querySelector('#id_start + output').textContent.length > 0")
    said = reading.inner_text()
    assert expected in said and "1448" in said
    assert reading.is_visible()
    context.close()
