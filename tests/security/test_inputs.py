"""Finding 9: inputs that made the server answer 500. Each must get a clear 4xx in the error format of the
place it was sent to, and change nothing."""

from __future__ import annotations

import hashlib
import hmac
import json
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from khidma.cases.models import Case, CaseEvent
from khidma.programs.models import Team
from tests.conftest import HARAM

pytestmark = pytest.mark.django_db

FAR_DATES = ["0001-01-01", "9999-12-31"]
FAR_MOMENTS = ["0001-01-01T00:00:00+03:00", "9999-12-31T23:59:59+03:00", "9999-12-31T23:59:59-12:00"]


def codes(response) -> set[str]:
    return {e["code"] for e in response.json()["errors"]}


def fields(response) -> set[str]:
    return {e["field"] for e in response.json()["errors"]}


def staff_case(staff_api, persona: str = "supervisor", **body) -> str:
    body = {"description": "Rubbish piled up by the school", "channel": "phone_940", **body}
    response = staff_api(persona).post("/cases", body)
    assert response.status_code == 201, response.content
    return response.json()["reference"]


# --- Text ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("description", "code"),
    [
        ("broken lamp \ud800 here", "invalid_characters"),  # a lone surrogate
        ("broken lamp \x00 here", "invalid_characters"),
        ("\u200b\u200c\u200d\u2060\ufeff", "required"),  # only zero-width characters
        (" \u200b \n\u200e ", "required"),
    ],
)
def test_a_report_whose_text_is_not_text_is_refused(makkah, public_api, description, code):
    response = public_api.raw("POST", "/reports", json.dumps({"description": description}))
    assert response.status_code == 400, response.content
    assert codes(response) == {code} and fields(response) == {"description"}
    assert Case.objects.count() == 0


def test_zero_width_joiners_inside_real_words_are_kept(makkah, public_api):
    # Persian writes the zero-width non-joiner inside words: it is refused only when it is all there is.
    response = public_api.post("/reports", {"description": "چراغ خیابان می\u200cسوزد"})
    assert response.status_code == 201, response.content
    assert Case.objects.get().description == "چراغ خیابان می\u200cسوزد"


@pytest.mark.parametrize(
    "body",
    [
        {"description": "d", "reporter": {"name": "Ali \ud83d"}},
        {"description": "d", "address": "Street \x00 5"},
        {"description": "d", "reporter": {"email": "a\x00@example.com"}},
        {"description": "d", "\ud800": "a key that is not text"},
    ],
)
def test_no_field_of_a_json_body_may_carry_a_nul_byte_or_a_lone_surrogate(makkah, public_api, body):
    response = public_api.raw("POST", "/reports", json.dumps(body))
    assert response.status_code == 400, response.content
    assert codes(response) == {"invalid_characters"}
    assert Case.objects.count() == 0


def test_a_staff_note_with_a_lone_surrogate_is_refused(makkah, staff, staff_api):
    reference = staff_case(staff_api)
    before = CaseEvent.objects.count()
    response = staff_api("supervisor").raw(
        "POST", f"/cases/{reference}/note", json.dumps({"note": "checked \udfff", "public": True})
    )
    assert response.status_code == 400 and fields(response) == {"note"}
    assert CaseEvent.objects.count() == before


def test_reporter_given_as_a_string_is_refused_not_ignored(makkah, public_api):
    response = public_api.post("/reports", {"description": "Broken lamp", "reporter": "bob"})
    assert response.status_code == 400, response.content
    assert fields(response) == {"reporter"}
    assert Case.objects.count() == 0


@pytest.mark.parametrize("q", ["lamp\x00", "\x00", '"\x00" OR *', "NEAR(lamp school)"])
def test_a_search_with_a_nul_byte_or_fts_syntax_never_breaks_the_case_list(makkah, staff, staff_api, q):
    staff_case(staff_api)
    response = staff_api("supervisor").get("/cases", {"q": q})
    if "\x00" in q:
        assert response.status_code == 400 and codes(response) == {"invalid_characters"}
    else:
        assert response.status_code == 200


def test_a_nul_byte_in_a_back_office_search_is_refused(makkah, staff, client):
    client.force_login(staff["supervisor"])
    response = client.get("/staff/queue/all/", {"q": "lamp\x00"})
    assert response.status_code == 400


# --- Numbers ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["99999999999999999999", "9223372036854775808", "0", "-1", "1e3"])
def test_page_numbers_out_of_range_are_refused(makkah, staff, staff_api, page):
    response = staff_api("supervisor").get("/cases", {"page": page})
    assert response.status_code == 400, response.content
    assert fields(response) == {"page"}


def test_a_huge_page_of_a_back_office_queue_is_the_last_page(makkah, staff, client):
    client.force_login(staff["supervisor"])
    response = client.get("/staff/queue/all/", {"page": "99999999999999999999"})
    assert response.status_code in (200, 404)


# --- Dates --------------------------------------------------------------------------------------------------


def test_a_case_received_before_the_calendar_we_can_show_is_refused(makkah, staff, staff_api):
    response = staff_api("supervisor").post(
        "/cases", {"description": "A letter", "channel": "letter", "received_at": "1900-01-01T09:00:00+03:00"}
    )
    assert response.status_code == 400, response.content
    assert codes(response) == {"out_of_range"} and fields(response) == {"received_at"}
    assert Case.objects.count() == 0


@pytest.mark.parametrize("moment", FAR_MOMENTS)
@pytest.mark.parametrize(
    "path_and_names",
    [
        ("/cases", ("received_from", "received_to")),
        ("/stats/sla-compliance", ("resolved_from", "resolved_to")),
    ],
)
def test_far_datetimes_on_case_filters_are_refused(makkah, staff, staff_api, moment, path_and_names):
    path, names = path_and_names
    for name in names:
        response = staff_api("supervisor").get(path, {name: moment})
        assert response.status_code == 400, (name, response.content)
        assert fields(response) == {name}


@pytest.mark.parametrize("day", FAR_DATES)
def test_far_dates_on_program_filters_are_refused(makkah, staff, staff_api, day):
    team = Team.objects.create(organization=makkah, name="Team A")
    supervisor = staff_api("supervisor")
    for path, params, name in [
        (f"/programs/teams/{team.pk}/calendar", {"start": day, "end": day}, None),
        ("/programs/walk-ins", {"date": day}, "date"),
        ("/programs/volume", {"start": day, "end": day}, None),
        ("/programs/points/hq/schedule", {"start": day}, "start"),
    ]:
        response = supervisor.get(path, params)
        assert response.status_code == 400, (path, response.content)
        if name:
            assert name in fields(response)


@pytest.mark.parametrize("day", FAR_DATES)
def test_far_dates_on_back_office_queue_filters_are_refused(makkah, staff, client, day):
    client.force_login(staff["supervisor"])
    for name in ("received_from", "received_to"):
        response = client.get("/staff/queue/all/", {name: day})
        assert response.status_code == 400, (name, day)
        assert response.context["filters"].errors.get(name)


@pytest.mark.parametrize("day", [*FAR_DATES, "0001-01-01T00:00:00Z", "9999-12-31T23:59:59+14:00"])
@pytest.mark.parametrize("endpoint", ["requests", "servicerequestupdates"])
@pytest.mark.parametrize("name", ["start_date", "end_date"])
def test_far_dates_on_open311_searches_are_refused(makkah, client, day, endpoint, name):
    response = client.get(f"/open311/v2/{endpoint}.json", {name: day})
    assert response.status_code == 400, response.content
    assert response.json()[0]["code"] == 400 and name in response.json()[0]["description"]


# --- Choices ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("status", "bogus"),
        ("priority", "whenever"),
        ("channel", "pigeon"),
        ("language", "xx"),
    ],
)
def test_unknown_values_of_case_filters_are_refused_not_ignored(makkah, staff, staff_api, name, value):
    response = staff_api("supervisor").get("/cases", {name: value})
    assert response.status_code == 400, response.content
    assert fields(response) == {name} and codes(response) == {"invalid_choice"}


def test_a_canned_reply_that_is_not_a_number_is_refused(makkah, staff, staff_api, client):
    reference = staff_case(staff_api)
    client.force_login(staff["supervisor"])
    before = CaseEvent.objects.count()
    response = client.post(f"/staff/cases/{reference}/note/", {"note": "", "canned": "abc"})
    assert response.status_code == 400
    assert CaseEvent.objects.count() == before


# --- Files --------------------------------------------------------------------------------------------------


def png_bomb(side: int = 30_000) -> bytes:
    """A valid PNG of side×side black pixels: about 110 KB on disk, 900 million pixels decoded."""
    row = b"\x00" + b"\x00" * (side // 8 + 1)

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = side.to_bytes(4, "big") * 2 + bytes([1, 0, 0, 0, 0])  # 1-bit greyscale
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def test_a_png_decompression_bomb_is_refused_as_a_staff_attachment(makkah, staff, staff_api):
    reference = staff_case(staff_api)
    api = staff_api("supervisor")
    response = api.client.post(
        f"/api/v1/cases/{reference}/attachments",
        {"file": SimpleUploadedFile("bomb.png", png_bomb(), "image/png")},
        headers=api.headers,
    )
    assert response.status_code == 415, response.content
    assert codes(response) == {"unsupported_file_type"}
    assert not Case.objects.get(reference=reference).attachments.exists()


def test_a_png_decompression_bomb_is_refused_in_the_back_office(makkah, staff, staff_api, client):
    reference = staff_case(staff_api, "supervisor")
    client.force_login(staff["supervisor"])
    response = client.post(
        f"/staff/cases/{reference}/note/",
        {"note": "photo", "photo": SimpleUploadedFile("bomb.png", png_bomb(), "image/png")},
    )
    # The case page comes back with the typed note and says why the picture was refused.
    assert response.status_code == 415
    assert "photo" in response.content.decode()
    assert list(response.context["messages"]), "the refusal is said on the page"
    assert not Case.objects.get(reference=reference).attachments.exists()


# --- Webhooks -----------------------------------------------------------------------------------------------


def _signed(client, body: bytes, secret: str):
    signature = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return client.post(
        "/channels/whatsapp/webhook",
        body,
        content_type="application/json",
        headers={"X-Hub-Signature-256": signature},
    )


@pytest.mark.parametrize(
    "body",
    [
        {"entry": ["x"]},
        {"entry": "x"},
        {"entry": [{"changes": ["x"]}]},
        {"entry": [{"changes": [{"value": "x"}]}]},
        {"entry": [{"changes": [{"value": {"messages": 5}}]}]},
        {"entry": [{"changes": [{"value": {"messages": [{"id": "1", "from": "966551234567", "type": 5}]}}]}]},
        {"entry": [{"changes": [{"value": {"statuses": [5]}}]}]},
        {"entry": [{"changes": [{"value": {"statuses": [{"id": "x", "errors": "e"}]}}]}]},
        [1, 2],
    ],
)
def test_a_signed_whatsapp_body_of_the_wrong_shape_is_a_400(makkah, client, settings, body):
    settings.KHIDMA_WHATSAPP_APP_SECRET = "app-secret"
    response = _signed(client, json.dumps(body).encode(), "app-secret")
    assert response.status_code == 400, response.content


@pytest.mark.parametrize("secret", ["سر-التطبيق", "app-secret"])
def test_non_ascii_webhook_secrets_and_signatures_answer_401_or_work(makkah, client, settings, secret):
    settings.KHIDMA_WHATSAPP_APP_SECRET = secret
    body = json.dumps({"entry": []}).encode()
    assert _signed(client, body, secret).status_code == 200
    response = client.post(
        "/channels/whatsapp/webhook",
        body,
        content_type="application/json",
        headers={"X-Hub-Signature-256": "sha256=ééé"},
    )
    assert response.status_code == 401


def test_a_non_ascii_verify_token_is_refused_not_a_500(makkah, client, settings):
    settings.KHIDMA_WHATSAPP_VERIFY_TOKEN = "رمز"
    ok = client.get(
        "/channels/whatsapp/webhook",
        {"hub.mode": "subscribe", "hub.verify_token": "رمز", "hub.challenge": "42"},
    )
    assert ok.status_code == 200 and ok.content == b"42"
    wrong = client.get(
        "/channels/whatsapp/webhook",
        {"hub.mode": "subscribe", "hub.verify_token": "é", "hub.challenge": "42"},
    )
    assert wrong.status_code == 403


def test_a_non_ascii_sms_secret_is_refused_not_a_500(makkah, client, settings):
    settings.KHIDMA_SMS_INBOUND_SECRET = "gateway-secret"
    response = client.post(
        "/channels/sms/inbound", {"from": "0551234567", "text": "hi"}, headers={"X-Khidma-Secret": "سر"}
    )
    assert response.status_code == 403


# --- Protocol errors answer JSON on API paths ---------------------------------------------------------------


def test_a_wrong_method_on_the_api_answers_json_405(makkah, client):
    response = client.delete("/api/v1/reports")
    assert response.status_code == 405
    assert codes(response) == {"method_not_allowed"}


def test_a_body_too_large_for_the_api_answers_json_413(makkah, client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post(
        "/api/v1/reports", json.dumps({"description": "x" * 5000}), content_type="application/json"
    )
    assert response.status_code == 413
    assert codes(response) == {"body_too_large"}


def test_an_address_too_long_for_the_api_answers_json_414(makkah, client):
    response = client.get("/api/v1/categories", {"organization": "m" * 5000})
    assert response.status_code == 414
    assert codes(response) == {"uri_too_long"}


def test_a_report_at_a_real_place_still_works(makkah, public_api):
    response = public_api.post("/reports", {"description": "Broken lamp", "lat": HARAM[0], "lon": HARAM[1]})
    assert response.status_code == 201
