"""The report form's place box without JavaScript: a typed place the gazetteer knows gives the point."""

from __future__ import annotations

import pytest

from khidma.cases.models import Case

pytestmark = pytest.mark.django_db


def _post(client, address, language="ur"):
    data = {"description": "کوڑا دان بھرا ہوا ہے", "category": "cleanliness", "address": address, "phone": ""}
    return client.post("/report", data, HTTP_ACCEPT_LANGUAGE=language)


def test_a_typed_gazetteer_name_places_the_report_at_that_point_and_area(client, gazetteer):
    response = _post(client, "العزیزیہ")
    assert response.status_code == 302
    case = Case.objects.get()
    assert (case.lat, case.lon) == (21.4152, 39.87)
    assert case.area.code == "east"
    assert case.address == "العزیزیہ"  # what the person typed is kept
    page = client.get("/report/sent", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "We placed your report at العزیزیہ." in page  # named in the language of the form


def test_a_misspelt_landmark_is_placed_too(client, gazetteer):
    _post(client, "Masjidil Haraam", language="id")
    case = Case.objects.get()
    assert (case.lat, case.lon, case.area.code) == (21.4225, 39.8262, "west")


def test_an_address_the_gazetteer_is_not_sure_of_stays_text_for_staff(client, gazetteer):
    _post(client, "behind the blue building, third street after the school")
    case = Case.objects.get()
    assert case.lat is None and case.address.startswith("behind the blue building")


def test_a_pin_wins_over_the_typed_name(client, gazetteer):
    data = {
        "description": "x",
        "category": "cleanliness",
        "address": "Mina",
        "lat": "21.4225",
        "lon": "39.8262",
    }
    client.post("/report", data, HTTP_ACCEPT_LANGUAGE="en")
    assert (Case.objects.get().lat, Case.objects.get().lon) == (21.4225, 39.8262)


def test_the_form_offers_suggestions_from_the_places_api(client, gazetteer):
    page = client.get("/report", HTTP_ACCEPT_LANGUAGE="ur").content.decode()
    assert 'id="place-suggestions"' in page
    assert 'data-url="/api/v1/places"' in page and 'data-language="ur"' in page


def test_two_reports_placed_by_the_same_name_are_not_made_duplicates(client, gazetteer):
    _post(client, "Mina")
    client.post(
        "/report",
        {"description": "Another full bin", "category": "cleanliness", "address": "منى", "phone": ""},
        HTTP_ACCEPT_LANGUAGE="ar",
    )
    first, second = Case.objects.order_by("pk")
    assert (first.lat, first.lon) == (second.lat, second.lon) == (21.4133, 39.8933)
    assert second.status != "duplicate" and second.duplicate_of is None


def test_a_suggestion_chosen_with_javascript_is_sent_as_the_place(client, gazetteer):
    data = {"description": "x", "category": "cleanliness", "address": "Ajyad", "place": "ajyad"}
    client.post("/report", {**data, "lat": "21.417800", "lon": "39.832200"}, HTTP_ACCEPT_LANGUAGE="en")
    case = Case.objects.get()
    assert (case.lat, case.lon) == (21.4178, 39.8322)
    assert case.events.get(kind="created").data == {"place": "ajyad"}


def test_the_help_page_finds_the_area_of_a_gazetteer_place(client, gazetteer):
    page = client.get("/help", {"q": "منیٰ"}, HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    assert "Served by: East" in page.content.decode()
