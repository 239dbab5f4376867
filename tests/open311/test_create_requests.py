"""POST /requests: the case is made by case_create, answers are checked and kept, retries do not duplicate."""

import http.server
import threading

import httpx
import pytest

from khidma.cases.models import Case
from khidma.open311.models import ApiKey, Submission
from khidma.open311.services import api_key_revoke
from tests.open311 import schemas
from tests.open311.conftest import error_descriptions, post_request, pothole

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_request_with_every_kind_of_answer_is_created_at_once(o311, key, roads):
    form = pothole(
        api_key=key,
        **{
            "attribute[hazards][]": ["water", "school", "water"],
            "attribute[seen_at]": "2026-11-20T07:30:00+03:00",
            "attribute[landmark]": "Gate 79",
            "attribute[details]": "Cars swerve into the next lane.",
        },
        first_name="Zubaida",
        last_name="Qasimi",
        phone="0551234567",
        email="zubaida@example.org",
        device_id="device-1",
        account_id="acct-9",
    )
    response = post_request(o311, form)
    assert response.status_code == 201, response.text
    body = response.json()
    schemas.check_json(body, schemas.CREATED)
    assert body[0]["service_notice"] == "A road crew inspects within two working days."
    assert body[0]["account_id"] == "acct-9"

    case = Case.objects.get(reference=body[0]["service_request_id"])
    assert case.channel == "open311"
    assert case.category.code == "roads_sidewalks"
    assert case.area.code == "west"
    assert (case.reporter_name, case.reporter_phone, case.reporter_email) == (
        "Zubaida Qasimi",
        "+966551234567",
        "zubaida@example.org",
    )
    assert case.language == "en"  # from Accept-Language
    submission = Submission.objects.get(case=case)
    assert submission.attributes == {
        "depth": 12,
        "size": "large",
        "hazards": ["water", "school"],
        "seen_at": "2026-11-20T07:30:00+03:00",
        "landmark": "Gate 79",
        "details": "Cars swerve into the next lane.",
    }
    assert submission.api_key.name == "Makkah app"
    # Staff see the answers in the case's own (internal) event log, in the organization's language.
    note = case.events.get(kind="note")
    assert note.is_public is False
    assert note.note.splitlines()[:2] == ["الإجابات المرسلة عبر Open311:", "ما عمق الحفرة (سم)؟: 12"]
    assert ApiKey.objects.get(name="Makkah app").created_count == 1


def test_the_xml_answer_has_the_standard_shape(o311, key, roads):
    response = post_request(o311, pothole(api_key=key), fmt="xml")
    assert response.status_code == 201
    root = schemas.parse_xml(response.content, schemas.CREATED)
    assert root[0].findtext("service_request_id") == Case.objects.get().reference


def test_a_decimal_depth_and_locale_are_accepted(o311, key, roads):
    response = post_request(o311, pothole(api_key=key, **{"attribute[depth]": "7.5"}, locale="ar"))
    assert response.status_code == 201
    case = Case.objects.get()
    assert Submission.objects.get(case=case).attributes["depth"] == 7.5
    assert case.language == "ar"


def test_invalid_answers_are_all_reported_and_nothing_is_created(o311, key, roads):
    form = pothole(
        api_key=key,
        **{
            "attribute[depth]": "very deep",
            "attribute[size]": "enormous",
            "attribute[hazards][]": ["water", "lava"],
            "attribute[seen_at]": "last tuesday",
            "attribute[colour]": "grey",
        },
    )
    response = post_request(o311, form)
    assert response.status_code == 400
    assert error_descriptions(response) == [
        "attribute[depth]: The answer must be a number.",
        "attribute[size]: This answer is not one of the choices.",
        "attribute[hazards]: This answer is not one of the choices.",
        "attribute[seen_at]: The answer must be a date and time in ISO 8601.",
        "attribute[colour]: This service has no such question.",
    ]
    assert Case.objects.count() == 0
    xml = post_request(o311, form, fmt="xml")
    assert xml.status_code == 400
    root = schemas.parse_xml(xml.content, schemas.ERRORS)
    assert [e.findtext("code") for e in root] == ["400"] * 5


def test_required_answers_and_single_values_are_enforced(o311, key, roads):
    form = pothole(api_key=key, **{"attribute[depth]": " ", "attribute[size]": None})
    form["attribute[landmark][]"] = ["Gate 79", "Gate 80"]
    response = post_request(o311, form)
    assert response.status_code == 400
    assert error_descriptions(response) == [
        "attribute[depth]: This question must be answered.",
        "attribute[size]: This question must be answered.",
        "attribute[landmark]: Give one answer only.",
    ]


def test_location_description_and_service_are_checked(o311, key, roads):
    cases = [
        (
            pothole(api_key=key, lat=None, long=None),
            ["lat: Give a location: lat and long, or address_string."],
        ),
        (pothole(api_key=key, long="east"), ["long: These are not valid coordinates."]),
        (pothole(api_key=key, lat="48.85", long="2.35"), None),  # Paris: outside the area served
        (pothole(api_key=key, description=""), ["description: Please describe the problem."]),
        (
            pothole(api_key=key, description="x" * 4001),
            ["description: The description is too long: at most 4000 characters."],
        ),
        (pothole(api_key=key, service_code="retired"), ["service_code: Unknown service."]),
        (pothole(api_key=key, service_code=None), ["service_code: Choose a service (service_code)."]),
        (pothole(api_key=key, phone="12"), ["phone: This phone number is not valid."]),
        (pothole(api_key=key, email="not-an-email"), ["email: This email address is not valid."]),
    ]
    for form, expected in cases:
        response = post_request(o311, form)
        assert response.status_code == 400, (form, response.text)
        descriptions = error_descriptions(response)
        if expected is None:
            assert descriptions[0].startswith("lat: This place is outside the area")
        else:
            assert descriptions == expected
    assert Case.objects.count() == 0


def test_an_address_alone_is_a_location_and_address_id_is_kept(o311, key, roads, fetch):
    one = post_request(o311, pothole(api_key=key, lat=None, long=None, address_string="Ibrahim Al Khalil St"))
    two = post_request(o311, pothole(api_key=key, lat=None, long=None, address_id="parcel-4471"))
    assert one.status_code == two.status_code == 201
    first = Case.objects.get(reference=one.json()[0]["service_request_id"])
    second = Case.objects.get(reference=two.json()[0]["service_request_id"])
    assert (first.address, first.lat, first.area) == ("Ibrahim Al Khalil St", None, None)
    assert second.address == "parcel-4471"
    got = fetch(f"/requests/{second.reference}", schemas.REQUESTS)
    assert got.json[0]["address_id"] == "parcel-4471"
    assert got.json[0]["lat"] is None


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):
        self.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_media_url_is_stored_and_shown_but_never_fetched(o311, key, roads, fetch):
    server = http.server.HTTPServer(("127.0.0.1", 0), _CountingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/photos/pothole.jpg"
        response = post_request(o311, pothole(api_key=key, media_url=url))
        assert response.status_code == 201
        reference = response.json()[0]["service_request_id"]
        assert Submission.objects.get(case__reference=reference).media_url == url
        assert fetch(f"/requests/{reference}", schemas.REQUESTS).json[0]["media_url"] == url
        assert fetch("/requests", schemas.REQUESTS).json[0]["media_url"] == url
        assert _CountingHandler.hits == []
    finally:
        server.shutdown()
        server.server_close()
    for bad in ("ftp://example.org/a.jpg", "javascript:alert(1)", "not a url"):
        response = post_request(o311, pothole(api_key=key, media_url=bad))
        assert error_descriptions(response) == ["media_url: media_url must be an http or https address."]


def test_api_key_is_required_valid_current_and_of_the_jurisdiction(o311, key, taif_key, roads):
    for form in (pothole(), pothole(api_key="o311_wrong"), pothole(api_key="")):
        response = post_request(o311, form)
        assert response.status_code == 403
        assert len(error_descriptions(response)) == 1
        xml = post_request(o311, form, fmt="xml")
        assert xml.status_code == 403
        assert schemas.parse_xml(xml.content, schemas.ERRORS)[0].findtext("code") == "403"
    wrong_org = post_request(o311, pothole(api_key=taif_key, jurisdiction_id="makkah"))
    assert wrong_org.status_code == 403
    assert error_descriptions(wrong_org) == ["api_key: This api_key is not valid for this jurisdiction."]
    api_key_revoke(key=ApiKey.objects.get(name="Makkah app"))
    revoked = post_request(o311, pothole(api_key=key))
    assert error_descriptions(revoked) == ["api_key: This api_key is not valid."]
    assert Case.objects.count() == 0


def test_without_jurisdiction_id_a_post_goes_to_the_keys_organization(o311, taif_key, taif, makkah):
    form = {
        "api_key": taif_key,
        "service_code": "cleanliness",
        "description": "Bins",
        "address_string": "Shubra",
    }
    response = post_request(o311, form)
    assert response.status_code == 201, response.text
    assert Case.objects.get().organization == taif


def test_a_retry_with_the_same_idempotency_key_returns_the_first_request(o311, key, roads):
    form = pothole(api_key=key)
    first = post_request(o311, form, headers={"Idempotency-Key": "app-1"})
    again = post_request(o311, form, headers={"Idempotency-Key": "app-1"})
    as_param = post_request(o311, {**form, "idempotency_key": "app-2"})
    param_again = post_request(o311, {**form, "idempotency_key": "app-2"})
    assert (first.status_code, again.status_code, as_param.status_code, param_again.status_code) == (
        201,
        200,
        201,
        200,
    )
    assert first.json() == again.json()
    assert as_param.json() == param_again.json()
    assert Case.objects.count() == 2
    assert Submission.objects.count() == 2
    other = post_request(o311, {**form, "attribute[depth]": "30"}, headers={"Idempotency-Key": "app-1"})
    assert other.status_code == 409
    assert error_descriptions(other) == [
        "idempotency_key: This idempotency key was already used for a different report."
    ]
    changed_text = post_request(
        o311, {**form, "description": "Another"}, headers={"Idempotency-Key": "app-1"}
    )
    assert changed_text.status_code == 409


def test_an_identical_post_from_the_same_device_is_not_duplicated(o311, key, roads):
    form = pothole(api_key=key, device_id="phone-77")
    first = post_request(o311, form)
    retry = post_request(o311, form)
    assert (first.status_code, retry.status_code) == (201, 200)
    assert first.json() == retry.json()
    different = post_request(o311, {**form, "description": "A second pothole further on"})
    other_device = post_request(o311, {**form, "device_id": "phone-78"})
    no_device = post_request(o311, pothole(api_key=key))
    assert (different.status_code, other_device.status_code, no_device.status_code) == (201, 201, 201)
    assert Case.objects.count() == 4


def test_the_same_key_from_two_clients_does_not_collide(o311, key, makkah, roads):
    from khidma.open311.services import api_key_create

    other = api_key_create(organization=makkah, name="Other app")[1]
    a = post_request(o311, pothole(api_key=key), headers={"Idempotency-Key": "1"})
    b = post_request(o311, pothole(api_key=other), headers={"Idempotency-Key": "1"})
    assert (a.status_code, b.status_code) == (201, 201)
    assert a.json()[0]["service_request_id"] != b.json()[0]["service_request_id"]


def test_post_errors_come_in_the_requests_language(o311, key, roads):
    response = post_request(o311, pothole(api_key=key, description=""), headers={"Accept-Language": "ar"})
    assert error_descriptions(response) == ["description: يُرجى وصف المشكلة."]
    by_locale = post_request(o311, pothole(api_key=key, service_code="nope", locale="ar"))
    assert by_locale.headers["content-language"] == "ar"
    assert error_descriptions(by_locale)[0].startswith("service_code: ")
    assert "Unknown service." not in error_descriptions(by_locale)[0]


def test_racing_retries_create_one_request(live_server, key, roads):
    url = f"{live_server.url}/open311/v2/requests.json"
    barrier = threading.Barrier(6)
    results: list[tuple[int, str]] = []
    lock = threading.Lock()

    def submit() -> None:
        with httpx.Client(timeout=60) as client:
            barrier.wait()
            response = client.post(url, data=pothole(api_key=key), headers={"Idempotency-Key": "burst"})
        with lock:
            results.append((response.status_code, response.text))

    threads = [threading.Thread(target=submit) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(status for status, _ in results) == [200] * 5 + [201], results
    assert len({text for _, text in results}) == 1
    assert Case.objects.count() == Submission.objects.count() == 1
