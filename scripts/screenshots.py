"""Take the screenshots in docs/screenshots/ from a running demo (`make demo`, or any seeded server).

    .venv/bin/python scripts/screenshots.py [--base http://127.0.0.1:8000] [--only backoffice|programs|portal]

Drives Debian's Chromium through Playwright, signs in as the demo accounts and saves full-page PNGs of the
main screens in Arabic and English (staff) and several public languages (portal). A developer tool, not
part of the app or the tests.
"""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
PASSWORD = "khidma-demo"  # noqa: S105 - the demo accounts' documented password (README)
DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
TABLET = {"width": 1180, "height": 820}


def _shot(page: Page, name: str, *, full_page: bool = True) -> None:
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(OUT / f"{name}.png"), full_page=full_page)
    print(f"docs/screenshots/{name}.png")


def _sign_in(page: Page, base: str, username: str, language: str) -> None:
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "django_language", "value": language, "url": base}])
    page.goto(f"{base}/staff/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("#sign-in")


def _case_with_a_map(page: Page, base: str, queue: str) -> str | None:
    """The first case of a queue that has a place (and, if any, a photo)."""
    page.goto(f"{base}/staff/queue/{queue}/")
    target = None
    for link in page.locator("table.cases a.ref").all()[:25]:
        href = link.get_attribute("href")
        detail = page.request.get(f"{base}{href}").text()
        if 'id="case-map"' in detail:
            target = href
            if 'class="thumbs"' in detail:
                break
    return target


def backoffice(browser, base: str) -> None:
    # The first screen everyone sees, as it opens (not the whole page).
    page = browser.new_page(viewport=DESKTOP, locale="ar")
    page.context.add_cookies([{"name": "django_language", "value": "ar", "url": base}])
    page.goto(f"{base}/staff/login/")
    _shot(page, "backoffice-login-ar", full_page=False)
    page.close()
    # A field officer's case on a phone: the case first, directions and the queues below.
    page = browser.new_page(viewport=PHONE, locale="ar")
    _sign_in(page, base, "field_clean", "ar")
    target = _case_with_a_map(page, base, "mine")
    if target:
        page.goto(f"{base}{target}")
        page.locator(".map[data-ready='1']").first.wait_for(timeout=10_000)
        _shot(page, "backoffice-case-phone-ar", full_page=False)
    page.close()
    for language in ("ar", "en"):
        page = browser.new_page(viewport=DESKTOP, locale=language)
        _sign_in(page, base, "head_clean", language)
        _shot(page, f"backoffice-queue-{language}", full_page=False)
        _sign_in(page, base, "supervisor", language)
        # A case with a place and a photo, to show the map and the thumbnails.
        target = _case_with_a_map(page, base, "all")
        page.goto(f"{base}{target or page.locator('table.cases a.ref').first.get_attribute('href')}")
        if target:
            page.locator(".map[data-ready='1']").first.wait_for(timeout=10_000)
        _shot(page, f"backoffice-case-{language}")
        reports(page, base, language)
        for path, name in (("volume/", "volume"), ("visits/", "visits"), ("applications/", "applications")):
            page.goto(f"{base}/staff/programs/{path}")
            _shot(page, f"programs-{name}-{language}")
        page.goto(f"{base}/staff/content/")
        _shot(page, f"content-{language}")
        _sign_in(page, base, "agent940", language)
        page.goto(f"{base}/staff/console/")
        page.locator("#id_phone").press_sequentially("0551234567")
        page.locator("#id_description").press_sequentially(
            "عمود الإنارة مطفأ في شارع العزيزية منذ يومين"
            if language == "ar"
            else "The street light is off near the school in Aziziyah since two days"
        )
        page.wait_for_selector(".pick-category", timeout=90_000)  # the first one loads the models
        _shot(page, f"backoffice-console-{language}", full_page=False)
        page.close()


def programs(browser, base: str) -> None:
    """An association's researcher taking an application in, a file's page and an open committee meeting,
    at desktop and phone size."""
    for language in ("ar", "en"):
        for size, suffix in ((DESKTOP, ""), (PHONE, "-phone")):
            page = browser.new_page(viewport=size, locale=language)
            _sign_in(page, base, "ahya_researcher", language)
            page.goto(f"{base}/staff/programs/applications/new/?q=0551239999&type=support")
            page.locator("#intake-form textarea[name=other_documents]").fill("إثبات الدخل")
            _shot(page, f"programs-intake-{language}{suffix}")
            page.goto(f"{base}/staff/programs/applications/?status=incomplete")
            page.click("table.cases a")
            _shot(page, f"programs-application-{language}{suffix}")
            _sign_in(page, base, "ahya_committee", language)
            page.goto(f"{base}/staff/programs/meetings/")
            page.locator("table.cases a").first.click()
            _shot(page, f"programs-meeting-{language}{suffix}")
            page.close()


def reports(page: Page, base: str, language: str) -> None:
    """The dashboard over the last Hajj season (its hotspot map drawn) and that season's report."""
    page.set_viewport_size(DESKTOP)
    page.goto(f"{base}/staff/dashboard/?preset=season&season=hajj-1447")
    page.locator(".map[data-ready='1']").first.wait_for(timeout=10_000)
    _shot(page, f"reports-dashboard-{language}")
    page.goto(f"{base}/staff/reports/")
    _shot(page, f"reports-season-{language}")
    page.set_viewport_size(PHONE)
    page.goto(f"{base}/staff/dashboard/")
    _shot(page, f"reports-dashboard-phone-{language}")
    page.set_viewport_size(TABLET)


def portal(browser, base: str) -> None:
    for language in ("ar", "en", "ur", "id"):
        page = browser.new_page(viewport=PHONE, locale=language)
        page.context.add_cookies([{"name": "django_language", "value": language, "url": base}])
        for path, name in (
            ("/report", "report"),
            ("/help", "help"),
            ("/help/advice", "advice"),
            ("/awareness", "awareness"),
            ("/help/service-points", "service-points"),
            ("/open-data/", "open-data"),
        ):
            response = page.goto(f"{base}{path}")
            if response and response.ok:
                _shot(page, f"{name}-{language}")
        page.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default=os.environ.get("KHIDMA_BASE_URL", "http://127.0.0.1:8000"))
    parser.add_argument("--only", choices=("backoffice", "programs", "portal"))
    args = parser.parse_args()
    base = re.sub(r"/+$", "", args.base)
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        if args.only in (None, "backoffice"):
            backoffice(browser, base)
        if args.only in (None, "programs"):
            programs(browser, base)
        if args.only in (None, "portal"):
            portal(browser, base)
        browser.close()


if __name__ == "__main__":
    main()
