"""WCAG 2.2 AA, checked by axe-core in Chromium on every portal page — in Arabic, Urdu, English and
Indonesian, on a phone and on a desktop, before and after a refused submission — and on the back office's
sign-in, a queue and a case page. The last test proves the checker itself: a label removed is reported."""

from __future__ import annotations

import re

import pytest

from khidma.cases import closure, services
from khidma.cases.intake import IntakeRequest, Reporter
from khidma.outbox.models import OutboundMessage
from tests.browser.axe import assert_accessible, describe, run_axe, small_targets
from tests.browser.portal_helpers import phone_page, wait_for_map, warm_up_triage
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LOCALES = ["ar-SA", "ur-PK", "en-GB", "id-ID"]


@pytest.fixture(scope="module", autouse=True)
def _triage_ready():
    warm_up_triage()


def _resolved_case(makkah, staff, phone="0551234567"):
    case = services.case_create(
        request=IntakeRequest(
            organization=makkah,
            description="Lamp out in front of the school",
            language="en",
            channel="sms",
            category="lighting_signs",
            address="Ajyad street",
            reporter=Reporter(phone=phone),
        )
    ).case
    services.case_assign(case=case, by=staff["supervisor"], department=staff["field_light"].department)
    services.case_resolve(case=case, by=staff["supervisor"], note="Lamp replaced")
    text = OutboundMessage.objects.get(case=case, template="resolved").text
    return case, re.search(r"\b(\d{6})\b", text).group(1)


@pytest.mark.parametrize("locale", LOCALES)
def test_home_report_and_help_pages_pass_axe_on_a_phone(browser, live_server, makkah, locale):
    with phone_page(browser, locale=locale) as page:
        for path in ("/", "/help", "/help?q=West", "/help?q=nowhere-at-all", "/help/service-points"):
            page.goto(f"{live_server.url}{path}")
            assert_accessible(page, f"{path} ({locale})")
            assert small_targets(page) == [], path
        page.goto(f"{live_server.url}/report")
        wait_for_map(page)
        assert_accessible(page, f"/report ({locale})")
        assert small_targets(page) == [], "/report"
        # Refused (nothing described, nowhere said): the error summary and the fields' errors.
        page.fill("#id_phone", "12345")
        page.locator("#id_description").evaluate("el => el.removeAttribute('required')")
        page.click("#send")
        page.wait_for_selector("#error-summary")
        wait_for_map(page)
        assert_accessible(page, f"/report refused ({locale})")
        assert small_targets(page) == [], "/report refused"


@pytest.mark.parametrize("locale", ["ar-SA", "en-GB"])
def test_the_report_page_passes_axe_without_javascript_and_on_a_desktop(browser, live_server, makkah, locale):
    # axe is itself a script, so "without JavaScript" here means without the page's own scripts: what a
    # browser with JavaScript off shows (the map and "use my location" stay hidden; no inline script runs).
    with phone_page(browser, locale=locale) as page:
        page.route("**/*.js", lambda route: route.abort())
        page.goto(f"{live_server.url}/report")
        assert page.locator("#map").is_hidden()
        assert_accessible(page, f"/report without JavaScript ({locale})")
        page.fill("#id_description", "Broken bench")
        page.click("#send")
        page.wait_for_selector("#error-summary")
        assert_accessible(page, f"/report refused without JavaScript ({locale})")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=locale)
    try:
        page = context.new_page()
        for path in ("/", "/report", "/help/service-points"):
            page.goto(f"{live_server.url}{path}")
            if path == "/report":
                wait_for_map(page)
            assert_accessible(page, f"{path} on a desktop ({locale})")
    finally:
        context.close()


def test_the_confirmation_page_passes_axe(browser, live_server, makkah):
    for locale, phone in (("ar-SA", "0551234567"), ("en-GB", "")):
        with phone_page(browser, locale=locale) as page:
            page.goto(f"{live_server.url}/report")
            page.fill("#id_description", "Broken bench near the gate")
            page.fill("#id_address", "Ajyad street")
            page.fill("#id_phone", phone)
            page.click("#send")
            page.wait_for_url("**/report/sent")
            assert_accessible(page, f"/report/sent ({locale})")


@pytest.mark.parametrize("locale", ["ar-SA", "ur-PK", "en-GB"])
def test_tracking_answering_and_rating_pass_axe(browser, live_server, makkah, staff, locale):
    case, code = _resolved_case(makkah, staff)
    with phone_page(browser, locale=locale) as page:
        page.goto(f"{live_server.url}/track/{case.reference}")
        assert page.locator("#code").is_visible()  # "is it fixed?"
        assert_accessible(page, f"track, awaiting confirmation ({locale})")
        page.fill("#code", "000000" if code != "000000" else "111111")
        with page.expect_navigation():
            page.click("button[value=yes]")
        assert_accessible(page, f"track, wrong closure code ({locale})")
        closure.case_confirm_closure(case=case, code=code, channel="web")
        page.goto(f"{live_server.url}/track/{case.reference}")
        assert page.locator("#send-rating").is_visible()
        assert_accessible(page, f"track, rating ({locale})")
        assert small_targets(page) == [], "track, rating"
        page.check("input[name=rating][value='4']")
        page.fill("#code-rate", code)
        with page.expect_navigation():
            page.click("#send-rating")
        assert_accessible(page, f"track, rated ({locale})")
        for path in ("/track/2600000001", "/track/2600000000"):  # a wrong check digit; not found
            page.goto(f"{live_server.url}{path}")
            assert_accessible(page, f"{path} ({locale})")


def _sign_in(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/staff/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("#sign-in")


def test_the_back_office_sign_in_queue_and_case_pages_pass_axe(browser, live_server, makkah, staff):
    case, _code = _resolved_case(makkah, staff)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar-SA")
    try:
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto(f"{live_server.url}/staff/login/")
        found = {"sign-in": describe(run_axe(page))}
        page.fill("#id_username", "mohammed")
        page.fill("#id_password", "not-the-password")
        with page.expect_navigation():
            page.click("#sign-in")
        found["sign-in refused"] = describe(run_axe(page))
        _sign_in(page, live_server, "mohammed")
        page.goto(f"{live_server.url}/staff/two-step/")
        found["two-step sign-in"] = describe(run_axe(page))
        page.goto(f"{live_server.url}/staff/queue/all/")
        found["queue"] = describe(run_axe(page))
        page.goto(f"{live_server.url}/staff/cases/{case.reference}/")
        found["case"] = describe(run_axe(page))
    finally:
        context.close()
    lines = [f"{where}: {line}" for where, found_there in found.items() for line in found_there]
    assert not lines, "\n".join(lines)


def test_the_checker_reports_a_field_that_loses_its_label(browser, live_server, makkah):
    """Were axe not really running (or running without the WCAG rules), every test above would pass."""
    with phone_page(browser, locale="en-GB") as page:
        page.goto(f"{live_server.url}/report")
        assert run_axe(page) == []
        page.evaluate(
            """() => {
              document.querySelector("label[for=id_description]").remove();
              document.getElementById("id_description").removeAttribute("aria-describedby");
            }"""
        )
        rules = {violation["id"] for violation in run_axe(page)}
        assert "label" in rules
        page.evaluate("document.querySelector('.bar').style.background = '#9fd3c0'")  # white on pale green
        assert "color-contrast" in {violation["id"] for violation in run_axe(page)}
        with pytest.raises(AssertionError, match="label"):
            assert_accessible(page)
