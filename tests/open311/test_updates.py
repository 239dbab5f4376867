"""The servicerequestupdates extension: public events as updates (GET) and comments from clients (POST)."""

import datetime

import pytest

from khidma.cases import services as cases
from khidma.cases.models import Case, CaseEvent
from khidma.cases.references import format_reference
from khidma.core import clock
from khidma.open311.models import ClientUpdate
from tests.open311 import schemas
from tests.open311.conftest import error_descriptions, post_request, pothole

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def reference(o311, key, roads) -> str:
    response = post_request(o311, pothole(api_key=key, media_url="https://img.example/first.jpg"))
    return response.json()[0]["service_request_id"]


def test_public_events_are_updates_with_the_status_at_that_moment(reference, staff, fetch):
    case = Case.objects.get(reference=reference)
    supervisor = staff["supervisor"]
    cases.case_assign(case=case, by=supervisor, department=staff["head_clean"].department)  # internal
    cases.case_hold(case=case, by=supervisor, reason="Waiting for asphalt.")
    cases.case_add_note(case=case, by=supervisor, text="Asphalt arrives Sunday.", public=True)
    cases.case_resume(case=case, by=supervisor)
    cases.case_resolve(case=case, by=supervisor, note="Pothole filled.")
    got = fetch("/servicerequestupdates", schemas.UPDATES)
    described = [(u["description"], u["status"]) for u in got.json]
    assert described == [
        ("Received", "open"),
        ("Waiting for asphalt.", "open"),
        ("Asphalt arrives Sunday.", "open"),
        ("Resumed", "open"),
        ("Pothole filled.", "closed"),
    ]
    assert {u["service_request_id"] for u in got.json} == {reference}
    assert got.json[0]["media_url"] == "https://img.example/first.jpg"
    assert got.json[1]["media_url"] is None
    ids = [int(u["update_id"]) for u in got.json]
    assert ids == sorted(ids)
    extended = fetch("/servicerequestupdates", schemas.UPDATES_EXTENDED, params={"extensions": "true"})
    assert [u["detailed_status"] for u in extended.json] == [
        "new",
        "on_hold",
        "on_hold",
        "assigned",
        "resolved",
    ]
    paged = fetch("/servicerequestupdates", schemas.UPDATES, params={"page_size": 2, "page": 2}).json
    assert [u["update_id"] for u in paged] == [str(i) for i in ids[2:4]]


def test_updates_follow_the_date_window(reference, fetch):
    event = CaseEvent.objects.filter(case__reference=reference).first()
    CaseEvent.objects.filter(pk=event.pk).update(created_at=clock.now() - datetime.timedelta(days=120))
    assert fetch("/servicerequestupdates", schemas.UPDATES).json == []
    start = (clock.now() - datetime.timedelta(days=130)).isoformat()
    got = fetch("/servicerequestupdates", schemas.UPDATES, params={"start_date": start}).json
    assert [u["update_id"] for u in got] == [str(event.pk)]


def test_a_client_posts_a_comment_that_becomes_a_public_note(o311, key, reference, fetch):
    form = {
        "api_key": key,
        "service_request_id": reference,
        "update_id": "fms-5501",
        "status": "OPEN",
        "updated_datetime": "2026-11-21T10:00:00+03:00",
        "description": "It got bigger after the rain.",
        "email": "neighbour@example.org",
        "first_name": "Layla",
        "last_name": "Haddad",
        "media_url": "https://img.example/after-rain.jpg",
    }
    response = o311.post("/servicerequestupdates.json", data=form)
    assert response.status_code == 201, response.text
    schemas.check_json(response.json(), schemas.UPDATE_CREATED)
    update_id = response.json()[0]["update_id"]
    event = CaseEvent.objects.get(pk=update_id)
    assert (event.kind, event.is_public, event.note, event.actor) == (
        "note",
        True,
        "It got bigger after the rain.",
        None,
    )
    stored = ClientUpdate.objects.get(event=event)
    assert (stored.author_name, stored.author_email, stored.requested_status) == (
        "Layla Haddad",
        "neighbour@example.org",
        "OPEN",
    )
    assert Case.objects.get(reference=reference).status == "new"  # a client's status changes nothing
    # A retry with the same update_id returns the first update.
    again = o311.post("/servicerequestupdates.xml", data=form)
    assert again.status_code == 200
    root = schemas.parse_xml(again.content, schemas.UPDATE_CREATED)
    assert root[0].findtext("update_id") == update_id
    assert ClientUpdate.objects.count() == 1

    updates = fetch("/servicerequestupdates", schemas.UPDATES).json
    assert updates[-1]["description"] == "It got bigger after the rain."
    assert updates[-1]["media_url"] == "https://img.example/after-rain.jpg"
    text = str(updates) + str(
        fetch(f"/requests/{reference}", schemas.REQUESTS_EXTENDED, params={"extensions": "true"}).json
    )
    assert "Layla" not in text and "neighbour@" not in text and "Haddad" not in text
    # A client's own comment is not the organization's status note.
    assert fetch(f"/requests/{reference}", schemas.REQUESTS).json[0]["status_notes"] is None


def test_posting_an_update_needs_a_key_a_known_request_and_text(o311, key, reference, taif_key):
    base = {"api_key": key, "service_request_id": reference, "description": "More rubbish today"}
    assert o311.post("/servicerequestupdates.json", data={**base, "api_key": ""}).status_code == 403
    assert o311.post("/servicerequestupdates.xml", data={**base, "api_key": "x"}).status_code == 403
    unknown = o311.post(
        "/servicerequestupdates.json",
        data={**base, "service_request_id": format_reference(year=99, sequence=5)},
    )
    assert unknown.status_code == 404
    assert error_descriptions(unknown) == ["service_request_id: No request has this id."]
    empty = o311.post("/servicerequestupdates.json", data={**base, "description": " "})
    assert error_descriptions(empty) == ["description: Write the update."]
    bad = o311.post(
        "/servicerequestupdates.json",
        data={**base, "email": "nope", "media_url": "file:///etc/passwd", "updated_datetime": "soon"},
    )
    assert bad.status_code == 400
    assert [d.split(":")[0] for d in error_descriptions(bad)] == ["updated_datetime", "email", "media_url"]
    # Taif's key cannot comment on Makkah's request, even when naming Makkah.
    other = o311.post(
        "/servicerequestupdates.json", data={**base, "api_key": taif_key, "jurisdiction_id": "makkah"}
    )
    assert other.status_code == 403
    assert ClientUpdate.objects.count() == 0
