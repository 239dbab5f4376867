"""The tracking page tells the whole story: the fix in the reader's language with the after-photos (served
without metadata, and nothing else served), the place on a small map, the expected time; a duplicate's page
follows the earlier report — never a women's-section one."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.translation import gettext
from PIL import Image

from khidma.cases import actions, services
from khidma.cases.attachments import attachment_add
from khidma.cases.intake import IntakeRequest, Reporter
from khidma.cases.models import Case
from tests.conftest import HARAM
from tests.i18n.conftest import CONTAINER_EMPTIED
from tests.portal.conftest import make_jpeg

pytestmark = pytest.mark.django_db


def _report(makkah, language: str, *, lat=HARAM[0], lon=HARAM[1], phone="0551000201") -> Case:
    return services.case_create(
        request=IntakeRequest(
            organization=makkah,
            description="Sampah menumpuk",
            channel="web",
            category="cleanliness",
            language=language,
            lat=lat,
            lon=lon,
            reporter=Reporter(phone=phone),
        )
    ).case


def _resolve_with_photo(case: Case, staff, reply) -> int:
    case = services.case_assign(case=case, by=staff["supervisor"], department=case.department)
    photo = SimpleUploadedFile("after.jpg", make_jpeg(gps=HARAM), "image/jpeg")
    actions.perform(staff["field_clean"], case, "resolve", actions.ActionInput(reply=reply.pk, photo=photo))
    return case.attachments.get(is_public=True).pk


def test_the_fix_shows_in_the_readers_language_with_its_after_photo(client, makkah, staff, replies):
    case = _report(makkah, "id")
    photo_id = _resolve_with_photo(case, staff, replies["emptied"])
    page = client.get(f"/track/{case.reference}", HTTP_ACCEPT_LANGUAGE="id").content.decode()
    assert CONTAINER_EMPTIED["id"] in page and CONTAINER_EMPTIED["ar"] not in page
    assert f'src="/track/{case.reference}/photos/{photo_id}"' in page
    assert 'class="card fix"' in page


def test_an_after_photo_is_served_without_metadata_and_nothing_private_is_served(
    client,
    makkah,
    staff,
    replies,
):
    case = _report(makkah, "en")
    private = attachment_add(
        case=case, by=None, upload=SimpleUploadedFile("mine.jpg", make_jpeg(gps=HARAM), "image/jpeg")
    )
    photo_id = _resolve_with_photo(case, staff, replies["emptied"])
    response = client.get(f"/track/{case.reference}/photos/{photo_id}")
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    with Image.open(io.BytesIO(b"".join(response.streaming_content))) as image:
        assert not image.getexif()  # no position, phone or time of the officer's phone
    assert client.get(f"/track/{case.reference}/photos/{private.pk}").status_code == 404
    other = _report(makkah, "en", phone="0551000202")
    assert client.get(f"/track/{other.reference}/photos/{photo_id}").status_code == 404
    assert client.get(f"/track/2600000000/photos/{photo_id}").status_code == 404


def test_the_place_is_on_a_small_map_and_the_expected_time_is_given(client, makkah, staff, policies):
    case = _report(makkah, "en", lat=21.422537, lon=39.826219)
    page = client.get(f"/track/{case.reference}", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'id="place-map"' in page and 'data-lat="21.4225" data-lon="39.8262"' in page
    assert "portal/track.js" in page and "leaflet.js" in page
    assert "Expected by" in page
    nowhere = services.case_create(
        request=IntakeRequest(organization=makkah, description="d", channel="web", language="en")
    ).case
    page = client.get(f"/track/{nowhere.reference}", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'id="place-map"' not in page and "leaflet.js" not in page


def test_a_duplicates_page_follows_the_earlier_report_its_fix_and_photo(client, makkah, staff, replies):
    original = _report(makkah, "ar")
    duplicate = _report(makkah, "bn", phone="0551000203")
    duplicate.refresh_from_db()
    if duplicate.duplicate_of_id is None:  # linked at intake when nearby; else by staff
        services.case_mark_duplicate(case=duplicate, by=staff["agent"], original=original)
    photo_id = _resolve_with_photo(original, staff, replies["emptied"])
    page = client.get(f"/track/{duplicate.reference}", HTTP_ACCEPT_LANGUAGE="bn").content.decode()
    with translation.override("bn"):
        earlier = gettext("The same problem was reported earlier")
    assert earlier != "The same problem was reported earlier"  # said in Bengali
    assert earlier in page and original.reference in page
    assert CONTAINER_EMPTIED["bn"] in page and CONTAINER_EMPTIED["ar"] not in page
    assert f'src="/track/{duplicate.reference}/photos/{photo_id}"' in page
    assert client.get(f"/track/{duplicate.reference}/photos/{photo_id}").status_code == 200


def test_a_duplicate_of_a_womens_section_report_never_shows_it(client, makkah, staff, replies):
    original = _report(makkah, "ar")
    duplicate = _report(makkah, "en", phone="0551000204")
    duplicate.refresh_from_db()
    if duplicate.duplicate_of_id is None:
        services.case_mark_duplicate(case=duplicate, by=staff["agent"], original=original)
    photo_id = _resolve_with_photo(original, staff, replies["emptied"])
    Case.objects.filter(pk=original.pk).update(womens_section=True)  # however such a link came about
    page = client.get(f"/track/{duplicate.reference}", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "The same problem was reported earlier" in page
    assert original.reference not in page
    assert CONTAINER_EMPTIED["en"] not in page and "/photos/" not in page
    assert client.get(f"/track/{duplicate.reference}/photos/{photo_id}").status_code == 404


def test_the_public_api_gives_staffs_words_in_the_readers_language(client, makkah, staff, replies):
    case = _report(makkah, "ur")
    _resolve_with_photo(case, staff, replies["emptied"])
    for language in ("ur", "fr"):
        timeline = client.get(f"/api/v1/reports/{case.reference}", HTTP_ACCEPT_LANGUAGE=language).json()
        notes = [item["note"] for item in timeline["timeline"] if item["note"]]
        assert notes == [CONTAINER_EMPTIED[language]]


def test_a_private_cases_fix_photo_and_place_are_for_the_link_its_reporter_was_sent(
    client, makkah, staff, replies
):
    from khidma.cases import privacy

    case = services.case_create(
        request=IntakeRequest(
            organization=makkah,
            description="The cleaner insulted me in front of the hotel",
            kind="complaint",
            channel="web",
            category="cleanliness",
            language="en",
            lat=HARAM[0],
            lon=HARAM[1],
            reporter=Reporter(phone="0551000205"),
        )
    ).case
    photo_id = _resolve_with_photo(case, staff, replies["emptied"])
    stranger = client.get(f"/track/{case.reference}", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert (
        CONTAINER_EMPTIED["en"] not in stranger and "/photos/" not in stranger and "place-map" not in stranger
    )
    assert client.get(f"/track/{case.reference}/photos/{photo_id}").status_code == 404
    key = privacy.reporter_key(case)
    reporter = client.get(f"/track/{case.reference}?k={key}", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert (
        CONTAINER_EMPTIED["en"] in reporter and f"/photos/{photo_id}" in reporter and "place-map" in reporter
    )
    assert (
        client.get(f"/track/{case.reference}/photos/{photo_id}").status_code == 200
    )  # this browser showed it


def test_a_closing_note_in_staffs_arabic_is_not_shown_to_an_indonesian_but_its_step_is(
    client, makkah, staff, replies
):
    """A closing note typed by the follow-up unit is written for colleagues, in their language: the
    Indonesian reporter's timeline shows that the report was closed, without Arabic words in it; an Arabic
    reader of the same page reads the note."""
    case = _report(makkah, "id")
    _resolve_with_photo(case, staff, replies["emptied"])
    services.case_close(case=Case.objects.get(pk=case.pk), by=staff["followup"], note="أكد المبلغ المعالجة")
    indonesian = client.get(f"/track/{case.reference}", HTTP_ACCEPT_LANGUAGE="id").content.decode()
    assert "أكد المبلغ المعالجة" not in indonesian
    assert "Ditutup" in indonesian  # the step itself, in Indonesian
    arabic = client.get(f"/track/{case.reference}", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert "أكد المبلغ المعالجة" in arabic
