"""Checking the phone by SMS on the report form, in Chromium: inline with JavaScript, as a two-step form
without it (everything typed and the photos kept), and accessible (axe) at every step."""

from __future__ import annotations

import re

import pytest

from khidma.cases.models import Attachment, Case
from khidma.outbox.models import OutboundMessage
from tests.browser.axe import assert_accessible
from tests.browser.portal_helpers import phone_page, photo, warm_up_triage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module", autouse=True)
def _triage_ready():
    warm_up_triage()


def _code() -> str:
    text = OutboundMessage.objects.filter(template="verify_phone").latest("pk").text
    return re.search(r"\b(\d{6})\b", text).group(1)


def _wrong(code: str) -> str:
    return "000000" if code != "000000" else "111111"


def test_with_javascript_the_code_is_asked_for_and_checked_without_leaving_the_page(
    browser, live_server, makkah
):
    with phone_page(browser, locale="ar-SA") as page:
        page.goto(f"{live_server.url}/report")
        page.locator("input[name=category][value=cleanliness]").check()
        page.fill("#id_description", "نفايات متراكمة بجوار السوق")
        page.fill("#id_address", "سوق العزيزية")
        page.set_input_files("#id_photos", files=[photo()])
        page.fill("#id_phone", "0551234567")
        assert page.locator("#field-code").is_hidden()
        page.click("#send-code")
        page.wait_for_selector("#field-code:not([hidden])")
        assert "/report" in page.url and page.input_value("#id_description") == "نفايات متراكمة بجوار السوق"
        assert "+966551234567" in page.locator("#code-sent").inner_text()
        assert_accessible(page, "the code step, with JavaScript")
        page.fill("#id_code", _wrong(_code()))
        page.press(
            "#id_code", "Enter"
        )  # Enter in the code field checks the code, it does not send the report
        page.wait_for_function("() => document.getElementById('code-error-live').textContent !== ''")
        assert "هذا الرمز غير صحيح" in page.locator("#code-error-live").inner_text()
        assert page.locator("#id_code").get_attribute("aria-invalid") is not None
        assert_accessible(page, "a wrong code, with JavaScript")
        page.fill("#id_code", _code())
        page.click("#check-code")
        page.wait_for_selector("#phone-verified")
        assert_accessible(page, "the phone confirmed, with JavaScript")
        assert page.evaluate("document.getElementById('id_photos').files.length") == 1  # still chosen
        page.click("#send")
        page.wait_for_url("**/report/sent")
        assert page.locator("#phone-verified").is_visible()
    case = Case.objects.get()
    assert case.reporter_phone_verified and Attachment.objects.filter(case=case).count() == 1


def test_without_javascript_the_code_step_keeps_everything_typed_and_the_photo(browser, live_server, makkah):
    with phone_page(browser, locale="en-GB", javascript=False) as page:
        page.goto(f"{live_server.url}/report")
        page.locator("input[name=category][value=roads_sidewalks]").check()
        page.fill("#id_description", "A deep hole in the road near the hotel")
        page.fill("#id_address", "Ibrahim Al-Khalil street")
        page.set_input_files("#id_photos", files=[photo()])
        page.fill("#id_phone", "0551234567")
        page.click("#send-code")
        page.wait_for_selector("#id_code")
        assert page.input_value("#id_description") == "A deep hole in the road near the hotel"
        assert page.input_value("#id_address") == "Ibrahim Al-Khalil street"
        assert page.locator("input[name=category][value=roads_sidewalks]").is_checked()
        assert page.locator("input[name=kept_photo]").count() == 1
        assert "+966551234567" in page.locator("#code-sent").inner_text()
        page.fill("#id_code", _wrong(_code()))
        page.click("#check-code")
        assert "This code is not right" in page.locator("#error-summary").inner_text()
        assert page.input_value("#id_description") == "A deep hole in the road near the hotel"
        assert page.locator("input[name=kept_photo]").count() == 1
        page.fill("#id_code", _code())
        page.click("#check-code")
        assert page.locator("#phone-verified").is_visible()
        assert page.locator("input[name=kept_photo]").count() == 1
        page.click("#send")
        page.wait_for_url("**/report/sent")
    case = Case.objects.get()
    assert case.reporter_phone_verified and case.address == "Ibrahim Al-Khalil street"
    assert Attachment.objects.filter(case=case).count() == 1


def test_enter_in_a_field_sends_the_report_and_not_the_code(browser, live_server, makkah):
    with phone_page(browser, locale="en-GB", javascript=False) as page:
        page.goto(f"{live_server.url}/report")
        page.fill("#id_description", "Broken bench")
        page.fill("#id_phone", "0551234567")
        page.fill("#id_address", "Ajyad street")
        page.press("#id_address", "Enter")
        page.wait_for_url("**/report/sent")
    assert Case.objects.get().reporter_phone_verified is False
    assert not OutboundMessage.objects.filter(template="verify_phone").exists()
