"""Machine translation with a fake LibreTranslate server: typed words go to a reporter of another language
translated, the message waits in the outbox while the server is down, slow or unreadable and is never lost,
the original stays in the event, and staff read reports translated beside the original."""

from __future__ import annotations

import datetime

import pytest
from django.utils import translation
from django.utils.translation import gettext

from khidma.cases import services
from khidma.cases.intake import IntakeRequest, Reporter
from khidma.cases.models import Case, CaseEvent
from khidma.core import clock
from khidma.outbox.models import OutboundMessage
from khidma.outbox.services import outbox_deliver_due, outbox_translate_due
from tests.i18n.conftest import ARABIC_NOTE, TRANSLATIONS, has_arabic_script, visible_text

pytestmark = pytest.mark.django_db(transaction=True)

BENGALI_REPORT = "হোটেলের সামনে তিন দিন ধরে ময়লা জমে আছে, খুব দুর্গন্ধ"


def _assigned(makkah, staff, language: str = "bn", phone: str = "0551000101") -> Case:
    case = services.case_create(
        request=IntakeRequest(
            organization=makkah,
            description=BENGALI_REPORT,
            channel="web",
            category="cleanliness",
            language=language,
            reporter=Reporter(phone=phone),
        )
    ).case
    return services.case_assign(case=case, by=staff["supervisor"], department=case.department)


def _resolved_message(case: Case) -> OutboundMessage:
    return OutboundMessage.objects.get(case=case, template="resolved")


def test_typed_words_reach_the_reporter_translated_and_the_original_stays_in_the_event(
    makkah, staff, libretranslate
):
    case = _assigned(makkah, staff)
    services.case_resolve(case=case, by=staff["supervisor"], note=ARABIC_NOTE)
    message = _resolved_message(case)
    assert message.status == "queued"  # translated by the task that ran when the resolution committed
    assert TRANSLATIONS[(ARABIC_NOTE, "bn")] in message.text
    assert not has_arabic_script(message.text)
    assert message.translate["text"] == ARABIC_NOTE and message.translate["source"] == "ar"
    event = CaseEvent.objects.get(case=case, kind="resolved")
    assert (event.note, event.data["language"], event.data["translating"]) == (ARABIC_NOTE, "ar", ["bn"])
    assert outbox_deliver_due().sent >= 1
    assert OutboundMessage.objects.get(pk=message.pk).status == "sent"


def test_the_tracking_page_shows_the_translation_with_the_original_under_translated_automatically(
    client, makkah, staff, libretranslate
):
    case = _assigned(makkah, staff)
    services.case_resolve(case=case, by=staff["supervisor"], note=ARABIC_NOTE)
    html = client.get(f"/track/{case.reference}", HTTP_ACCEPT_LANGUAGE="bn").content.decode()
    assert TRANSLATIONS[(ARABIC_NOTE, "bn")] in visible_text(html)
    assert ARABIC_NOTE not in visible_text(html)  # folded away under the summary …
    with translation.override("bn"):
        marked = gettext("Translated automatically · show the original")
    assert marked in html and ARABIC_NOTE in html  # … and there when opened, said in Bengali


@pytest.mark.parametrize("mode", ["down", "slow", "bad_json"])
def test_while_the_server_is_down_slow_or_unreadable_the_message_waits_and_nothing_is_lost(
    client, makkah, staff, libretranslate, mode
):
    libretranslate.mode = mode
    case = _assigned(makkah, staff)
    now = clock.now()
    services.case_resolve(case=case, by=staff["supervisor"], note=ARABIC_NOTE)
    message = _resolved_message(case)
    assert message.status == "translating" and message.last_error.startswith("translation:")
    assert message.next_attempt_at > now  # tried again after a pause, not at once
    assert (
        outbox_deliver_due().sent == 0
        or not OutboundMessage.objects.filter(pk=message.pk, status="sent").exists()
    )
    assert Case.objects.get(pk=case.pk).status == "resolved"  # the staff's action did not wait
    # Staff still see what was written, and that the message waits.
    client.force_login(staff["supervisor"])
    page = client.get(f"/staff/cases/{case.reference}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert ARABIC_NOTE in page and "Waiting for its translation" in page
    libretranslate.mode = "up"
    later = now + datetime.timedelta(minutes=5)
    assert outbox_translate_due(now=later).released == 1
    message.refresh_from_db()
    assert message.status == "queued" and TRANSLATIONS[(ARABIC_NOTE, "bn")] in message.text
    assert outbox_deliver_due(now=later).sent >= 1


def test_each_failed_try_waits_longer(makkah, staff, libretranslate):
    libretranslate.mode = "down"
    case = _assigned(makkah, staff)
    services.case_resolve(case=case, by=staff["supervisor"], note=ARABIC_NOTE)
    message = _resolved_message(case)
    first_wait = message.next_attempt_at
    outbox_translate_due(now=first_wait)
    message.refresh_from_db()
    assert message.translate["tries"] == 2
    assert message.next_attempt_at - first_wait > first_wait - message.created_at


def test_a_pair_the_server_refuses_fails_the_message_where_staff_see_it(
    client, makkah, staff, libretranslate
):
    libretranslate.mode = "refuse"
    case = _assigned(makkah, staff)
    services.case_resolve(case=case, by=staff["supervisor"], note=ARABIC_NOTE)
    message = _resolved_message(case)
    assert message.status == "failed" and "refused" in message.last_error
    client.force_login(staff["supervisor"])
    page = client.get(f"/staff/cases/{case.reference}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "translation refused" in page


def test_staff_read_the_report_translated_beside_the_original_and_intake_never_asks_the_server(
    client, makkah, staff, libretranslate
):
    case = services.case_create(
        request=IntakeRequest(
            organization=makkah,
            description=BENGALI_REPORT,
            channel="web",
            category="cleanliness",
            language="bn",
        )
    ).case
    assert libretranslate.requests == []  # intake never waits for a translation
    client.force_login(staff["supervisor"])
    first = client.get(f"/staff/cases/{case.reference}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert BENGALI_REPORT in first and "Machine translation being prepared" in first
    second = client.get(f"/staff/cases/{case.reference}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Machine translation (from Bengali)" in second
    assert "[bn&gt;en " in second  # the fake server's English
    asked = [r["json"] for r in libretranslate.translations()]
    assert asked == [
        {"q": BENGALI_REPORT, "source": "bn", "target": "en", "format": "text", "api_key": "test-key"}
    ]


def test_a_reporters_reason_it_is_not_fixed_is_translated_for_staff(client, makkah, staff, libretranslate):
    from khidma.cases import closure

    case = _assigned(makkah, staff)
    services.case_resolve(case=case, by=staff["supervisor"], note=ARABIC_NOTE)
    closure.case_reject_closure(
        case=case, code=None, channel="sms", reason="এখনও ময়লা পড়ে আছে", from_reporter_phone=True
    )
    client.force_login(staff["supervisor"])
    client.get(f"/staff/cases/{case.reference}/", HTTP_ACCEPT_LANGUAGE="ar")
    page = client.get(f"/staff/cases/{case.reference}/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert "এখনও ময়লা পড়ে আছে" in page and "[bn&gt;ar " in page
