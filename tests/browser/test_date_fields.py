"""In Chromium set to American English, the Arabic dashboard's date field (drawn by the browser as
mm/dd/yyyy) says the chosen date in Arabic words, Gregorian and Hijri, as soon as it is changed."""

from __future__ import annotations

import pytest

from tests.browser.test_backoffice_layout import _context, _sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    ("language", "expected"), [("ar", "الأحد، 6 ديسمبر 2026"), ("en", "Sunday, December 6, 2026")]
)
def test_a_chosen_date_is_said_in_the_pages_language(browser, live_server, staff, language, expected):
    context, page = _context(browser, live_server, "desktop", language, browser_locale="en-US")
    _sign_in(page, live_server, "mohammed")
    page.goto(f"{live_server.url}/staff/dashboard/")
    reading = page.locator("#id_start + output.date-reading")
    assert reading.inner_text() == ""
    page.fill("#id_start", "2026-12-06")
    page.wait_for_function("() => document.querySelector('#id_start + output').textContent.length > 0")
    said = reading.inner_text()
    assert expected in said and "1448" in said
    assert reading.is_visible()
    context.close()
