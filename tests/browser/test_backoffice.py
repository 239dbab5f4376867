"""The back office in a real browser: a 940 agent takes a call, a field officer resolves the case, the
follow-up unit sees a breached case, and people are kept out of what their role does not allow."""

from __future__ import annotations

import datetime

import pytest

from khidma.cases import services
from khidma.cases.deadlines import case_sla_sweep
from khidma.cases.intake import IntakeRequest, Reporter
from khidma.cases.models import Case
from khidma.core import clock
from tests.browser.portal_helpers import photo, warm_up_triage
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/staff/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("#sign-in")


def test_signing_in_lands_on_the_roles_queue_in_arabic(page, live_server, staff):
    sign_in(page, live_server, "sara")
    assert "/staff/queue/triage/" in page.url
    assert page.locator("html").get_attribute("dir") == "rtl"


def test_a_wrong_password_is_refused(page, live_server, staff):
    page.goto(f"{live_server.url}/staff/login/")
    page.fill("#id_username", "sara")
    page.fill("#id_password", "not-the-password")
    page.click("#sign-in")
    assert page.locator("[role=alert]").is_visible()
    assert "/staff/login/" in page.url


def test_the_agent_creates_a_case_by_phone_and_the_field_officer_resolves_it(
    page, live_server, staff, policies
):
    warm_up_triage()
    earlier = services.case_create(
        request=IntakeRequest(
            organization=staff["agent"].organization,
            description="old",
            channel="phone_940",
            category="cleanliness",
            reporter=Reporter(phone="0551234567"),
        )
    ).case
    sign_in(page, live_server, "sara")
    page.goto(f"{live_server.url}/staff/console/")
    page.evaluate("window.stillTheSamePage = true")  # gone if anything below reloads the page
    # Typing the caller's number brings their earlier cases (htmx), typing the problem brings suggestions.
    page.locator("#id_phone").press_sequentially("0551234567")
    page.wait_for_selector(f"#history a:has-text('{earlier.reference}')")
    page.fill("#id_name", "Ali")
    page.locator("#id_description").press_sequentially("حاوية النفايات ممتلئة أمام المسجد والروائح سيئة")
    page.locator(".pick-category[data-category='cleanliness']").click()
    assert page.locator("#id_category").input_value() == "cleanliness"
    assert page.evaluate("window.stillTheSamePage") is True
    # The place: a click on the map fills in the coordinates.
    page.wait_for_selector("#console-map[data-ready='1']")
    page.locator("#console-map").click()
    assert page.locator("#id_lat").input_value() != ""
    with page.expect_navigation():
        page.click("#create-case")
    reference = page.locator("h1").inner_text().split()[0]
    case = Case.objects.get(reference=reference)
    assert (case.channel, case.service_point.code, case.category.code, case.created_by.username) == (
        "phone_940",
        "call_centre",
        "cleanliness",
        "sara",
    )
    assert case.reporter_phone == "+966551234567"
    assert case.lat is not None and case.area is not None  # the clicked point, placed in its area
    # The head of cleanliness assigns it to Fahd, who resolves it from his queue with an after-photo.
    services.case_assign(case=case, by=staff["head_clean"], assignee=staff["field_clean"])
    page.context.clear_cookies()
    sign_in(page, live_server, "fahd")
    assert reference in page.locator("table.cases").inner_text()
    page.click(f"text={reference}")
    page.wait_for_selector("#case-map[data-ready='1']")  # the place on a map
    page.evaluate("window.stillTheSamePage = true")
    form = page.locator(f"form[action$='/{reference}/resolve/']")
    page.locator("details", has=form).locator("summary").click()
    form.locator("textarea[name=note]").fill("تم تنظيف الموقع")
    form.locator("input[name=photo]").set_input_files(photo("after.jpg"))
    form.locator("button").click()
    page.wait_for_selector(".thumbs img")  # the case part of the page was replaced, with the photo
    assert page.evaluate("window.stillTheSamePage") is True
    case.refresh_from_db()
    assert case.status == "resolved"
    after = case.attachments.get()
    assert after.is_public and after.content_type == "image/jpeg"
    image = page.locator(".thumbs img")
    image.scroll_into_view_if_needed()  # thumbnails load lazily
    assert image.evaluate("(img) => img.decode().then(() => img.naturalWidth)") > 0  # served to staff
    assert "+966551234567" not in page.content()  # field staff see a masked phone


def test_the_follow_up_unit_sees_a_breached_case(page, live_server, staff, policies, makkah):
    with clock.at(clock.now() - datetime.timedelta(days=10)):
        late = services.case_create(
            request=IntakeRequest(
                organization=makkah, description="late", channel="web", category="cleanliness"
            )
        ).case
    case_sla_sweep()
    sign_in(page, live_server, "noura")
    assert "/staff/queue/breached/" in page.url
    assert late.reference in page.locator("table.cases").inner_text()


def test_staff_only_see_what_their_role_allows(page, live_server, staff, makkah, taif):
    theirs = services.case_create(
        request=IntakeRequest(organization=taif, description="Taif", channel="web", category="cleanliness")
    ).case
    women = services.case_create(
        request=IntakeRequest(
            organization=makkah,
            description="women",
            channel="counter",
            service_point="hq",
            womens_section=True,
        )
    ).case
    sign_in(page, live_server, "fahd")
    for reference in (theirs.reference, women.reference):
        response = page.goto(f"{live_server.url}/staff/cases/{reference}/")
        assert response.status == 404
    assert page.goto(f"{live_server.url}/staff/console/").status == 403
    assert page.goto(f"{live_server.url}/staff/dashboard/").status == 403


def test_the_supervisor_dashboard_shows_todays_figures_with_hijri_dates(page, live_server, staff, makkah):
    services.case_create(
        request=IntakeRequest(organization=makkah, description="x", channel="web", category="cleanliness")
    )
    sign_in(page, live_server, "mohammed")
    page.goto(f"{live_server.url}/staff/dashboard/")
    tiles = page.locator(".tiles").inner_text()
    assert "1" in tiles
    assert "هـ" in page.locator("main").inner_text() or "AH" in page.locator("main").inner_text()
