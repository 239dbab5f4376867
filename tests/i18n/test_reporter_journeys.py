"""A Bengali, an Indonesian and an Urdu reporter, each from report to rating, while the staff who fix the
problem read and write Arabic. Nothing the reporters receive — every message the outbox sends them, and what
their tracking page shows — carries the staff's Arabic words or Arabic names: the fix reaches each of them in
their own language, from a prepared reply or from the translation server.

(The frames of the messages, such as "Report … has been dealt with", come from the translation catalogues;
what is checked here is what this code decides: the staff's words and the names.)
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pytest

from khidma.accounts.services import api_token_create
from khidma.cases.models import Case
from khidma.outbox.services import outbox_deliver_due
from tests.i18n.conftest import ARABIC_NOTE, CONTAINER_EMPTIED, TRANSLATIONS, has_arabic_script, visible_text

pytestmark = pytest.mark.django_db(transaction=True)

SECRET = "gateway-secret"
# What an Arabic-reading staff member would otherwise let through: their words and the Arabic names.
ARABIC_STAFF_TEXTS = (CONTAINER_EMPTIED["ar"], ARABIC_NOTE)
ARABIC_NAMES = ("النظافة", "إدارة النظافة", "الغرب", "الشرق", "أمانة العاصمة المقدسة")


@dataclass(frozen=True)
class Reporter:
    language: str
    via: str  # how they report and answer: "api" or "portal" (and SMS replies for the Bengali reporter)
    phone: str
    description: str
    place: tuple[float, float]


REPORTERS = [
    Reporter("bn", "api", "+966551000401", "হোটেলের সামনে ময়লার পাত্র উপচে পড়ছে, খুব দুর্গন্ধ", (21.40, 39.70)),
    Reporter(
        "id", "portal", "+966551000402", "Tempat sampah di depan hotel penuh dan meluap", (21.45, 39.75)
    ),
    Reporter(
        "ur", "api", "+966551000403", "ہوٹل کے سامنے کوڑے دان بھر کر بہہ رہا ہے، بہت بدبو ہے", (21.50, 39.95)
    ),
]


@pytest.fixture
def outbox_file(settings, tmp_path):
    """Messages are delivered by the file backend: one JSON line each, as a gateway would receive them."""
    path = tmp_path / "outbox.jsonl"
    settings.KHIDMA_SMS_BACKEND = "file"
    settings.KHIDMA_WHATSAPP_BACKEND = "file"
    settings.KHIDMA_OUTBOX_FILE = str(path)
    settings.KHIDMA_SMS_INBOUND_SECRET = SECRET

    def received(phone: str) -> list[dict]:
        outbox_deliver_due()
        if not path.exists():
            return []
        lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        return [line for line in lines if line["to"] == phone]

    return received


@pytest.fixture
def field_officer(staff):
    """The cleanliness department's field officer, who reads Arabic, working through the API."""
    _token, secret = api_token_create(user=staff["field_clean"], name="tests")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}", "HTTP_ACCEPT_LANGUAGE": "ar"}


def _report(client, reporter: Reporter) -> Case:
    lat, lon = reporter.place
    if reporter.via == "portal":
        response = client.post(
            "/report",
            {
                "category": "cleanliness",
                "description": reporter.description,
                "lat": lat,
                "lon": lon,
                "phone": reporter.phone,
                "submission": f"journey-{reporter.language}",
            },
            HTTP_ACCEPT_LANGUAGE=reporter.language,
        )
        assert response.status_code == 302, response.content.decode()[:2000]
    else:
        response = client.post(
            "/api/v1/reports",
            {
                "description": reporter.description,
                "category": "cleanliness",
                "lat": lat,
                "lon": lon,
                "reporter": {"phone": reporter.phone},
            },
            content_type="application/json",
            HTTP_ACCEPT_LANGUAGE=reporter.language,
        )
        assert response.status_code == 201, response.content
    case = Case.objects.get(reporter_phone=reporter.phone)
    assert case.language == reporter.language
    return case


def _resolve(client, staff, field_officer, case: Case, *, with_reply: bool) -> None:
    from khidma.cases import services

    services.case_assign(case=case, by=staff["supervisor"], assignee=staff["field_clean"])
    if with_reply:
        offered = client.get(f"/api/v1/cases/{case.reference}/replies?action=resolve", **field_officer).json()
        body = {"reply": next(r["id"] for r in offered if r["key"] == "container-emptied")}
    else:
        body = {"note": ARABIC_NOTE}
    response = client.post(
        f"/api/v1/cases/{case.reference}/resolve", body, content_type="application/json", **field_officer
    )
    assert response.status_code == 200, response.content


def _closure_code(messages: list[dict]) -> str:
    (fix,) = [m for m in messages if m["template"] == "resolved"]
    return re.search(r"(?<!\d)(\d{6})(?!\d)", fix["text"]).group(1)


def _confirm_and_rate(client, reporter: Reporter, case: Case, code: str) -> None:
    if reporter.language == "bn":  # answers the SMS, with the code, then with a rating
        for n, text in enumerate((code, "5")):
            response = client.post(
                "/channels/sms/inbound",
                {"from": reporter.phone, "text": text, "id": f"sms-{case.pk}-{n}"},
                HTTP_X_KHIDMA_SECRET=SECRET,
            )
            assert response.status_code == 200
    elif reporter.via == "portal":  # on the tracking page
        answer = f"/track/{case.reference}/answer"
        client.post(answer, {"code": code, "fixed": "yes"}, HTTP_ACCEPT_LANGUAGE=reporter.language)
        client.post(answer, {"code": code, "rating": "5"}, HTTP_ACCEPT_LANGUAGE=reporter.language)
    else:  # through the public API, as an app would
        base = f"/api/v1/reports/{case.reference}"
        for path, body in (
            ("closure", {"code": code, "fixed": True}),
            ("rating", {"code": code, "rating": 5}),
        ):
            response = client.post(f"{base}/{path}", body, content_type="application/json")
            assert response.status_code == 200, response.content
    case.refresh_from_db()
    assert (case.status, case.closure_outcome, case.satisfaction.rating) == ("closed", "confirmed", 5)


def _nothing_arabic_reaches(reporter: Reporter, texts: list[str]) -> None:
    for text in texts:
        for arabic in ARABIC_STAFF_TEXTS:
            assert arabic not in text, f"{reporter.language}: the staff's Arabic words in {text!r}"
        if reporter.language != "ur":  # Urdu is written in Arabic script; its names are the other issue's
            assert not has_arabic_script(text), f"{reporter.language}: Arabic script in {text!r}"
            for name in ARABIC_NAMES:
                assert name not in text


def _journey(client, staff, field_officer, outbox_file, reporter: Reporter, *, with_reply: bool) -> list[str]:
    case = _report(client, reporter)
    _resolve(client, staff, field_officer, case, with_reply=with_reply)
    messages = outbox_file(reporter.phone)
    fix = next(m["text"] for m in messages if m["template"] == "resolved")
    _confirm_and_rate(client, reporter, case, _closure_code(messages))
    messages = outbox_file(reporter.phone)
    assert {"received", "resolved", "rate"} <= {m["template"] for m in messages}  # …and the SMS thanks
    page = client.get(f"/track/{case.reference}", HTTP_ACCEPT_LANGUAGE=reporter.language)
    assert page.status_code == 200
    shown = visible_text(page.content.decode())
    _nothing_arabic_reaches(reporter, [m["text"] for m in messages] + [shown])
    return [fix, shown]


@pytest.mark.parametrize("reporter", REPORTERS, ids=lambda r: r.language)
def test_a_prepared_reply_reaches_each_reporter_in_their_language_from_report_to_rating(
    client, staff, replies, field_officer, outbox_file, reporter
):
    fix, shown = _journey(client, staff, field_officer, outbox_file, reporter, with_reply=True)
    assert CONTAINER_EMPTIED[reporter.language] in fix
    assert CONTAINER_EMPTIED[reporter.language] in shown


@pytest.mark.parametrize("reporter", REPORTERS, ids=lambda r: r.language)
def test_typed_arabic_reaches_each_reporter_machine_translated_from_report_to_rating(
    client, staff, field_officer, outbox_file, libretranslate, reporter
):
    fix, shown = _journey(client, staff, field_officer, outbox_file, reporter, with_reply=False)
    translated = TRANSLATIONS[(ARABIC_NOTE, reporter.language)]
    assert translated in fix and translated in shown
