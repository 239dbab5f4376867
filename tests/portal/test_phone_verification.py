"""Checking the reporter's phone with a code sent by SMS, through the report form (no browser): the code goes
out through the outbox, a wrong, expired or overused code is refused in the reader's language with nothing
typed lost, codes are rate-limited per number and per address, and a checked phone is recorded on the case
and shown to staff."""

from __future__ import annotations

import datetime
import re

import pytest

from khidma.cases import verification
from khidma.cases.models import Attachment, Case, PhoneVerification
from khidma.core import clock
from khidma.outbox.models import OutboundMessage
from tests.portal.conftest import make_jpeg

pytestmark = pytest.mark.django_db

PHONE = "0551234567"
E164 = "+966551234567"


def _fields(**extra) -> dict:
    return {
        "description": "عمود إنارة مطفأ",
        "category": "lighting_signs",
        "address": "بجوار بوابة الملك فهد",
        "phone": PHONE,
        "submission": "k-1",
        **extra,
    }


def _post(client, language="ar", json=False, **fields):
    headers = {"HTTP_ACCEPT_LANGUAGE": language}
    if json:
        headers["HTTP_ACCEPT"] = "application/json"
    return client.post("/report", fields, **headers)


def _key(page: str) -> str:
    return re.search(r'name="verification" id="id_verification" value="([0-9a-f]*)"', page).group(1)


def _sent_code() -> str:
    message = OutboundMessage.objects.filter(template="verify_phone").latest("pk")
    return re.search(r"\b(\d{6})\b", message.text).group(1)


def test_asking_for_a_code_queues_an_sms_in_the_readers_language_and_keeps_everything_typed(client, makkah):
    photo = {"photos": [_jpeg("a.jpg")]}
    response = _post(client, action="send_code", **_fields(), **photo)
    assert response.status_code == 200
    page = response.content.decode()
    message = OutboundMessage.objects.get(template="verify_phone")
    assert (message.channel, message.recipient, message.language, message.status) == (
        "sms",
        E164,
        "ar",
        "queued",
    )
    assert message.case is None and "خدمة" in message.text
    assert re.search(r"\b\d{6}\b", message.text)
    stored = PhoneVerification.objects.get()
    assert stored.phone == E164 and _sent_code() not in stored.code_hash  # only a hash is kept
    assert _key(page) == stored.key
    # Everything typed is still there, the photo is kept, and the code field is offered.
    assert "عمود إنارة مطفأ" in page and "بجوار بوابة الملك فهد" in page
    assert 'value="lighting_signs" checked' in page
    assert page.count('name="kept_photo"') == 1
    assert 'id="id_code"' in page and "+966551234567" in page
    assert Case.objects.count() == 0


def test_a_checked_phone_is_recorded_on_the_case_and_shown_to_staff(client, makkah, client_for):
    key = _key(_post(client, action="send_code", **_fields()).content.decode())
    page = _post(client, action="check_code", verification=key, code=_sent_code(), **_fields()).content
    assert 'id="phone-verified"' in page.decode()
    response = _post(client, verification=key, **_fields())
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.reporter_phone == E164 and case.reporter_phone_verified
    assert PhoneVerification.objects.get().case == case
    assert 'id="phone-verified"' in client.get("/report/sent", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    staff_view = client_for("agent").get(f"/cases/{case.reference}").json()
    assert staff_view["reporter"] == {**staff_view["reporter"], "phone": E164, "phone_verified": True}
    # A check is used by one case only.
    _post(client, verification=key, **_fields(submission="k-2", description="another one"))
    assert not Case.objects.exclude(pk=case.pk).get().reporter_phone_verified


def test_a_phone_need_not_be_checked_and_a_changed_number_is_not_taken_as_checked(client, makkah):
    _post(client, **_fields())
    assert Case.objects.get().reporter_phone_verified is False
    key = _key(_post(client, action="send_code", **_fields()).content.decode())
    _post(client, action="check_code", verification=key, code=_sent_code(), **_fields())
    _post(client, verification=key, **_fields(phone="0557654321", submission="k-2"))
    case = Case.objects.latest("pk")
    assert case.reporter_phone == "+966557654321" and not case.reporter_phone_verified


def test_a_wrong_code_is_explained_in_arabic_and_nothing_typed_is_lost(client, makkah):
    key = _key(_post(client, action="send_code", **_fields()).content.decode())
    wrong = "000000" if _sent_code() != "000000" else "111111"
    response = _post(client, action="check_code", verification=key, code=wrong, **_fields())
    page = response.content.decode()
    assert response.status_code == 400
    assert "هذا الرمز غير صحيح" in page
    assert "عمود إنارة مطفأ" in page and "بجوار بوابة الملك فهد" in page and _key(page) == key
    assert 'id="id_code"' in page and 'aria-invalid="true"' in page
    assert PhoneVerification.objects.get().attempts == 1
    # In English too, and as JSON for the page's script.
    answer = _post(client, "en", json=True, action="check_code", verification=key, code=wrong, **_fields())
    assert answer.status_code == 400
    assert answer.json()["errors"]["code"] == ["This code is not right. Check the SMS and type it again."]
    # Arabic-Indic digits are accepted.
    arabic = _sent_code().translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    answer = _post(client, "en", json=True, action="check_code", verification=key, code=arabic, **_fields())
    assert answer.json()["verified"] is True


def test_an_expired_code_is_refused(client, makkah):
    key = _key(_post(client, action="send_code", **_fields()).content.decode())
    later = clock.now() + verification.CODE_LIFETIME + datetime.timedelta(seconds=1)
    with clock.at(later):
        answer = _post(client, "en", json=True, action="check_code", verification=key, code=_sent_code())
    assert answer.status_code == 400
    assert answer.json()["errors"]["code"] == ["This code has expired. Ask for a new one."]


def test_five_wrong_codes_use_up_the_code(client, makkah):
    key = _key(_post(client, action="send_code", **_fields()).content.decode())
    right = _sent_code()
    wrong = "000000" if right != "000000" else "111111"
    answers = [
        _post(client, "en", json=True, action="check_code", verification=key, code=wrong).json()
        for _ in range(verification.MAX_ATTEMPTS)
    ]
    assert answers[-1]["errors"]["code"] == ["Too many wrong codes. Ask for a new code."]
    answer = _post(client, "en", json=True, action="check_code", verification=key, code=right).json()
    assert answer["verified"] is False
    assert answer["errors"]["code"] == ["Too many wrong codes. Ask for a new code."]


def test_codes_are_rate_limited_per_phone_and_per_address(client, makkah, settings):
    settings.KHIDMA_PHONE_CODES_PER_PHONE_PER_HOUR = 2
    settings.KHIDMA_PHONE_CODES_PER_IP_PER_HOUR = 3
    for _ in range(2):
        assert _post(client, "en", json=True, action="send_code", phone=PHONE).status_code == 200
    refused = _post(client, "en", json=True, action="send_code", phone=PHONE)
    assert refused.status_code == 429
    assert "Too many codes" in refused.json()["errors"]["phone"][0]
    assert OutboundMessage.objects.filter(template="verify_phone").count() == 2
    # Another number from the same address: one more, then the address is over its limit.
    assert _post(client, "en", json=True, action="send_code", phone="0557654321").status_code == 200
    assert _post(client, "en", json=True, action="send_code", phone="0501112222").status_code == 429
    # An hour later the number may ask again.
    with clock.at(clock.now() + datetime.timedelta(hours=1, minutes=1)):
        assert _post(client, "en", json=True, action="send_code", phone=PHONE).status_code == 200


def test_an_invalid_number_gets_no_code(client, makkah):
    answer = _post(client, "en", json=True, action="send_code", phone="12345")
    assert answer.status_code == 400 and answer.json()["errors"]["phone"] == [
        "This phone number is not valid."
    ]
    assert not OutboundMessage.objects.exists()


def test_when_required_a_given_phone_must_be_checked_and_none_is_still_fine(client, makkah, settings):
    settings.KHIDMA_PHONE_VERIFICATION_REQUIRED = True
    response = _post(client, "en", **_fields(photos=[_jpeg("a.jpg")]))
    page = response.content.decode()
    assert response.status_code == 400 and "Confirm this number with the code" in page
    assert page.count('name="kept_photo"') == 1 and not Case.objects.exists()
    assert _post(client, "en", **_fields(phone="")).status_code == 302
    key = _key(_post(client, action="send_code", **_fields()).content.decode())
    _post(client, action="check_code", verification=key, code=_sent_code(), **_fields())
    assert _post(client, verification=key, **_fields(submission="k-3")).status_code == 302
    assert Case.objects.filter(reporter_phone_verified=True).count() == 1


def test_the_photos_kept_at_the_code_step_go_with_the_report(client, makkah):
    page = _post(client, action="send_code", **_fields(), photos=[_jpeg("a.jpg"), _jpeg("b.jpg")]).content
    tokens = re.findall(r'name="kept_photo" value="([^"]+)"', page.decode())
    assert len(tokens) == 2
    _post(client, kept_photo=tokens, **_fields())
    assert Attachment.objects.filter(case=Case.objects.get()).count() == 2


def _jpeg(name: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, make_jpeg(), content_type="image/jpeg")


def test_behind_a_proxy_the_address_comes_from_the_configured_header(client, makkah, settings):
    settings.KHIDMA_CLIENT_IP_HEADER = "X-Real-IP"
    settings.KHIDMA_PHONE_CODES_PER_IP_PER_HOUR = 1

    def ask(phone: str, address: str) -> int:
        return client.post(
            "/report",
            {"action": "send_code", "phone": phone},
            HTTP_ACCEPT="application/json",
            HTTP_X_REAL_IP=address,
        ).status_code

    assert ask("0551234567", "203.0.113.5") == 200
    assert ask("0557654321", "203.0.113.5") == 429
    assert ask("0501112222", "198.51.100.7") == 200  # another client behind the same proxy
    assert PhoneVerification.objects.filter(ip="198.51.100.7").count() == 1
