"""Help pages without a browser: which sub-municipality serves a place, and the service points' hours."""

from __future__ import annotations

import datetime

import pytest

from khidma.core import clock
from khidma.core.text import fold_name
from khidma.organizations.models import Area, ServicePoint
from khidma.portal.places import parse_coordinates
from tests.conftest import AZIZIYAH, HARAM

pytestmark = pytest.mark.django_db


@pytest.fixture
def centres(makkah):
    west, east = Area.objects.get(code="west"), Area.objects.get(code="east")
    Area.objects.filter(pk=east.pk).update(names={"ar": "العزيزية", "en": "Al-Aziziyah"})
    morning = {d: [["07:30", "14:30"]] for d in ("sun", "mon", "tue", "wed", "thu")}
    ServicePoint.objects.create(
        organization=makkah,
        code="sub_east",
        kind="sub_municipality",
        area=east,
        opening_hours=morning,
        names={"ar": "بلدية العزيزية الفرعية", "en": "Al-Aziziyah sub-municipality"},
    )
    ServicePoint.objects.create(
        organization=makkah,
        code="mall_west",
        kind="mall_counter",
        area=west,
        opening_hours={d: [["16:00", "22:00"]] for d in ("sun", "mon", "tue", "wed", "thu", "fri", "sat")},
        names={"ar": "كاونتر مكة مول", "en": "Makkah Mall counter"},
    )
    return west, east


def test_names_are_compared_forgiving_spelling():
    assert fold_name("العَزِيزِيَّة") == fold_name("عزيزيه") == fold_name("العزیزیہ")
    assert fold_name("Al-Aziziyah") == fold_name("Azizia") == "azizia"
    assert fold_name("أجياد") == fold_name("اجیاد")
    assert parse_coordinates("٢١٫٤٢٢٥، ٣٩٫٨٢٦٢") == (21.4225, 39.8262)
    assert parse_coordinates("21.4, 39.8") == (21.4, 39.8)
    assert parse_coordinates("street 5") is None


@pytest.mark.parametrize(
    "typed", ["العزيزية", "حي العزيزيه شارع ٥", "aziziya", "Al Aziziyah, near the hospital"]
)
def test_a_typed_neighbourhood_finds_its_area_and_centre(client, centres, typed):
    response = client.get("/help", {"q": typed}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Served by: Al-Aziziyah" in page and "Al-Aziziyah sub-municipality" in page


def test_a_landmark_with_a_service_point_name_finds_the_area(client, centres):
    page = client.get("/help", {"q": "makkah mall"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Served by: West" in page and "Makkah Mall counter" in page


def test_a_point_or_typed_coordinates_use_the_area_polygons(client, centres):
    page = client.get(
        "/help", {"lat": AZIZIYAH[0], "lon": AZIZIYAH[1]}, HTTP_ACCEPT_LANGUAGE="ar"
    ).content.decode()
    assert "العزيزية" in page
    page = client.get("/help", {"q": f"{HARAM[0]}, {HARAM[1]}"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Served by: West" in page


def test_an_unknown_place_or_an_empty_form_says_so(client, centres):
    assert client.get("/help", {"q": "Riyadh Park"}).status_code == 404
    assert client.get("/help", {"q": "24.7, 46.6"}).status_code == 404  # outside every area
    assert client.get("/help", {"q": ""}).status_code == 400
    assert client.get("/help").status_code == 200


def test_the_service_points_page_lists_today_and_open_now(client, centres):
    tuesday_morning = datetime.datetime(2025, 6, 24, 9, 0, tzinfo=datetime.UTC)  # 12:00 in Makkah
    with clock.at(tuesday_morning):
        page = client.get("/help/service-points", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    # Times as CLDR writes them in English (a narrow no-break space before PM).
    assert "Open now, until 2:30\u202fPM" in page
    assert "Opens today at 4:00\u202fPM" in page  # the mall counter, in the evening
    assert "one hour before the Maghrib" in page  # the fixture's mosque counter
    open_first = page.index("Al-Aziziyah sub-municipality") < page.index("Makkah Mall counter")
    assert open_first
