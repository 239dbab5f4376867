"""The admin and the portal in a real browser: Arabic, right-to-left, scoped to the organization."""

import pytest

from khidma.cases import services
from khidma.cases.intake import IntakeRequest, Reporter
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_org_admin_signs_in_to_the_arabic_admin_and_sees_only_their_cases(
    page, live_server, staff, makkah, taif
):
    mine = services.case_create(
        request=IntakeRequest(organization=makkah, description="حفرة في الطريق", channel="web")
    ).case
    for _ in range(3):
        services.case_create(request=IntakeRequest(organization=taif, description="نفايات", channel="web"))
    page.goto(f"{live_server.url}/admin/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    page.fill("#id_username", "reem")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/cases/case/")
    assert page.locator("#result_list tbody tr").count() == 1
    assert mine.reference in page.locator("#result_list").inner_text()
    # The changelist's title is Arabic and the layout mirrors: the sidebar sits on the left in RTL.
    assert "بلاغ" in page.locator("h1").inner_text()


def test_a_wrong_password_is_refused_in_arabic(page, live_server, staff):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "reem")
    page.fill("#id_password", "wrong-password")
    page.click("input[type=submit]")
    assert "كلمة المرور" in page.locator(".errornote").inner_text()


def test_tracking_a_report_on_a_phone_shows_status_and_timeline_right_to_left(page, live_server, makkah):
    case = services.case_create(
        request=IntakeRequest(organization=makkah, description="إنارة", channel="web", category="cleanliness")
    ).case
    page.goto(f"{live_server.url}/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.fill("#reference", case.reference)
    page.press("#reference", "Enter")
    page.wait_for_url(f"{live_server.url}/track/{case.reference}")
    assert case.reference in page.locator("h1").inner_text()
    assert page.locator(".timeline li").count() == 2
    # Right-to-left: the heading's right edge is near the viewport's right edge.
    box = page.locator("h1").bounding_box()
    assert box["x"] + box["width"] > 390 - 40


def test_a_mistyped_number_asks_to_check_it(page, live_server, makkah):
    case = services.case_create(
        request=IntakeRequest(organization=makkah, description="x", channel="web")
    ).case
    wrong = case.reference[:-1] + str((int(case.reference[-1]) + 1) % 10)
    page.goto(f"{live_server.url}/track/{wrong}")
    assert page.locator("[role=alert]").is_visible()


def test_switching_the_portal_to_english_turns_it_left_to_right(page, live_server, makkah):
    page.goto(f"{live_server.url}/")
    page.select_option("#language-select", "en")
    page.click(".lang button")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator("html").get_attribute("lang") == "en"


def test_the_reporter_confirms_the_fix_and_rates_it_on_the_tracking_page(page, live_server, makkah, staff):
    import re

    from khidma.outbox.models import OutboundMessage

    case = services.case_create(
        request=IntakeRequest(
            organization=makkah,
            description="Lamp",
            language="en",
            channel="sms",
            category="lighting_signs",
            reporter=Reporter(phone="0551234567"),
        )
    ).case
    services.case_assign(case=case, by=staff["supervisor"], department=staff["field_light"].department)
    services.case_resolve(case=case, by=staff["supervisor"], note="Lamp replaced")
    code = re.search(r"\b(\d{6})\b", OutboundMessage.objects.get(case=case, template="resolved").text).group(
        1
    )
    page.goto(f"{live_server.url}/track/{case.reference}")
    page.fill("#code", "000000" if code != "000000" else "111111")
    with page.expect_navigation():
        page.click("button[value=yes]")
    assert page.locator("[role=alert]").is_visible()
    page.fill("#code", code)
    with page.expect_navigation():
        page.click("button[value=yes]")
    assert page.locator("[role=status]").is_visible()
    case.refresh_from_db()
    assert (case.status, case.closure_outcome) == ("closed", "confirmed")
    page.check("input[name=rating][value='4']")
    page.fill("#code-rate", code)
    with page.expect_navigation():
        page.click("#send-rating")
    case.refresh_from_db()
    assert case.satisfaction.rating == 4
