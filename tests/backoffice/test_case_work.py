"""Case work in the back office: partial updates for htmx, the place on a map, photos served to staff
only, the after-photo with a resolution, the console's live suggestions and caller history, and the
queue filters (service level, service point, dates)."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from khidma.cases import services
from khidma.cases.intake import IntakeRequest, Reporter
from khidma.cases.models import Case
from khidma.core import clock
from tests.portal.conftest import make_jpeg

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def _case(makkah, **kwargs) -> Case:
    values = {"description": "Rubbish pile", "channel": "web", "category": "cleanliness"} | kwargs
    return services.case_create(request=IntakeRequest(organization=makkah, **values)).case


def test_a_filtered_queue_answers_htmx_with_the_results_alone(client, makkah, staff):
    client.force_login(staff["supervisor"])
    light = _case(makkah, category="lighting_signs", description="lamp")
    clean = _case(makkah)
    full = client.get("/staff/queue/all/", {"category": "lighting_signs"}).content.decode()
    part = client.get("/staff/queue/all/", {"category": "lighting_signs"}, **HTMX).content.decode()
    assert 'class="queues"' in full and "<html" in full  # the whole page, with the sidebar
    assert part.startswith('<div id="results">') and "<html" not in part and 'class="queues"' not in part
    assert light.reference in part and clean.reference not in part


def test_pages_of_a_filtered_queue_keep_the_filters(client, makkah, staff):
    client.force_login(staff["supervisor"])
    for _ in range(26):
        _case(makkah)
    page = client.get("/staff/queue/all/", {"category": "cleanliness"}).content.decode()
    assert 'href="?category=cleanliness&amp;page=2"' in page


def test_the_bulk_form_offers_the_organizations_departments(client, makkah, staff, taif):
    client.force_login(staff["supervisor"])
    _case(makkah)
    page = client.get("/staff/queue/all/").content.decode()
    assert '<option value="lighting">' in page
    assert "Taif" not in page


def test_filters_by_service_level_service_point_and_dates(client, makkah, staff, policies):
    client.force_login(staff["supervisor"])
    with clock.at(clock.now() - datetime.timedelta(days=20)):
        late = _case(makkah, description="old and late")
    from khidma.cases.deadlines import case_sla_sweep

    case_sla_sweep()
    fresh = _case(makkah, channel="counter", service_point="hq", description="at the counter")

    def listed(**params) -> set[str]:
        page = client.get("/staff/queue/all/", params, **HTMX).content.decode()
        return {c.reference for c in (late, fresh) if c.reference in page}

    assert listed(sla_state="breached") == {late.reference}
    assert listed(sla_state="on_track") == {fresh.reference}
    assert listed(service_point="hq") == {fresh.reference}
    today = makkah.local_today()  # the queue filters the organization's days
    assert listed(received_from=today.isoformat()) == {fresh.reference}
    assert listed(received_to=(today - datetime.timedelta(days=10)).isoformat()) == {late.reference}
    # A range that ends before it starts is refused, in the person's language, and lists nothing.
    page = client.get(
        "/staff/queue/all/",
        {"received_from": today.isoformat(), "received_to": "2000-01-01"},
        HTTP_ACCEPT_LANGUAGE="en",
    ).content.decode()
    assert "The end date is before the start date." in page and late.reference not in page


def test_search_finds_every_word_in_any_order_across_scripts(client, makkah, staff):
    client.force_login(staff["agent"])
    both = _case(makkah, description="إنارة الشارع مطفأة قرب مدرسة العزيزية")
    one = _case(makkah, description="إنارة الحديقة تعمل")
    urdu = _case(makkah, description="سڑک پر کوڑا پڑا ہے، بدبو آ رہی ہے")

    def found(q: str) -> set[str]:
        page = client.get("/staff/queue/all/", {"q": q}, **HTMX).content.decode()
        return {c.reference for c in (both, one, urdu) if c.reference in page}

    assert found("مطفاه اناره") == {both.reference}  # folded forms, other order
    assert found("اناره") == {both.reference, one.reference}
    assert found("کوڑا") == {urdu.reference}
    assert found("عزيز") == {both.reference}  # part of a word
    assert found("قرب اناره") == {both.reference}  # a short word with an indexed one
    assert found('"; DROP') == set()  # quotes and operators are searched as text, not run


def test_search_follows_edits_of_the_description(client, makkah, staff):
    client.force_login(staff["supervisor"])
    case = _case(makkah, description="nothing special")
    Case.objects.filter(pk=case.pk).update(search_text="changed lamppost")
    page = client.get("/staff/queue/all/", {"q": "lamppost"}, **HTMX).content.decode()
    assert case.reference in page
    page = client.get("/staff/queue/all/", {"q": "special"}, **HTMX).content.decode()
    assert case.reference not in page


def test_the_case_page_shows_the_place_on_a_map_and_photos_to_staff(client, makkah, staff, taif):
    case = _case(makkah, lat=21.42, lon=39.83)
    from khidma.cases.attachments import attachment_add

    photo = attachment_add(
        case=case, by=None, upload=SimpleUploadedFile("p.jpg", make_jpeg(), content_type="image/jpeg")
    )
    client.force_login(staff["supervisor"])
    page = client.get(f"/staff/cases/{case.reference}/").content.decode()
    assert 'id="case-map" data-lat="21.420000" data-lon="39.830000"' in page
    url = f"/staff/cases/{case.reference}/attachments/{photo.pk}"
    assert f'<img src="{url}"' in page
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"
    assert response["Cache-Control"].startswith("private")
    areas = client.get("/staff/map/areas.json").json()
    assert {f["properties"].get("code") for f in areas["features"]} >= {"west", "east"}
    # Someone of another organization sees neither the case, its photo, nor the map of this city.
    client.force_login(staff["taif_agent"])
    assert client.get(url).status_code == 404
    assert {f["properties"].get("code") for f in client.get("/staff/map/areas.json").json()["features"]} & {
        "west",
        "east",
    } == set()
    client.logout()
    assert client.get(url).status_code == 302  # to the sign-in page


def test_actions_have_names_not_codes(client, makkah, staff):
    client.force_login(staff["supervisor"])
    case = _case(makkah)
    page = client.get(f"/staff/cases/{case.reference}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<summary>Mark as duplicate</summary>" in page and "<summary>duplicate</summary>" not in page


def test_an_action_through_htmx_answers_with_the_case_part(client, makkah, staff):
    client.force_login(staff["supervisor"])
    case = _case(makkah)
    response = client.post(
        f"/staff/cases/{case.reference}/priority/", {"priority": "urgent"}, HTTP_ACCEPT_LANGUAGE="en", **HTMX
    )
    body = response.content.decode()
    assert response.status_code == 200 and body.startswith('<div id="case">') and "<html" not in body
    assert "Done." in body  # the message comes with the fragment
    assert Case.objects.get(pk=case.pk).priority == "urgent"
    # Without htmx the same form redirects back to the page.
    response = client.post(f"/staff/cases/{case.reference}/priority/", {"priority": "normal"})
    assert response.status_code == 302


def test_an_action_that_takes_the_case_out_of_sight_sends_htmx_to_the_queues(client, makkah, staff):
    case = _case(makkah)
    services.case_assign(case=case, by=staff["supervisor"], assignee=staff["field_clean"])
    client.force_login(staff["head_clean"])
    response = client.post(f"/staff/cases/{case.reference}/assign/", {"department": "lighting"}, **HTMX)
    assert response.status_code == 204 and response["HX-Redirect"] == "/staff/"


def test_resolving_with_an_after_photo_keeps_both_or_neither(client, makkah, staff):
    case = _case(makkah)
    services.case_assign(case=case, by=staff["supervisor"], assignee=staff["field_clean"])
    client.force_login(staff["field_clean"])
    bad = io.BytesIO(b"MZ not a photo at all")
    bad.name = "after.jpg"
    note = "The rubbish was cleared."
    response = client.post(
        f"/staff/cases/{case.reference}/resolve/", {"note": note, "photo": bad}, HTTP_ACCEPT_LANGUAGE="en"
    )
    case.refresh_from_db()
    assert case.status == "assigned" and not case.attachments.exists()  # refused photo: not resolved
    page = response.content.decode()  # the case page again, the form open with what was typed
    assert response.status_code == 415
    assert "Only photos (JPEG, PNG, WebP) and PDF documents can be attached." in page
    assert f">{note}</textarea>" in page
    good = io.BytesIO(make_jpeg())
    good.name = "after.jpg"
    client.post(f"/staff/cases/{case.reference}/resolve/", {"note": note, "photo": good})
    case.refresh_from_db()
    after = case.attachments.get()
    assert case.status == "resolved" and after.is_public and after.uploaded_by == staff["field_clean"]


def test_the_console_suggests_categories_and_shows_the_callers_cases_as_they_type(client, makkah, staff):
    earlier = _case(makkah, reporter=Reporter(phone="0551234567"))
    client.force_login(staff["agent"])
    part = client.get("/staff/console/history", {"phone": "055 123 4567"}, **HTMX).content.decode()
    assert part.startswith('<div id="history"') and earlier.reference in part
    assert (
        earlier.reference
        not in client.get("/staff/console/history", {"phone": "0559999999"}).content.decode()
    )
    part = client.post(
        "/staff/console/suggest", {"description": "Street light is broken and the road is dark at night"}
    ).content.decode()
    assert part.startswith('<div id="suggestion"') and 'data-category="lighting_signs"' in part
    assert "pick-category" not in client.post("/staff/console/suggest", {"description": "x"}).content.decode()
    # Field staff take no calls: neither piece is theirs, and they never see a caller's history.
    client.force_login(staff["field_clean"])
    assert client.get("/staff/console/history", {"phone": "0551234567"}).status_code == 403
    assert client.post("/staff/console/suggest", {"description": "light broken"}).status_code == 403


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 index; PostgreSQL uses pg_trgm")
def test_the_sqlite_text_index_is_remade_when_a_table_rebuild_dropped_its_triggers(makkah):
    from khidma.cases.search import ensure_sqlite_index, text_match

    with connection.cursor() as cursor:  # what Django's SQLite table rebuild does to triggers
        cursor.execute("DROP TRIGGER cases_case_fts_ai")
    missed = _case(makkah, description="written while the trigger was missing")
    assert not Case.objects.filter(text_match("trigger")).exists()
    assert ensure_sqlite_index(connection) is True  # what runs after every migrate
    assert list(Case.objects.filter(text_match("trigger"))) == [missed]
    assert ensure_sqlite_index(connection) is False  # nothing left to do
