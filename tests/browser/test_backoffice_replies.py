"""Prepared replies in the back office, in a browser: the list with the languages each reply still lacks, and
a supervisor answering a Bengali reporter from the case page — warned that typed Arabic would not be
translated, choosing the prepared reply instead. With KHIDMA_SCREENSHOT_DIR set, the screens are saved."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from khidma.cases import services
from khidma.cases.intake import IntakeRequest, Reporter
from khidma.cases.models import Case
from khidma.outbox.models import OutboundMessage
from tests.browser.axe import assert_accessible
from tests.browser.test_backoffice import sign_in
from tests.i18n.conftest import CONTAINER_EMPTIED

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDE = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}


def _shot(page, name: str) -> None:
    folder = os.environ.get("KHIDMA_SCREENSHOT_DIR")
    if folder:
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_list_shows_what_each_reply_lacks_and_is_accessible(
    browser, live_server, staff, replies, language
):
    for name, viewport in (("wide", WIDE), ("phone", PHONE)):
        context = browser.new_context(viewport=viewport, locale=language)
        context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
        page = context.new_page()
        sign_in(page, live_server, "mohammed")
        page.goto(f"{live_server.url}/staff/replies/")
        row = page.locator("#reply-water-company")
        assert row.locator(".lang-code.missing").count() == 8
        assert page.locator("#reply-container-emptied .lang-code.missing").count() == 0
        if name == "wide":
            assert_accessible(page, f"replies list ({language})")
        _shot(page, f"backoffice-replies-{language}-{name}")
        page.click("#reply-water-company a")
        assert page.locator("#id_title_en").input_value() == replies["water"].title["en"]
        _shot(page, f"backoffice-reply-form-{language}-{name}")
        context.close()


def test_a_supervisor_answers_a_bengali_reporter_with_a_prepared_reply(browser, live_server, staff, replies):
    case = services.case_create(
        request=IntakeRequest(
            organization=staff["supervisor"].organization,
            description="হোটেলের সামনে ময়লার পাত্র উপচে পড়ছে",
            channel="web",
            category="cleanliness",
            language="bn",
            reporter=Reporter(phone="0551000601"),
        )
    ).case
    services.case_assign(case=case, by=staff["supervisor"], department=case.department)
    context = browser.new_context(viewport=WIDE, locale="ar")
    page = context.new_page()
    sign_in(page, live_server, "mohammed")
    page.goto(f"{live_server.url}/staff/cases/{case.reference}/")
    page.click("#action-resolve summary")
    form = page.locator("#action-resolve form")
    assert form.locator(".language-warning").is_visible()  # typed Arabic would reach them untranslated
    form.locator("select[name=reply]").select_option(str(replies["emptied"].pk))
    _shot(page, "backoffice-case-reply-ar")
    form.locator("button[type=submit]").click()
    page.wait_for_selector(".messages .success")
    assert Case.objects.get(pk=case.pk).status == "resolved"
    message = OutboundMessage.objects.get(case=case, template="resolved")
    assert CONTAINER_EMPTIED["bn"] in message.text
    context.close()
