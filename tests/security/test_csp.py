"""Finding 10: a Content-Security-Policy that runs no inline script (htmx and Leaflet still work under it),
HSTS for TLS deployments, and ``manage.py check --deploy`` clean with the production settings documented in
docs/security.md."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from django.test import Client

from khidma.cases import services
from khidma.cases.intake import IntakeRequest
from tests.conftest import HARAM, PASSWORD

pytestmark = pytest.mark.django_db

PAGES = ["/", "/report", "/help", "/help/service-points", "/help/area", "/track/2600000000"]
STAFF_PAGES = ["/staff/queue/all/", "/staff/console/", "/staff/dashboard/", "/admin/", "/admin/cases/case/"]


def _policy(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part for part in (p.strip() for p in header.split(";")) if part}


def _inline_scripts(html: str) -> list[str]:
    """Script elements with code in them (JSON data blocks are not run) and on…= handler attributes."""
    found = []
    for attributes, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, flags=re.S):
        if body.strip() and "application/json" not in attributes:
            found.append(body.strip()[:60])
    found += re.findall(r"<[a-z]+\s[^>]*\son[a-z]+\s*=", html)
    found += re.findall(r"href=[\"']javascript:", html)
    return found


@pytest.mark.parametrize("path", PAGES)
def test_public_pages_carry_the_policy_and_no_inline_script(makkah, client, path):
    response = client.get(path)
    policy = _policy(response)
    assert policy["script-src"] == "script-src 'self'"
    assert (
        policy["frame-ancestors"] == "frame-ancestors 'none'" and policy["object-src"] == "object-src 'none'"
    )
    assert _inline_scripts(response.content.decode()) == []


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_staff_pages_and_the_admin_carry_the_policy_and_no_inline_script(makkah, staff, client, path):
    client.force_login(staff["admin"] if path.startswith("/admin/") else staff["supervisor"])
    response = client.get(path)
    assert response.status_code == 200
    assert _policy(response)["script-src"] == "script-src 'self'"
    assert _inline_scripts(response.content.decode()) == []


def test_api_answers_carry_the_policy_too(makkah, client):
    assert "default-src 'self'" in client.get("/api/v1/categories")["Content-Security-Policy"]


def test_the_map_tile_server_is_the_one_outside_image_source(settings):
    from khidma.settings import _tile_origin

    assert _tile_origin("https://{s}.tile.example.org/{z}/{x}/{y}.png") == "https://*.tile.example.org"
    assert _tile_origin("") == ""


def test_hsts_is_sent_only_when_configured(makkah, client, settings):
    assert "Strict-Transport-Security" not in client.get("/", secure=True)
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    header = Client().get("/", secure=True)["Strict-Transport-Security"]  # the middleware reads it at start
    assert header.startswith("max-age=31536000") and "includeSubDomains" in header


def test_check_deploy_is_clean_with_the_documented_production_settings(tmp_path):
    environment = {
        **os.environ,
        "KHIDMA_DATA_DIR": str(tmp_path),
        "KHIDMA_SECRET_KEY": "a-production-key-of-fifty-characters-or-more-0123456789abcdef",
        "KHIDMA_ALLOWED_HOSTS": "khidma.example.org",
        "KHIDMA_SECURE_COOKIES": "1",
        "KHIDMA_SSL_REDIRECT": "1",
        "KHIDMA_HSTS_SECONDS": "31536000",
        "KHIDMA_HSTS_INCLUDE_SUBDOMAINS": "1",
        "KHIDMA_HSTS_PRELOAD": "1",
        "KHIDMA_DEBUG": "0",
    }
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env={**environment, "DJANGO_SETTINGS_MODULE": "khidma.settings"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- In Chromium: nothing the pages need is blocked ---------------------------------------------------------

WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push([e.violatedDirective, e.blockedURI || "inline", e.sourceFile, e.lineNumber].join(" "));
});
"""


@pytest.fixture
def watched_page(browser, live_server):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="en-GB")
    context.add_init_script(WATCH)
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


def _violations(page) -> list[str]:
    return page.evaluate("window.__csp")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_portal_map_the_back_office_and_the_admin_work_under_the_policy(
    watched_page, live_server, makkah, staff
):
    page = watched_page
    case = services.case_create(
        request=IntakeRequest(
            organization=makkah, description="Broken lamp", channel="web", lat=HARAM[0], lon=HARAM[1]
        )
    ).case

    page.goto(f"{live_server.url}/report")
    page.wait_for_selector("#map[data-ready='1']")  # Leaflet drew the map and the areas
    assert _violations(page) == []

    page.goto(f"{live_server.url}/staff/login/")
    page.fill("#id_username", "mohammed")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("#sign-in")
    page.goto(f"{live_server.url}/staff/cases/{case.reference}/")
    page.wait_for_selector("#case-map.leaflet-container")
    page.goto(f"{live_server.url}/staff/queue/all/")
    # htmx: typing a search filters the queue in place.
    with page.expect_response(lambda r: "/staff/queue/all/" in r.url and "q=" in r.url):
        page.fill("input[name=q]", case.reference)
        page.locator("input[name=q]").press("Enter")
    assert page.locator(f"text={case.reference}").first.is_visible()
    assert _violations(page) == []

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "reem")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("input[type=submit]")
    page.goto(f"{live_server.url}/admin/cases/case/{case.pk}/change/")
    assert page.locator("#case_form, form").first.is_visible()
    assert _violations(page) == []
