"""Help on a phone: which service points are open now, and which sub-municipality serves a place."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest

from khidma.core import formats
from khidma.organizations.models import Area, ServicePoint
from tests.browser.portal_helpers import phone_page
from tests.conftest import AZIZIYAH, HARAM

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def test_service_points_show_today_and_which_are_open_now(browser, live_server, makkah):
    now = datetime.datetime.now(ZoneInfo("Asia/Riyadh"))
    start, end = now - datetime.timedelta(hours=1), now + datetime.timedelta(hours=1)
    ServicePoint.objects.create(
        organization=makkah,
        code="open_counter",
        kind="mall_counter",
        names={"ar": "كاونتر مفتوح", "en": "Open"},
        opening_hours={DAYS[start.weekday()]: [[start.strftime("%H:%M"), end.strftime("%H:%M")]]},
    )
    ServicePoint.objects.create(
        organization=makkah,
        code="shut_counter",
        kind="mall_counter",
        names={"ar": "كاونتر مغلق", "en": "Shut"},
        opening_hours={},
    )
    ServicePoint.objects.filter(code="call_centre").update(
        opening_hours={d: [["00:00", "24:00"]] for d in DAYS}
    )
    with phone_page(browser, locale="ar-SA") as page:
        page.goto(f"{live_server.url}/help/service-points")
        assert page.locator("html").get_attribute("dir") == "rtl"
        badge = page.locator("[data-code=open_counter] .badge")
        # Times as Arabic writes them (CLDR): "4:42 م".
        assert badge.get_attribute("data-open") == "1" and formats.time(end, "ar") in badge.inner_text()
        assert page.locator("[data-code=shut_counter] .badge").get_attribute("data-open") == "0"
        assert page.locator("[data-code=call_centre] .badge").get_attribute("data-open") == "1"
        # The mosque counter's hours are computed for today: one hour before Maghrib (late afternoon).
        mosque = page.locator("[data-code=mosque_1] .span").inner_text()
        assert mosque[0] in "345" and mosque.split("–")[0].strip().endswith("م"), mosque
        # Open points come first.
        codes = page.locator(".point").evaluate_all("items => items.map(i => i.dataset.code)")
        assert codes.index("open_counter") < codes.index("shut_counter")


def test_which_sub_municipality_serves_my_location(browser, live_server, makkah):
    ServicePoint.objects.create(
        organization=makkah,
        code="sub_west",
        kind="sub_municipality",
        area=Area.objects.get(code="west"),
        names={"ar": "بلدية الغرب الفرعية", "en": "West sub-municipality"},
        opening_hours={d: [["07:30", "14:30"]] for d in ("sun", "mon", "tue", "wed", "thu")},
    )
    with phone_page(browser, locale="ar-SA", geolocation=HARAM) as page:
        page.goto(f"{live_server.url}/help")
        page.click("#locate")
        page.wait_for_selector("#results")
        assert "الغرب" in page.locator("#results h2").inner_text()
        assert "بلدية الغرب الفرعية" in page.locator("#results").inner_text()


def test_which_sub_municipality_serves_a_typed_place_without_javascript(browser, live_server, makkah):
    Area.objects.filter(code="east").update(names={"ar": "العزيزية", "en": "Al-Aziziyah"})
    with phone_page(browser, locale="en-GB", javascript=False) as page:
        page.goto(f"{live_server.url}/help")
        assert not page.locator("#locate").is_visible()
        page.fill("#id_q", "Aziziyah, near the hospital")
        page.click("#area-form button[type=submit]")
        assert "Al-Aziziyah" in page.locator("#results h2").inner_text()
        page.fill("#id_q", f"{AZIZIYAH[0]}, {AZIZIYAH[1]}")
        page.click("#area-form button[type=submit]")
        assert "Al-Aziziyah" in page.locator("#results h2").inner_text()
        page.fill("#id_q", "Somewhere unknown")
        page.click("#area-form button[type=submit]")
        assert page.locator("#no-result").is_visible()
