"""The agent console and the gazetteer: places suggested as the address is typed (htmx), a chosen place or a
typed landmark places the case at its point and area, a pin moved by hand wins."""

from __future__ import annotations

import pytest

from khidma.cases.models import Case
from khidma.organizations.selectors import area_point

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def _console(client, **fields):
    data = {
        "description": "Rubbish everywhere",
        "kind": "report",
        "priority": "normal",
        "category": "cleanliness",
    }
    return client.post("/staff/console/", {**data, **fields})


def test_the_console_suggests_places_as_the_address_is_typed(client, gazetteer, staff):
    client.force_login(staff["agent"])
    part = client.get("/staff/console/places", {"address": "Masjidil Haraam"}, **HTMX).content.decode()
    assert part.startswith('<div id="place-suggestions"')
    assert 'data-key="masjid_al_haram"' in part and 'data-lat="21.422500"' in part
    assert "pick-place" not in client.get("/staff/console/places", {"address": "zzz qqq"}).content.decode()
    page = client.get("/staff/console/").content.decode()
    assert 'hx-get="/staff/console/places"' in page and 'name="place"' in page


def test_a_chosen_place_places_the_case_at_its_point_and_area(client, gazetteer, staff):
    client.force_login(staff["agent"])
    response = _console(client, address="Mina", place="mina", lat="21.413300", lon="39.893300")
    assert response.status_code == 302
    case = Case.objects.get()
    assert (case.lat, case.lon, case.area.code) == (21.4133, 39.8933, "east")
    assert case.events.get(kind="created").data == {"place": "mina"}


def test_a_pin_moved_after_choosing_a_place_is_the_agents_own_point(client, gazetteer, staff):
    client.force_login(staff["agent"])
    _console(client, address="Mina", place="mina", lat="21.42", lon="39.83")
    case = Case.objects.get()
    assert (case.lat, case.lon, case.area.code) == (21.42, 39.83, "west")
    assert case.events.get(kind="created").data == {}


def test_a_typed_landmark_without_javascript_places_the_case(client, gazetteer, staff):
    client.force_login(staff["counter"])
    _console(client, address="باب الملك عبدالعزيز")
    case = Case.objects.get()
    assert (case.lat, case.lon, case.area.code) == (21.4219, 39.8255, "west")


def test_an_area_chosen_without_a_point_keeps_the_typed_address_as_text(client, gazetteer, staff):
    client.force_login(staff["agent"])
    _console(client, address="Mina", area="west")
    case = Case.objects.get()
    # The agent's choice of area is not overridden by the landmark's; the case has the area's point, a map.
    assert case.area.code == "west"
    assert (case.lat, case.lon) == area_point(case.area)


def test_suggestions_are_for_staff_of_the_organization_only(client, gazetteer, staff):
    assert client.get("/staff/console/places", {"address": "Mina"}).status_code == 302  # sign in first
