"""Reporting a problem on a phone: Arabic, Urdu and Indonesian, with photos, a map pin or the person's
location; without JavaScript; and the "is it one of these?" offer before sending."""

from __future__ import annotations

import pytest

from khidma.cases import services
from khidma.cases.intake import IntakeRequest
from khidma.cases.models import Attachment, Case
from tests.browser.portal_helpers import phone_page, photo, pin_map, warm_up_triage
from tests.conftest import HARAM

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module", autouse=True)
def _triage_ready():
    warm_up_triage()


def _sent_reference(page) -> str:
    page.wait_for_url("**/report/sent")
    return page.locator("#reference-number").inner_text().strip()


def test_reporting_in_arabic_with_a_photo_and_a_map_pin(browser, live_server, makkah):
    with phone_page(browser, locale="ar-SA") as page:
        page.goto(f"{live_server.url}/report")
        assert page.locator("html").get_attribute("dir") == "rtl"
        page.get_by_label("الإنارة واللوحات الإرشادية").check()
        page.fill("#id_description", "عمود الإنارة أمام المدرسة مطفأ منذ ثلاث ليال")
        page.set_input_files("#id_photos", files=[photo()])
        pin_map(page)
        assert page.locator("#place-area").inner_text().strip()  # the area under the pin is named
        page.click("#send")
        reference = _sent_reference(page)
        assert page.locator("#updates").is_visible()
    case = Case.objects.get(reference=reference)
    assert (case.language, case.channel, case.category.code) == ("ar", "web", "lighting_signs")
    assert case.lat is not None and case.area is not None
    assert Attachment.objects.filter(case=case).count() == 1


def test_reporting_in_urdu_with_the_phones_location_and_a_phone_number(browser, live_server, makkah):
    with phone_page(browser, locale="ur-PK", geolocation=HARAM) as page:
        page.goto(f"{live_server.url}/report")
        assert (page.locator("html").get_attribute("lang"), page.locator("html").get_attribute("dir")) == (
            "ur",
            "rtl",
        )
        assert "Noto Naskh Arabic" in page.evaluate("getComputedStyle(document.body).fontFamily")
        page.locator("input[name=category][value=cleanliness]").check()
        page.fill("#id_description", "سڑک پر کوڑا پڑا ہے")
        page.click("#locate")
        page.wait_for_function("() => document.getElementById('id_lat').value !== ''")
        page.fill("#id_phone", "0551234567")
        page.click("#send")
        reference = _sent_reference(page)
        assert "966" in page.locator("#updates").inner_text()
    case = Case.objects.get(reference=reference)
    assert (case.language, case.reporter_phone, case.area.code) == ("ur", "+966551234567", "west")
    assert abs(case.lat - HARAM[0]) < 1e-4


def test_reporting_in_indonesian_with_two_photos_and_a_pin(browser, live_server, makkah):
    with phone_page(browser, locale="id-ID") as page:
        page.goto(f"{live_server.url}/report")
        assert (page.locator("html").get_attribute("lang"), page.locator("html").get_attribute("dir")) == (
            "id",
            "ltr",
        )
        page.locator("input[name=category][value=roads_sidewalks]").check()
        page.fill("#id_description", "Ada lubang besar di jalan dekat hotel")
        page.set_input_files("#id_photos", files=[photo("a.jpg"), photo("b.jpg", gps=HARAM)])
        pin_map(page, dx=40, dy=-20)
        page.click("#send")
        reference = _sent_reference(page)
    case = Case.objects.get(reference=reference)
    assert case.language == "id" and Attachment.objects.filter(case=case).count() == 2


def test_without_javascript_the_form_works_with_a_typed_landmark_and_keeps_what_was_typed(
    browser, live_server, makkah
):
    with phone_page(browser, locale="ar-SA", javascript=False) as page:
        page.goto(f"{live_server.url}/report")
        assert not page.locator("#map").is_visible()
        assert not page.locator("#locate").is_visible()
        page.get_by_label("النظافة", exact=True).check()
        page.fill("#id_description", "نفايات متراكمة بجوار السوق")
        page.fill("#id_address", "سوق العزيزية، البوابة 3")
        page.fill("#id_phone", "12345")
        page.click("#send")
        # Refused in Arabic, with everything typed still there.
        assert "رقم الهاتف هذا غير صالح" in page.locator("#error-summary").inner_text()
        assert page.input_value("#id_description") == "نفايات متراكمة بجوار السوق"
        assert page.input_value("#id_address") == "سوق العزيزية، البوابة 3"
        assert page.locator("input[name=category][value=cleanliness]").is_checked()
        assert page.locator("#id_phone").get_attribute("aria-invalid") == "true"
        page.fill("#id_phone", "")
        page.click("#send")
        reference = _sent_reference(page)
        assert "940" in page.locator("#updates").inner_text() or page.locator("#updates").is_visible()
    case = Case.objects.get(reference=reference)
    assert case.address == "سوق العزيزية، البوابة 3" and case.reporter_phone == ""


def test_a_forged_photo_is_refused_and_the_rest_stays(browser, live_server, makkah):
    with phone_page(browser, locale="en-GB") as page:
        page.goto(f"{live_server.url}/report")
        page.fill("#id_description", "Broken bench")
        page.fill("#id_address", "Ajyad street")
        forged = {"name": "bench.jpg", "mimeType": "image/jpeg", "buffer": b"GIF89a not really" * 10}
        page.set_input_files("#id_photos", files=[forged, photo("good.jpg")])
        page.click("#send")
        summary = page.locator("#error-summary").inner_text()
        assert "bench.jpg" in summary
        assert page.input_value("#id_description") == "Broken bench"
        assert page.locator("input[name=kept_photo]").count() == 1  # the good photo is kept
        page.click("#send")
        reference = _sent_reference(page)
    assert Attachment.objects.filter(case__reference=reference).count() == 1


def test_open_reports_nearby_of_the_same_kind_are_offered_before_sending(browser, live_server, makkah):
    existing = services.case_create(
        request=IntakeRequest(
            organization=makkah,
            description="Street light out",
            channel="sms",
            category="lighting_signs",
            lat=HARAM[0] + 0.0004,
            lon=HARAM[1],
        )
    ).case
    services.case_create(
        request=IntakeRequest(
            organization=makkah,
            description="Rubbish",
            channel="sms",
            category="cleanliness",
            lat=HARAM[0],
            lon=HARAM[1],
        )
    )
    with phone_page(browser, locale="en-GB", geolocation=HARAM) as page:
        page.goto(f"{live_server.url}/report")
        page.locator("input[name=category][value=lighting_signs]").check()
        page.click("#locate")
        page.wait_for_selector("#nearby:not([hidden])")
        items = page.locator("#nearby-list li")
        assert items.count() == 1
        assert existing.reference in items.first.inner_text()
        assert "m away" in items.first.inner_text()
        # Another kind: nothing to offer.
        page.locator("input[name=category][value=roads_sidewalks]").check()
        page.wait_for_selector("#nearby", state="hidden")
        page.locator("input[name=category][value=lighting_signs]").check()
        page.wait_for_selector("#nearby:not([hidden])")
        # "No, mine is different" hides the offer for this place and kind, and it stays hidden.
        page.click("#nearby-dismiss")
        assert page.locator("#nearby").is_hidden()
        page.locator("input[name=category][value=roads_sidewalks]").check()
        page.locator("input[name=category][value=lighting_signs]").check()
        page.wait_for_timeout(500)
        assert page.locator("#nearby").is_hidden()
    with phone_page(browser, locale="en-GB", geolocation=HARAM) as page:
        # "Yes, this is it" leads to the existing report instead of a new one.
        page.goto(f"{live_server.url}/report")
        page.locator("input[name=category][value=lighting_signs]").check()
        page.click("#locate")
        page.locator("#nearby-list a").first.click()
        page.wait_for_url(f"**/track/{existing.reference}")
    assert Case.objects.count() == 2


def test_the_report_page_mirrors_right_to_left_in_arabic_and_not_in_english(browser, live_server, makkah):
    for locale, rtl in (("ar-SA", True), ("en-GB", False), ("fa-IR", True)):
        with phone_page(browser, locale=locale) as page:
            page.goto(f"{live_server.url}/report")
            first = page.locator(".tile").first.bounding_box()
            heading = page.locator("h1").bounding_box()
            if rtl:
                assert first["x"] > 390 / 2 - 10, locale  # the first choice sits on the right
                assert heading["x"] + heading["width"] > 390 - 40, locale
            else:
                assert first["x"] < 390 / 2, locale
                assert heading["x"] < 40, locale
            # Nothing is wider than the phone.
            assert page.evaluate("document.documentElement.scrollWidth") <= 390, locale
