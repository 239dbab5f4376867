"""The researcher's application flow in a real browser, in Arabic at 1366×768: a member calls, is not on the
register, is recorded with the application; a document typed by its Arabic name ticks its checklist item;
a scanned page is added as a file and ticks another; nothing overflows the screen sideways."""

from __future__ import annotations

import re

import pytest

from khidma.accounts.services import user_create
from khidma.programs.applications import services as applications
from khidma.programs.models import Application
from tests.browser.portal_helpers import warm_up_triage
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _no_sideways_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], width


def test_a_researcher_takes_an_application_by_phone_in_arabic(browser, live_server, makkah, staff):
    warm_up_triage()  # the application is a case: triage's models load before, not inside, the request
    user_create(
        organization=makkah,
        role="researcher",
        username="latifa",
        password=PASSWORD,
        first_name="لطيفة",
        last_name="الحربي",
    )
    applications.request_type_create(
        organization=makkah,
        code="support",
        names={"ar": "طلب مساعدة", "en": "Support request"},
        required_documents=["national_id", "income_proof", "family_record"],
        by=staff["admin"],
    )
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="ar-SA")
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto(f"{live_server.url}/staff/login/")
        page.fill("#id_username", "latifa")
        page.fill("#id_password", PASSWORD)
        with page.expect_navigation():
            page.click("#sign-in")
        assert page.locator("html").get_attribute("dir") == "rtl"

        page.goto(f"{live_server.url}/staff/programs/applications/")
        with page.expect_navigation():
            page.click("a[href$='/staff/programs/applications/new/']")
        _no_sideways_scroll(page)
        # The caller gives her number: nobody on the register has it.
        page.fill("input[name=q]", "0551112222")
        with page.expect_navigation():
            page.press("input[name=q]", "Enter")
        assert page.locator("#not-found").is_visible()
        form = page.locator("#intake-form")
        assert form.locator("input[name=phone]").input_value() == "0551112222"
        form.locator("input[name=name]").fill("أم سالم")
        form.locator("input[name=channel][value=phone_940]").check()
        form.get_by_label("الهوية الوطنية").check()
        form.locator("textarea[name=other_documents]").fill("إثبات الدخل")
        form.locator("input[name=declaration]").check()
        _no_sideways_scroll(page)
        record = form.locator("#record")
        box = record.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 1366
        with page.expect_navigation():
            record.click()

        application = Application.objects.get()
        assert page.url.endswith(f"/staff/programs/applications/{application.pk}/")
        given = page.locator("#checklist li.given")
        assert sorted(given.all_inner_texts()) == ["✓ إثبات الدخل", "✓ الهوية الوطنية"]
        assert page.locator("#checklist li.missing").inner_text() == "✗ سجل الأسرة"

        # The family record arrives as a scan: a file, with the item it satisfies.
        upload = page.locator("#upload-form")
        upload.locator("input[type=file]").set_input_files(
            {"name": "scan.pdf", "mimeType": "application/pdf", "buffer": PDF}
        )
        upload.locator("select[name=item]").select_option("family_record")
        with page.expect_navigation():
            upload.locator("button[type=submit]").click()
        family = page.locator("#checklist li", has_text="سجل الأسرة")
        assert "given" in family.get_attribute("class")
        link = family.locator("a.file")
        assert link.count() == 1
        served = page.request.get(f"{live_server.url}{link.get_attribute('href')}")
        assert served.ok and served.body() == PDF
        # The audit trail reads as words, with the researcher's full name.
        audit = page.locator("#audit").inner_text()
        assert "لطيفة الحربي" in audit and not re.search(r"\b[a-z]+_[a-z_]+\b", audit), audit
        _no_sideways_scroll(page)
        application.refresh_from_db()
        assert application.documents == ["national_id", "income_proof", "family_record"]
    finally:
        context.close()
