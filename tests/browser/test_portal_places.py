"""The report form's place box in a phone's Chromium, in Urdu: places suggested as one types, chosen with
the keyboard or a tap, the pin put on the place; and the same typed name placed without JavaScript."""

from __future__ import annotations

import pytest

from khidma.cases.models import Case
from tests.browser.portal_helpers import phone_page, wait_for_map, warm_up_triage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module", autouse=True)
def _triage_ready():
    warm_up_triage()


def _describe(page) -> None:
    page.locator("input[name=category][value=cleanliness]").check()
    page.fill("#id_description", "کوڑا دان بھرا ہوا ہے اور بدبو آ رہی ہے")


def test_urdu_suggestions_as_one_types_and_the_pin_on_the_chosen_place(browser, live_server, gazetteer):
    with phone_page(browser, locale="ur-PK") as page:
        page.goto(f"{live_server.url}/report")
        _describe(page)
        wait_for_map(page)
        box = page.locator("#id_address")
        assert box.get_attribute("role") == "combobox"
        box.press_sequentially("العزیز", delay=40)  # typing in progress
        options = page.locator("#place-suggestions [role=option]")
        options.first.wait_for()
        assert options.first.inner_text().startswith("العزیزیہ")  # the Urdu name, not the Arabic one
        assert box.get_attribute("aria-expanded") == "true"
        box.press("ArrowDown")
        assert box.get_attribute("aria-activedescendant") == "place-option-0"
        box.press("Enter")  # chooses the place; does not send the form
        assert page.url.endswith("/report")
        assert box.input_value() == "العزیزیہ"
        assert page.locator("#id_place").input_value() == "al_aziziyah"
        assert page.locator("#id_lat").input_value() == "21.415200"
        assert page.locator("#place-suggestions").is_hidden()
        assert page.locator(".leaflet-marker-icon").count() == 1
        page.click("#send")
        page.wait_for_url("**/report/sent")
    case = Case.objects.get()
    assert (case.lat, case.lon, case.area.code) == (21.4152, 39.87, "east")
    assert case.events.get(kind="created").data == {"place": "al_aziziyah"}


def test_a_misspelt_name_tapped_in_the_list(browser, live_server, gazetteer):
    with phone_page(browser, locale="ur-PK") as page:
        page.goto(f"{live_server.url}/report")
        _describe(page)
        page.locator("#id_address").press_sequentially("Masjidil Haraam", delay=20)
        page.locator("#place-suggestions [role=option]").first.click()
        assert page.locator("#id_place").input_value() == "masjid_al_haram"
        assert "مسجد الحرام" in page.locator("#id_address").input_value()


def test_without_javascript_the_typed_urdu_name_is_placed_on_sending(browser, live_server, gazetteer):
    with phone_page(browser, locale="ur-PK", javascript=False) as page:
        page.goto(f"{live_server.url}/report")
        assert page.locator("#place-suggestions").is_hidden()
        _describe(page)
        page.fill("#id_address", "اجیاد")
        page.click("#send")
        page.wait_for_url("**/report/sent")
        assert page.locator("#place-from-name").is_visible()
    case = Case.objects.get()
    assert (case.lat, case.lon) == (21.4178, 39.8322)
