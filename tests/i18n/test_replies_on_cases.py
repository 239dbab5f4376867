"""Prepared replies on cases: each reporter concerned reads the reply in their own language, the event keeps
what was sent, and typed words never reach a reporter of another language silently."""

from __future__ import annotations

import pytest

from khidma.accounts.services import api_token_create
from khidma.cases import services
from khidma.cases.intake import IntakeRequest, Reporter
from khidma.cases.models import Case, CaseEvent
from khidma.outbox.models import OutboundMessage
from tests.i18n.conftest import ARABIC_NOTE, CONTAINER_EMPTIED, NEED_PLACE, WATER_COMPANY

pytestmark = pytest.mark.django_db


def report(makkah, language: str, phone: str, description: str = "Sampah menumpuk di depan hotel") -> Case:
    return services.case_create(
        request=IntakeRequest(
            organization=makkah,
            description=description,
            channel="web",
            category="cleanliness",
            language=language,
            reporter=Reporter(phone=phone),
        )
    ).case


def messages_to(phone: str, template: str) -> list[OutboundMessage]:
    return list(OutboundMessage.objects.filter(recipient=phone, template=template).order_by("pk"))


@pytest.fixture
def assigned(makkah, staff):
    def make(language: str, phone: str) -> Case:
        case = report(makkah, language, phone)
        return services.case_assign(case=case, by=staff["supervisor"], department=case.department)

    return make


def test_a_resolution_reaches_the_reporter_and_every_duplicates_in_their_own_language(
    makkah, staff, replies, assigned
):
    original = assigned("id", "0551000001")
    bengali = report(makkah, "bn", "0551000002")
    urdu = report(makkah, "ur", "0551000003")
    for duplicate in (bengali, urdu):
        services.case_mark_duplicate(case=duplicate, by=staff["agent"], original=original)
    services.case_resolve(case=original, by=staff["supervisor"], reply=replies["emptied"])
    (resolved,) = messages_to("+966551000001", "resolved")
    assert CONTAINER_EMPTIED["id"] in resolved.text and resolved.language == "id"
    for phone, language in (("+966551000002", "bn"), ("+966551000003", "ur")):
        (fixed,) = messages_to(phone, "duplicate_fixed")
        assert CONTAINER_EMPTIED[language] in fixed.text
        assert CONTAINER_EMPTIED["ar"] not in fixed.text
    event = CaseEvent.objects.get(case=original, kind="resolved")
    assert event.data["reply"] == {"id": replies["emptied"].pk, "key": "container-emptied"}
    assert event.data["texts"] == {lang: CONTAINER_EMPTIED[lang] for lang in ("bn", "id", "ur")}
    assert event.note == CONTAINER_EMPTIED["ar"]  # the supervisor reads Arabic


def test_the_staff_note_is_in_the_acting_persons_language(makkah, staff, replies, assigned):
    staff["supervisor"].language = "en"
    case = assigned("bn", "0551000004")
    services.case_resolve(case=case, by=staff["supervisor"], reply=replies["emptied"])
    assert CaseEvent.objects.get(case=case, kind="resolved").note == CONTAINER_EMPTIED["en"]


def test_a_question_and_a_referral_go_in_the_readers_language(makkah, staff, replies, assigned):
    held = assigned("tr", "0551000005")
    services.case_hold(case=held, by=staff["supervisor"], reply=replies["place"])
    (question,) = messages_to("+966551000005", "question")
    assert NEED_PLACE["tr"] in question.text
    referred = report(makkah, "en", "0551000006")
    services.case_refer(
        case=referred, by=staff["agent"], partner="شركة المياه الوطنية", reply=replies["water"]
    )
    (update,) = messages_to("+966551000006", "update")
    assert WATER_COMPANY["en"] in update.text
    assert not messages_to("+966551000006", "referred")  # the partner's name as typed stays out
    assert Case.objects.get(pk=referred.pk).referred_to == "شركة المياه الوطنية"


def test_a_reply_must_fit_the_action_and_the_category_and_not_come_with_typed_words(
    makkah, staff, replies, assigned
):
    case = assigned("en", "0551000007")
    with pytest.raises(Exception) as wrong_action:
        services.case_resolve(case=case, by=staff["supervisor"], reply=replies["place"])
    assert wrong_action.value.errors[0].code == "reply_not_fitting"
    lamp = services.case_create(
        request=IntakeRequest(
            organization=makkah,
            description="Street lamp off",
            channel="web",
            category="lighting_signs",
            language="en",
        )
    ).case
    lamp = services.case_assign(case=lamp, by=staff["supervisor"], department=lamp.department)
    with pytest.raises(Exception) as wrong_category:
        services.case_resolve(case=lamp, by=staff["supervisor"], reply=replies["emptied"])
    assert wrong_category.value.errors[0].code == "reply_not_fitting"
    with pytest.raises(Exception) as both:
        services.case_resolve(case=case, by=staff["supervisor"], reply=replies["emptied"], note="Done.")
    assert both.value.errors[0].code == "reply_and_text"
    assert Case.objects.get(pk=case.pk).status == "assigned"


def test_typed_words_in_another_language_wait_for_a_confirmation_without_a_translation_server(
    makkah, staff, assigned
):
    case = assigned("bn", "0551000008")
    with pytest.raises(Exception) as refused:
        services.case_resolve(case=case, by=staff["supervisor"], note=ARABIC_NOTE)
    assert (refused.value.status, refused.value.errors[0].code) == (409, "language_mismatch")
    assert Case.objects.get(pk=case.pk).status == "assigned"
    assert not messages_to("+966551000008", "resolved")
    services.case_resolve(case=case, by=staff["supervisor"], note=ARABIC_NOTE, send_untranslated=True)
    (sent,) = messages_to("+966551000008", "resolved")
    assert ARABIC_NOTE in sent.text  # what the supervisor confirmed
    event = CaseEvent.objects.get(case=case, kind="resolved")
    assert (event.note, event.data["language"], event.data["sent_untranslated"]) == (
        ARABIC_NOTE,
        "ar",
        ["bn"],
    )


def test_typed_words_in_the_readers_language_need_no_confirmation(makkah, staff, assigned):
    case = assigned("ar", "0551000009")
    services.case_resolve(case=case, by=staff["supervisor"], note=ARABIC_NOTE)
    assert ARABIC_NOTE in messages_to("+966551000009", "resolved")[0].text
    english = assigned("en", "0551000010")
    services.case_add_note(case=english, by=staff["supervisor"], text="A team is on its way.", public=True)
    assert "A team is on its way." in messages_to("+966551000010", "update")[0].text


def test_an_internal_note_is_never_checked_nor_sent(makkah, staff, assigned):
    case = assigned("bn", "0551000011")
    services.case_add_note(case=case, by=staff["supervisor"], text=ARABIC_NOTE, public=False)
    assert not messages_to("+966551000011", "update")


# --- Through the API --------------------------------------------------------------------------------------


@pytest.fixture
def staff_api(client, staff):
    def make(persona: str, language: str = "en"):
        _token, secret = api_token_create(user=staff[persona], name="tests")
        return {"HTTP_AUTHORIZATION": f"Bearer {secret}", "HTTP_ACCEPT_LANGUAGE": language}

    return make


def test_the_api_lists_the_fitting_replies_and_an_action_takes_one(
    client, makkah, replies, assigned, staff_api
):
    case = assigned("bn", "0551000012")
    headers = staff_api("field_clean")
    listed = client.get(f"/api/v1/cases/{case.reference}/replies", {"action": "resolve"}, **headers)
    assert listed.status_code == 200
    (only,) = listed.json()
    assert only["key"] == "container-emptied" and only["text"] == CONTAINER_EMPTIED["bn"]
    assert only["title"] == replies["emptied"].title["en"] and not only["reporter_language_missing"]
    assert len(only["languages"]) == 10
    everything = client.get(f"/api/v1/cases/{case.reference}/replies", **headers).json()
    assert {r["key"]: r["reporter_language_missing"] for r in everything} == {
        "container-emptied": False,
        "need-exact-place": False,
        "water-company": True,
    }
    bad = client.get(f"/api/v1/cases/{case.reference}/replies", {"action": "dance"}, **headers)
    assert (bad.status_code, bad.json()["errors"][0]["code"]) == (400, "invalid_choice")
    resolved = client.post(
        f"/api/v1/cases/{case.reference}/resolve",
        {"reply": only["id"]},
        content_type="application/json",
        **headers,
    )
    assert resolved.status_code == 200 and resolved.json()["status"] == "resolved"
    assert resolved.json()["events"][-1]["data"]["reply"]["key"] == "container-emptied"
    assert CONTAINER_EMPTIED["bn"] in messages_to("+966551000012", "resolved")[0].text


def test_the_api_answers_409_for_unreadable_words_and_takes_the_explicit_confirmation(
    client, makkah, assigned, staff_api
):
    case = assigned("id", "0551000013")
    headers = staff_api("supervisor")
    url = f"/api/v1/cases/{case.reference}/resolve"
    refused = client.post(url, {"note": ARABIC_NOTE}, content_type="application/json", **headers)
    assert refused.status_code == 409
    error = refused.json()["errors"][0]
    assert (error["field"], error["code"]) == ("send_untranslated", "language_mismatch")
    assert "Indonesian" in error["message"] and "Arabic" in error["message"]
    confirmed = client.post(
        url, {"note": ARABIC_NOTE, "send_untranslated": True}, content_type="application/json", **headers
    )
    assert confirmed.status_code == 200
    assert confirmed.json()["events"][-1]["data"]["sent_untranslated"] == ["id"]


def test_another_organizations_reply_is_unknown(client, makkah, taif, assigned, staff_api):
    from khidma.cases.replies import prepared_reply_create

    theirs = prepared_reply_create(
        organization=taif, by=None, key="theirs", title={"en": "T"}, text={"en": "Done."}, actions=["resolve"]
    )
    case = assigned("en", "0551000014")
    response = client.post(
        f"/api/v1/cases/{case.reference}/resolve",
        {"reply": theirs.pk},
        content_type="application/json",
        **staff_api("supervisor"),
    )
    assert (response.status_code, response.json()["errors"][0]["code"]) == (400, "unknown_reply")
