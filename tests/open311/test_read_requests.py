"""GET /requests, /requests/{id} and /tokens/{token}: filters, the 90-day window, paging, the 1000 cap,
the status mapping and the extensions."""

import datetime

import pytest
from django.db import transaction

from khidma.cases import services as cases
from khidma.cases.intake import IntakeRequest
from khidma.cases.models import Case
from khidma.cases.references import format_reference
from khidma.core import clock
from khidma.open311 import conf
from tests.conftest import HARAM
from tests.open311 import schemas
from tests.open311.conftest import error_descriptions, post_request, pothole

pytestmark = pytest.mark.django_db(transaction=True)


def report(org, **fields):
    fields.setdefault("description", "Overflowing bins")
    fields.setdefault("category", "cleanliness")
    return cases.case_create(request=IntakeRequest(organization=org, channel="web", **fields)).case


def test_a_request_reads_back_with_every_standard_field(o311, key, roads, fetch):
    created = post_request(
        o311, pothole(api_key=key, address_string="Near gate 79", media_url="https://img.example/p.jpg")
    )
    reference = created.json()[0]["service_request_id"]
    got = fetch(f"/requests/{reference}", schemas.REQUESTS)
    assert len(got.json) == 1
    item = got.json[0]
    assert item["service_request_id"] == reference
    assert item["status"] == "open"
    assert item["service_code"] == "roads_sidewalks"
    assert item["service_name"] == "Roads and sidewalks"
    assert item["description"] == "Deep pothole in the right lane"
    assert item["agency_responsible"] is None  # roads_sidewalks has no default department yet
    assert item["service_notice"] == "A road crew inspects within two working days."
    assert item["address"] == "Near gate 79"
    assert (item["lat"], item["long"]) == HARAM
    assert item["media_url"] == "https://img.example/p.jpg"
    assert item["requested_datetime"].endswith("+03:00")  # the organization's time zone
    assert item["expected_datetime"] is None
    xml = got.xml[0]
    assert xml.findtext("service_request_id") == reference
    assert float(xml.findtext("lat")) == HARAM[0]
    assert xml.findtext("zipcode") == ""


def test_a_token_is_the_service_request_id(key, o311, roads, fetch):
    reference = post_request(o311, pothole(api_key=key)).json()[0]["service_request_id"]
    got = fetch(f"/tokens/{reference}", schemas.TOKENS)
    assert got.json == [{"service_request_id": reference, "token": reference}]


def test_unknown_and_mistyped_ids(makkah, fetch, o311):
    case = report(makkah)
    missing = format_reference(year=99, sequence=1234567)  # a valid check digit, but no such case
    fetch(f"/requests/{missing}", schemas.ERRORS, status=404)
    fetch(f"/tokens/{missing}", schemas.ERRORS, status=404)
    assert error_descriptions(o311.get(f"/requests/{missing}.json")) == [
        "service_request_id: No request has this id."
    ]
    wrong_digit = case.reference[:-1] + str((int(case.reference[-1]) + 1) % 10)
    fetch(f"/requests/{wrong_digit}", schemas.ERRORS, status=400)
    fetch("/requests", schemas.ERRORS, status=400, params={"service_request_id": f"{case.reference},abc"})


def test_status_mapping_and_status_notes(makkah, staff, fetch):
    head = staff["head_clean"]
    resolved = report(makkah, description="resolved one")
    cases.case_assign(case=resolved, by=head, department=head.department)
    cases.case_resolve(case=resolved, by=head, note="Bins emptied and area washed.")
    rejected = report(makkah, description="rejected one")
    cases.case_reject(case=rejected, by=staff["supervisor"], reason="Private property.")
    held = report(makkah, description="held one")
    cases.case_hold(case=held, by=head, reason="Waiting for a truck.")
    internal = report(makkah, description="internal note only")
    cases.case_add_note(case=internal, by=head, text="Reporter is a neighbour of the manager.", public=False)
    referred = report(makkah, description="referred one")
    cases.case_refer(case=referred, by=head, partner="Water company")
    report(makkah, description="new one", category=None)
    got = fetch("/requests", schemas.REQUESTS)
    by_description = {r["description"]: r for r in got.json}
    assert by_description["resolved one"]["status"] == "closed"
    assert by_description["resolved one"]["status_notes"] == "Bins emptied and area washed."
    assert by_description["rejected one"]["status"] == "closed"
    assert by_description["referred one"]["status"] == "closed"
    assert by_description["held one"]["status"] == "open"
    assert by_description["held one"]["status_notes"] == "Waiting for a truck."
    assert by_description["internal note only"]["status_notes"] is None
    assert by_description["new one"]["status"] == "open"
    assert by_description["new one"]["service_code"] is None
    assert by_description["resolved one"]["agency_responsible"] == "Cleanliness Department"

    closed = fetch("/requests", schemas.REQUESTS, params={"status": "closed"}).json
    assert {r["description"] for r in closed} == {"resolved one", "rejected one", "referred one"}
    open_ = fetch("/requests", schemas.REQUESTS, params={"status": "open"}).json
    assert {r["description"] for r in open_} == {"held one", "internal note only", "new one"}
    assert len(fetch("/requests", schemas.REQUESTS, params={"status": "open,closed"}).json) == 6
    fetch("/requests", schemas.ERRORS, status=400, params={"status": "pending"})


def test_filters_by_service_code_and_id_list(makkah, fetch):
    a = report(makkah)
    b = report(makkah, category="lighting_signs", description="Lamp out")
    c = report(makkah, category="roads_sidewalks", description="Pothole")
    lamps = fetch("/requests", schemas.REQUESTS, params={"service_code": "lighting_signs"}).json
    assert [r["service_request_id"] for r in lamps] == [b.reference]
    two = fetch("/requests", schemas.REQUESTS, params={"service_code": "lighting_signs,roads_sidewalks"}).json
    assert {r["service_request_id"] for r in two} == {b.reference, c.reference}
    # A list of ids overrides every other argument (here, a service code that matches none of them).
    by_id = fetch(
        "/requests",
        schemas.REQUESTS,
        params={"service_request_id": f"{a.reference}, {c.reference}", "service_code": "lighting_signs"},
    ).json
    assert {r["service_request_id"] for r in by_id} == {a.reference, c.reference}


def test_the_default_window_is_the_last_90_days(makkah, fetch):
    now = clock.now()
    old = report(makkah, description="old", received_at=now - datetime.timedelta(days=100))
    recent = report(makkah, description="recent", received_at=now - datetime.timedelta(days=80))
    default = fetch("/requests", schemas.REQUESTS).json
    assert [r["service_request_id"] for r in default] == [recent.reference]
    start = (now - datetime.timedelta(days=120)).isoformat()
    end = (now - datetime.timedelta(days=40)).isoformat()
    window = fetch("/requests", schemas.REQUESTS, params={"start_date": start, "end_date": end}).json
    assert [r["service_request_id"] for r in window] == [recent.reference, old.reference]
    # Only a start: the 90 days after it (here up to 30 days ago).
    only_start = fetch("/requests", schemas.REQUESTS, params={"start_date": start}).json
    assert [r["service_request_id"] for r in only_start] == [recent.reference, old.reference]
    only_end = fetch(
        "/requests", schemas.REQUESTS, params={"end_date": (now - datetime.timedelta(days=95)).isoformat()}
    )
    assert [r["service_request_id"] for r in only_end.json] == [old.reference]
    # By id, a request is found whatever its age.
    assert fetch(f"/requests/{old.reference}", schemas.REQUESTS).json[0]["description"] == "old"


def test_dates_more_than_90_days_apart_or_malformed_are_refused(makkah, o311, fetch):
    params = {"start_date": "2026-01-01T00:00:00+03:00", "end_date": "2026-04-02T00:00:00+03:00"}
    fetch("/requests", schemas.ERRORS, status=400, params=params)
    assert error_descriptions(o311.get("/requests.json", params=params)) == [
        "end_date: start_date and end_date may be at most 90 days apart."
    ]
    ok = {"start_date": "2026-01-01", "end_date": "2026-04-01T00:00:00+03:00"}  # exactly 90 days
    fetch("/requests", schemas.REQUESTS, params=ok)
    fetch("/requests", schemas.ERRORS, status=400, params={"start_date": "yesterday"})
    backwards = {"start_date": "2026-03-01", "end_date": "2026-02-01"}
    assert error_descriptions(o311.get("/requests.json", params=backwards)) == [
        "end_date: end_date is before start_date."
    ]
    fetch("/servicerequestupdates", schemas.ERRORS, status=400, params=params)


def test_paging(makkah, fetch):
    references = [report(makkah, description=f"report {n}").reference for n in range(5)]
    newest_first = list(reversed(references))
    page1 = fetch("/requests", schemas.REQUESTS, params={"page_size": 2}).json
    page2 = fetch("/requests", schemas.REQUESTS, params={"page_size": 2, "page": 2}).json
    page3 = fetch("/requests", schemas.REQUESTS, params={"page_size": 2, "page": 3}).json
    page4 = fetch("/requests", schemas.REQUESTS, params={"page_size": 2, "page": 4}).json
    assert [r["service_request_id"] for r in page1 + page2 + page3] == newest_first
    assert page4 == []
    for bad in (
        {"page": "0"},
        {"page_size": "0"},
        {"page_size": str(conf.max_requests() + 1)},
        {"page": "x"},
    ):
        fetch("/requests", schemas.ERRORS, status=400, params=bad)


def test_one_get_answers_at_most_the_standard_1000_requests(makkah, fetch, o311):
    cap = conf.max_requests()
    assert cap == 1000  # the standard's default, not lowered for the test
    with transaction.atomic():
        for n in range(cap + 1):
            cases.case_create(
                request=IntakeRequest(
                    organization=makkah, description=f"bulk {n}", channel="web", address="x"
                )
            )
    everything = o311.get("/requests.json")
    assert everything.status_code == 200
    assert len(everything.json()) == cap
    assert everything.json()[0]["description"] == f"bulk {cap}"  # newest first
    rest = o311.get("/requests.json", params={"page": 2})
    assert [r["description"] for r in rest.json()] == ["bulk 0"]
    xml = o311.get("/requests.xml")
    assert len(schemas.parse_xml(xml.content, schemas.REQUESTS)) == cap


def test_extensions_add_the_detailed_status_answers_and_public_notes(o311, key, roads, staff, fetch):
    created = post_request(o311, pothole(api_key=key, **{"attribute[hazards][]": ["water", "night"]}))
    reference = created.json()[0]["service_request_id"]
    case = Case.objects.get(reference=reference)
    cases.case_assign(case=case, by=staff["supervisor"], department=staff["head_clean"].department)
    cases.case_hold(case=case, by=staff["supervisor"], reason="Waiting for asphalt.")
    cases.case_add_note(case=case, by=staff["supervisor"], text="internal remark", public=False)
    got = fetch(f"/requests/{reference}", schemas.REQUESTS_EXTENDED, params={"extensions": "true"})
    extended = got.json[0]["extended_attributes"]
    assert extended["detailed_status"] == "on_hold"
    assert extended["detailed_status_name"] == "On hold"
    assert extended["attributes"] == [
        {"code": "depth", "values": [12]},
        {"code": "hazards", "values": ["water", "night"]},
        {"code": "size", "values": ["large"]},
    ]
    notes = extended["notes"]
    assert [n["type"] for n in notes] == ["created", "held"]  # assignment and the remark are internal
    assert notes[-1]["description"] == "Waiting for asphalt."
    assert "internal remark" not in got.json.__repr__()
    listed = fetch("/requests", schemas.REQUESTS_EXTENDED, params={"extensions": "true"}).json
    assert listed[0]["extended_attributes"] == extended
    # Without the flag, the standard fields only.
    fetch(f"/requests/{reference}", schemas.REQUESTS)


def test_private_kinds_are_not_listed_and_are_shown_without_content_by_id(makkah, fetch):
    complaint = report(
        makkah, kind="complaint", description="The clerk at the counter was rude", address="HQ"
    )
    womens = report(makkah, description="women's section case", womens_section=True)
    public = report(makkah, description="bins")
    listed = fetch("/requests", schemas.REQUESTS).json
    assert [r["service_request_id"] for r in listed] == [public.reference]
    by_id = fetch(
        "/requests",
        schemas.REQUESTS,
        params={"service_request_id": f"{complaint.reference},{womens.reference}"},
    )
    for item in by_id.json:
        assert item["description"] is None and item["address"] is None and item["lat"] is None
    assert "rude" not in str(by_id.json)
