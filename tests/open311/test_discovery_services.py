"""Discovery, the service list and service definitions, in XML and JSON, in the request's language."""

import pytest

from khidma.open311.models import ServiceAttribute
from tests.open311 import schemas
from tests.open311.conftest import error_descriptions

pytestmark = pytest.mark.django_db(transaction=True)


def test_discovery_names_this_server_and_both_formats(fetch, makkah, live_server, settings):
    settings.KHIDMA_PUBLIC_BASE_URL = "https://khidma.example.sa"
    published = fetch("/discovery", schemas.DISCOVERY)
    assert published.json["endpoints"][0]["url"] == "https://khidma.example.sa/open311/v2/"
    settings.KHIDMA_PUBLIC_BASE_URL = ""  # then the host the client used
    got = fetch("/discovery", schemas.DISCOVERY)
    endpoint = got.json["endpoints"][0]
    assert endpoint["url"] == f"{live_server.url}/open311/v2/"
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert set(endpoint["formats"]) == {"text/xml", "application/json"}
    assert got.json["contact"] == "Holy Makkah Municipality"
    assert got.xml.find("endpoints/endpoint/formats/format").text == "text/xml"


def test_services_are_the_active_categories(fetch, makkah, roads):
    got = fetch("/services", schemas.SERVICES)
    by_code = {s["service_code"]: s for s in got.json}
    assert set(by_code) == {"cleanliness", "lighting_signs", "roads_sidewalks"}  # not the retired one
    road = by_code["roads_sidewalks"]
    assert road == {
        "service_code": "roads_sidewalks",
        "service_name": "Roads and sidewalks",
        "description": "Potholes, broken kerbs and sidewalks",
        "metadata": True,
        "type": "realtime",
        "keywords": "pothole, sidewalk, حفرة",
        "group": "Report",
    }
    assert by_code["cleanliness"]["metadata"] is False
    assert by_code["cleanliness"]["description"] is None
    xml_road = next(s for s in got.xml if s.findtext("service_code") == "roads_sidewalks")
    assert xml_road.findtext("metadata") == "true"


def test_service_names_follow_accept_language_or_the_locale_parameter(fetch, makkah, roads):
    arabic = fetch("/services", schemas.SERVICES, headers={"Accept-Language": "ar"})
    assert {s["service_name"] for s in arabic.json} >= {"النظافة", "الطرق والأرصفة"}
    assert next(s for s in arabic.json if s["service_code"] == "roads_sidewalks")["group"] == "بلاغ"
    by_param = fetch("/services", schemas.SERVICES, params={"locale": "ar"})
    assert by_param.json == arabic.json
    english = fetch(
        "/services", schemas.SERVICES, params={"locale": "en_US"}, headers={"Accept-Language": "ar"}
    )
    assert "Cleanliness" in {s["service_name"] for s in english.json}


def test_a_service_definition_lists_typed_questions_in_order(fetch, makkah, roads):
    got = fetch("/services/roads_sidewalks", schemas.SERVICE_DEFINITION)
    assert got.json["service_code"] == "roads_sidewalks"
    attributes = got.json["attributes"]
    assert [a["code"] for a in attributes] == [
        "safety_note",
        "depth",
        "size",
        "hazards",
        "seen_at",
        "landmark",
        "details",
    ]
    assert [a["order"] for a in attributes] == sorted(a["order"] for a in attributes)
    note, depth, size, hazards = attributes[:4]
    assert note["variable"] is False
    assert depth == {
        "variable": True,
        "code": "depth",
        "datatype": "number",
        "required": True,
        "datatype_description": "centimetres",
        "order": 1,
        "description": "How deep is it (cm)?",
        "values": [],
    }
    assert size["values"] == [
        {"key": "small", "name": "Smaller than a wheel"},
        {"key": "large", "name": "Larger than a wheel"},
    ]
    assert hazards["datatype"] == "multivaluelist" and hazards["required"] is False
    assert {a["datatype"] for a in attributes} == {
        "string",
        "number",
        "datetime",
        "text",
        "singlevaluelist",
        "multivaluelist",
    }
    xml_size = got.xml.find("attributes")[2]
    assert [v.findtext("key") for v in xml_size.find("values")] == ["small", "large"]

    arabic = fetch("/services/roads_sidewalks", schemas.SERVICE_DEFINITION, params={"locale": "ar"})
    assert arabic.json["attributes"][1]["description"] == "ما عمق الحفرة (سم)؟"
    assert arabic.json["attributes"][2]["values"][0]["name"] == "أصغر من عجلة"


def test_inactive_questions_are_left_out(fetch, makkah, roads):
    ServiceAttribute.objects.filter(code="details").update(is_active=False)
    codes = [
        a["code"] for a in fetch("/services/roads_sidewalks", schemas.SERVICE_DEFINITION).json["attributes"]
    ]
    assert "details" not in codes


def test_a_service_without_questions_has_an_empty_definition(fetch, makkah):
    got = fetch("/services/cleanliness", schemas.SERVICE_DEFINITION)
    assert got.json == {"service_code": "cleanliness", "attributes": []}
    assert got.xml.find("attributes") is not None and len(got.xml.find("attributes")) == 0


@pytest.mark.parametrize("code", ["retired", "no_such_service"])
def test_an_unknown_or_retired_service_is_404_in_both_formats(fetch, o311, makkah, code):
    fetch(f"/services/{code}", schemas.ERRORS, status=404)
    response = o311.get(f"/services/{code}.json")
    assert error_descriptions(response) == ["service_code: Unknown service."]


def test_a_name_missing_in_the_asked_language_falls_back_to_what_its_reader_reads(fetch, makkah, roads):
    # The test categories are named in Arabic and English only.
    indonesian = fetch("/services", schemas.SERVICES, params={"locale": "id"})
    assert "Cleanliness" in {s["service_name"] for s in indonesian.json}  # English, never Arabic first
    urdu = fetch("/services", schemas.SERVICES, params={"locale": "ur"})
    assert "النظافة" in {s["service_name"] for s in urdu.json}  # Urdu readers read the Arabic script
