"""The public API over HTTP: reporting, following a report, categories and areas, and every bad input."""

import pytest

from khidma.cases.models import Case, CaseEvent
from tests.conftest import AZIZIYAH, HARAM

pytestmark = pytest.mark.django_db(transaction=True)


def report(**fields):
    body = {"description": "الحاوية ممتلئة والنفايات على الأرض", "category": "cleanliness"}
    body.update(fields)
    return body


def test_a_report_is_created_classified_routed_and_placed(api, makkah):
    response = api.post(
        "/reports",
        json=report(
            lat=HARAM[0], lon=HARAM[1], reporter={"name": "Ali", "phone": "0551234567"}, language="ar"
        ),
    )
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "triaged"
    assert body["category"] == {"code": "cleanliness", "name": "النظافة"}
    assert body["department"]["code"] == "cleanliness"
    assert body["area"]["code"] == "west"
    assert body["language"] == "ar"
    assert body["tracking_url"].endswith(f"/track/{body['reference']}")
    case = Case.objects.get(reference=body["reference"])
    assert case.reporter_phone == "+966551234567"
    assert case.channel == "web"
    assert list(case.events.values_list("kind", flat=True)) == ["created", "triaged"]


def test_a_report_without_category_waits_for_triage(api, makkah):
    response = api.post("/reports", json={"description": "something is wrong near the hotel"})
    assert response.status_code == 201
    assert response.json()["status"] == "new"
    assert response.json()["department"] is None


def test_reference_numbers_are_digits_with_a_valid_check_digit_and_unique(api, makkah):
    from khidma.core import damm

    references = {api.post("/reports", json=report()).json()["reference"] for _ in range(5)}
    assert len(references) == 5
    for reference in references:
        assert reference.isdigit() and len(reference) <= 12 and damm.is_valid(reference)


def test_the_language_is_detected_from_the_text_and_else_taken_from_the_request(api, makkah):
    arabic = api.post("/reports", json=report(), headers={"Accept-Language": "en"})
    assert arabic.json()["language"] == "ar"
    urdu = api.post("/reports", json=report(description="گلی میں تین دن سے کچرا پڑا ہے، براہ کرم صاف کریں"))
    assert urdu.json()["language"] == "ur"
    no_words = api.post("/reports", json=report(description="12345 !!"), headers={"Accept-Language": "en"})
    assert no_words.json()["language"] == "en"
    stated = api.post("/reports", json=report(language="fr"), headers={"Accept-Language": "en"})
    assert stated.json()["language"] == "fr"


def test_the_public_view_shows_status_and_timeline_but_no_personal_data(api, makkah):
    created = api.post(
        "/reports",
        json=report(
            reporter={"name": "Ali Hassan", "phone": "0551234567", "email": "ali@example.com"},
            address="Building 12, Street 5",
            lat=HARAM[0],
            lon=HARAM[1],
        ),
    ).json()
    response = api.get(f"/reports/{created['reference']}")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "triaged"
    assert [item["kind"] for item in body["timeline"]] == ["created", "triaged"]
    text = response.text
    for secret in ("Ali Hassan", "551234567", "ali@example.com", "Building 12", "الحاوية"):
        assert secret not in text


def test_a_reference_may_be_typed_with_arabic_digits_and_spaces(api, makkah):
    reference = api.post("/reports", json=report()).json()["reference"]
    arabic = reference.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    spaced = f"{arabic[:2]} {arabic[2:6]} {arabic[6:]}"
    assert api.get(f"/reports/{spaced}").json()["reference"] == reference


def test_a_mistyped_reference_says_check_the_number_not_not_found(api, makkah):
    reference = api.post("/reports", json=report()).json()["reference"]
    wrong = (
        reference[:-2] + reference[-1] + reference[-2]
        if reference[-1] != reference[-2]
        else reference[:-1] + str((int(reference[-1]) + 1) % 10)
    )
    response = api.get(f"/reports/{wrong}", headers={"Accept-Language": "en"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "reference_check_failed"
    assert "check the number" in response.json()["errors"][0]["message"].lower()


def test_an_unknown_but_well_formed_reference_is_not_found(api, makkah):
    from khidma.core import damm

    response = api.get(f"/reports/{'99' + '0000001'}{damm.check_digit('990000001')}")
    assert response.status_code == 404
    assert response.json()["errors"][0]["code"] == "not_found"


@pytest.mark.parametrize("reference", ["abc", "12345678901234", "1", "12-ab"])
def test_references_that_are_not_digits_or_too_long_are_refused(api, makkah, reference):
    response = api.get(f"/reports/{reference}")
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "invalid_reference"


def test_categories_list_active_ones_in_the_request_language(api, makkah):
    response = api.get("/categories", headers={"Accept-Language": "en"})
    codes = [c["code"] for c in response.json()]
    assert "retired" not in codes
    assert {"cleanliness", "lighting_signs", "roads_sidewalks"} <= set(codes)
    assert next(c for c in response.json() if c["code"] == "cleanliness")["name"] == "Cleanliness"
    assert api.get("/categories", headers={"Accept-Language": "ar"}).json()[0]["name"] == "النظافة"


def test_area_lookup_finds_the_sub_municipality_of_a_point(api, makkah):
    assert api.get("/areas/lookup", params={"lat": HARAM[0], "lon": HARAM[1]}).json()["code"] == "west"
    assert api.get("/areas/lookup", params={"lat": AZIZIYAH[0], "lon": AZIZIYAH[1]}).json()["code"] == "east"
    outside = api.get("/areas/lookup", params={"lat": 24.7, "lon": 46.7})
    assert outside.status_code == 404
    assert outside.json()["errors"][0]["code"] == "outside_area"


def test_openapi_document_and_docs_page_are_served(api, makkah):
    spec = api.get("/openapi.json").json()
    assert "/api/v1/reports" in spec["paths"]
    assert "/api/v1/cases/{reference}/{action}" in spec["paths"]
    assert api.get("/docs").status_code == 200


# --- bad input: a clear error in the user's language, nothing half-created ---------------------------------

BAD_INPUTS = [
    ("missing description", {"category": "cleanliness"}, 400, "description", "required"),
    ("empty description", {"description": "   "}, 400, "description", "required"),
    ("oversized description", {"description": "x" * 4001}, 400, "description", "too_long"),
    (
        "invalid phone",
        {"description": "d", "reporter": {"phone": "12345"}},
        400,
        "reporter.phone",
        "invalid_phone",
    ),
    (
        "invalid email",
        {"description": "d", "reporter": {"email": "not-an-email"}},
        400,
        "reporter.email",
        "invalid_email",
    ),
    ("outside the area", {"description": "d", "lat": 24.71, "lon": 46.67}, 400, "lat", "outside_area"),
    ("only one coordinate", {"description": "d", "lat": 21.4}, 400, "lon", "required"),
    (
        "impossible coordinates",
        {"description": "d", "lat": 123, "lon": 39.8},
        400,
        "lat",
        "invalid_coordinates",
    ),
    (
        "unknown category",
        {"description": "d", "category": "space_aliens"},
        400,
        "category",
        "unknown_category",
    ),
    ("inactive category", {"description": "d", "category": "retired"}, 400, "category", "unknown_category"),
    ("unsupported language", {"description": "d", "language": "xx"}, 400, "language", "unsupported_language"),
    ("wrong type", {"description": "d", "lat": "north"}, 400, "lat", "invalid"),
    (
        "channel without a token",
        {"description": "d", "channel": "mobile_app"},
        403,
        "channel",
        "channel_not_allowed",
    ),
    (
        "unknown organization",
        {"description": "d", "organization": "atlantis"},
        404,
        "organization",
        "unknown_organization",
    ),
]


@pytest.mark.parametrize(
    ("name", "body", "status", "field", "code"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS]
)
def test_bad_input_gets_a_clear_error_and_creates_nothing(api, makkah, name, body, status, field, code):
    english = api.post("/reports", json=body, headers={"Accept-Language": "en"})
    arabic = api.post("/reports", json=body, headers={"Accept-Language": "ar"})
    assert english.status_code == arabic.status_code == status
    error = next(e for e in english.json()["errors"] if e["field"] == field)
    assert error["code"] == code
    arabic_error = next(e for e in arabic.json()["errors"] if e["field"] == field)
    assert arabic_error["message"] != error["message"], "the Arabic message must be translated"
    assert any("\u0600" <= ch <= "\u06ff" for ch in arabic_error["message"])
    assert Case.objects.count() == 0
    assert CaseEvent.objects.count() == 0


def test_every_problem_is_reported_at_once(api, makkah):
    response = api.post(
        "/reports",
        json={"description": "", "category": "nope", "reporter": {"phone": "1"}},
        headers={"Accept-Language": "en"},
    )
    codes = {e["code"] for e in response.json()["errors"]}
    assert codes == {"required", "unknown_category", "invalid_phone"}


def test_malformed_json_is_refused_in_the_request_language(api, makkah):
    response = api.post(
        "/reports",
        content=b'{"description": "broken',
        headers={"Content-Type": "application/json", "Accept-Language": "ar"},
    )
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["code"] == "malformed_json"
    assert any("\u0600" <= ch <= "\u06ff" for ch in error["message"])
    assert Case.objects.count() == 0


def test_an_oversized_body_is_refused_with_413(api, makkah):
    body = b'{"description": "' + b"x" * (300 * 1024) + b'"}'
    response = api.post(
        "/reports", content=body, headers={"Content-Type": "application/json", "Accept-Language": "en"}
    )
    assert response.status_code == 413
    assert response.json()["errors"][0]["code"] == "body_too_large"
    assert Case.objects.count() == 0


def test_unknown_api_paths_answer_json_404(api, makkah):
    response = api.get("/no-such-thing")
    assert response.status_code == 404
