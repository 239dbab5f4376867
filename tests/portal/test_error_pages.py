"""404, 403 and 500 pages: styled like the portal or the back office by address, in the reader's language,
JSON for the API; and a plain page in the same language when even the styled one cannot be drawn."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser() -> Client:
    return Client(raise_request_exception=False)


def test_a_missing_portal_page_is_styled_and_right_to_left_in_urdu(browser, makkah):
    response = browser.get("/no/such/page", HTTP_ACCEPT_LANGUAGE="ur")
    page = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="ur" dir="rtl">' in page
    assert 'class="bar"' in page  # the portal's header, with its language switcher
    assert 'data-status="404"' in page
    assert 'href="/report"' in page


def test_a_missing_portal_page_in_english_says_so(browser, makkah):
    page = browser.get("/no/such/page", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Page not found" in page
    assert "There is nothing at this address." in page


def test_a_missing_staff_page_has_the_back_office_look(browser, makkah):
    response = browser.get("/staff/no/such/page", HTTP_ACCEPT_LANGUAGE="ar")
    page = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="ar" dir="rtl">' in page
    assert 'class="top"' in page and 'href="/staff/"' in page
    assert 'class="bar"' not in page


def test_the_api_keeps_its_json_errors(browser, makkah):
    response = browser.get("/api/v1/no/such/endpoint", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert response.json()["errors"][0]["code"] == "not_found"


def test_a_form_without_its_security_token_gets_a_styled_403(makkah):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/report", {"description": "x"}, HTTP_ACCEPT_LANGUAGE="fa")
    page = response.content.decode()
    assert response.status_code == 403
    assert '<html lang="fa" dir="rtl">' in page and 'data-status="403"' in page
    staff = strict.post("/staff/login/", {"username": "x"}, HTTP_ACCEPT_LANGUAGE="en")
    assert staff.status_code == 403 and 'class="top"' in staff.content.decode()
    assert "Not allowed" in staff.content.decode()


@override_settings(ROOT_URLCONF="tests.error_urls")
def test_forbidden_pages_follow_the_address(browser, makkah):
    portal = browser.get("/refuse", HTTP_ACCEPT_LANGUAGE="en")
    assert portal.status_code == 403 and 'class="bar"' in portal.content.decode()
    staff = browser.get("/staff/refuse", HTTP_ACCEPT_LANGUAGE="en")
    assert staff.status_code == 403 and 'class="top"' in staff.content.decode()


@override_settings(ROOT_URLCONF="tests.error_urls")
def test_a_server_error_is_styled_translated_and_json_for_the_api(browser, makkah):
    portal = browser.get("/boom", HTTP_ACCEPT_LANGUAGE="bn")
    assert portal.status_code == 500
    assert '<html lang="bn" dir="ltr">' in portal.content.decode()
    assert 'data-status="500"' in portal.content.decode()
    staff = browser.get("/staff/boom", HTTP_ACCEPT_LANGUAGE="en")
    assert staff.status_code == 500 and "Something went wrong on our side" in staff.content.decode()
    api = browser.get("/api/v1/boom")
    assert api.status_code == 500 and api.json()["errors"][0]["code"] == "server_error"


@override_settings(ROOT_URLCONF="tests.error_urls")
def test_a_server_error_page_that_cannot_be_drawn_falls_back_to_plain_html(browser, makkah, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("template broke too")

    monkeypatch.setattr("khidma.error_pages.render_to_string", broken)
    response = browser.get("/boom", HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 500
    assert response.content.decode().startswith('<!doctype html><html lang="ar" dir="rtl">')
