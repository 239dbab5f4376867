"""The tracking page in a phone's browser, in Arabic, Urdu, Indonesian and Bengali: the fix in the reader's
language with its after-photo, the place on the small map, and a duplicate's page following the earlier
report. With KHIDMA_SCREENSHOT_DIR set, the pages are also saved there (docs/screenshots/track-*.png)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from khidma.cases import actions, services
from khidma.cases.attachments import attachment_add
from khidma.cases.intake import IntakeRequest, Reporter
from khidma.demo import photos
from khidma.organizations.models import Area, Category, Department
from tests.browser.portal_helpers import phone_page, warm_up_triage
from tests.i18n.conftest import CONTAINER_EMPTIED

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PLACE = (21.4178, 39.8322)  # Ajyad, in the western area of the tests' Makkah
READERS = {
    "ar": ("ar-SA", "rtl", "الحاوية ممتلئة والنفايات متراكمة حولها منذ يومين"),
    "ur": ("ur-PK", "rtl", "کوڑے دان بھر گیا ہے اور دو دن سے اس کے گرد کوڑا پڑا ہے"),
    "id": ("id-ID", "ltr", "Tempat sampah penuh dan sampah menumpuk di sekitarnya sejak dua hari"),
    "bn": ("bn-BD", "ltr", "ময়লার পাত্র ভরে গেছে, দুই দিন ধরে চারপাশে ময়লা জমে আছে"),
}


@pytest.fixture(scope="module", autouse=True)
def _triage_ready():
    warm_up_triage()


@pytest.fixture
def named(makkah):
    """The names the screenshots show, in the four languages (the demo gives all ten)."""
    Category.objects.filter(organization=makkah, code="cleanliness").update(
        names={"ar": "النظافة", "en": "Cleanliness", "ur": "صفائی", "id": "Kebersihan", "bn": "পরিচ্ছন্নতা"}
    )
    Department.objects.filter(organization=makkah, code="cleanliness").update(
        names={
            "ar": "إدارة النظافة",
            "en": "Cleanliness Department",
            "ur": "شعبۂ صفائی",
            "id": "Dinas Kebersihan",
            "bn": "পরিচ্ছন্নতা বিভাগ",
        }
    )
    Area.objects.filter(organization=makkah, code="west").update(
        names={"ar": "أجياد", "en": "Ajyad", "ur": "اجیاد", "id": "Ajyad", "bn": "আজইয়াদ"}
    )
    return makkah


def _shot(page, name: str) -> None:
    folder = os.environ.get("KHIDMA_SCREENSHOT_DIR")
    if folder:
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def _ready(page) -> None:
    page.wait_for_selector("#place-map[data-ready='1']")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.photos img')].every(i => i.complete && i.naturalWidth > 0)"
    )
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # nothing sideways


@pytest.mark.parametrize("language", list(READERS))
def test_the_tracking_page_tells_the_fix_with_its_photo_and_a_duplicate_follows_it(
    browser, live_server, named, staff, replies, language
):
    locale, direction, description = READERS[language]
    makkah = named

    def report(phone: str, offset: float):
        return services.case_create(
            request=IntakeRequest(
                organization=makkah,
                description=description,
                channel="web",
                category="cleanliness",
                language=language,
                lat=PLACE[0] + offset,
                lon=PLACE[1],
                reporter=Reporter(phone=phone),
            )
        ).case

    original = report("0551000501", 0)
    attachment_add(case=original, by=None, upload=photos.upload(problem=True, seed=original.pk))
    duplicate = report("0551000502", 0.0004)  # some forty metres away: linked to the first at intake
    assert duplicate.duplicate_of_id == original.pk
    original = services.case_assign(case=original, by=staff["supervisor"], department=original.department)
    after = photos.upload(problem=False, seed=original.pk)
    actions.perform(
        staff["field_clean"],
        original,
        "resolve",
        actions.ActionInput(reply=replies["emptied"].pk, photo=after),
    )
    with phone_page(browser, locale=locale) as page:
        page.goto(f"{live_server.url}/track/{original.reference}")
        assert (page.locator("html").get_attribute("lang"), page.locator("html").get_attribute("dir")) == (
            language,
            direction,
        )
        _ready(page)
        fix = page.locator(".fix")
        assert CONTAINER_EMPTIED[language] in fix.inner_text()
        assert fix.locator(".photos img").count() == 1  # the after-photo, not the reporter's own
        assert page.locator("#code").is_visible()  # "is it fixed?" with the closure code
        _shot(page, f"track-resolved-{language}")
        page.goto(f"{live_server.url}/track/{duplicate.reference}")
        _ready(page)
        earlier = page.locator(".earlier")
        assert original.reference in earlier.inner_text()
        assert CONTAINER_EMPTIED[language] in earlier.locator(".fix").inner_text()
        assert earlier.locator(".photos img").count() == 1
        _shot(page, f"track-duplicate-{language}")
