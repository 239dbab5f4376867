"""The outbox: one row per message in the event's transaction, delivered with retries, never twice."""

from __future__ import annotations

import datetime
import json

import pytest

from khidma.cases import services
from khidma.cases.intake import IntakeRequest, Reporter
from khidma.core import clock
from khidma.core.errors import DomainError
from khidma.outbox import backends
from khidma.outbox.models import MessageStatus, OutboundMessage
from khidma.outbox.services import outbox_deliver_due, sms_segments

pytestmark = pytest.mark.django_db


def report(makkah, **fields):
    fields.setdefault("reporter", Reporter(phone="0551234567"))
    return services.case_create(
        request=IntakeRequest(
            organization=makkah,
            description="حفرة في الشارع",
            channel="phone_940",
            category="roads_sidewalks",
            **fields,
        )
    ).case


def test_a_new_report_queues_the_reference_in_the_reporters_language(makkah):
    case = report(makkah, language="en")
    message = OutboundMessage.objects.get(case=case)
    assert (message.channel, message.recipient, message.template, message.status) == (
        "sms",
        "+966551234567",
        "received",
        "queued",
    )
    assert case.reference in message.text and f"/track/{case.reference}" in message.text
    assert message.event.kind == "created"


def test_a_refused_report_queues_nothing(makkah):
    with pytest.raises(DomainError):
        report(makkah, reporter=Reporter(phone="0551234567"), lat=10.0, lon=10.0)
    assert OutboundMessage.objects.count() == 0


def test_whatsapp_reporters_hear_back_on_whatsapp_and_email_only_reporters_by_email(makkah):
    wa = services.case_create(
        request=IntakeRequest(
            organization=makkah, description="d", channel="whatsapp", reporter=Reporter(phone="0551234567")
        )
    ).case
    assert OutboundMessage.objects.get(case=wa).channel == "whatsapp"
    mail = services.case_create(
        request=IntakeRequest(
            organization=makkah, description="d", channel="web", reporter=Reporter(email="a@example.com")
        )
    ).case
    email = OutboundMessage.objects.get(case=mail)
    assert email.channel == "email" and 'dir="rtl"' in email.html  # the case language is Arabic
    anonymous = services.case_create(
        request=IntakeRequest(organization=makkah, description="d", channel="web")
    ).case
    assert not OutboundMessage.objects.filter(case=anonymous).exists()


def test_the_file_backend_writes_one_json_line_per_message(makkah, settings, tmp_path):
    settings.KHIDMA_SMS_BACKEND = "file"
    settings.KHIDMA_OUTBOX_FILE = str(tmp_path / "outbox.jsonl")
    case = report(makkah)
    assert outbox_deliver_due().sent == 1
    line = json.loads((tmp_path / "outbox.jsonl").read_text(encoding="utf-8").strip())
    assert set(line) == {"channel", "to", "language", "text", "case_reference", "template"}
    assert (line["to"], line["case_reference"], line["language"]) == ("+966551234567", case.reference, "ar")
    message = OutboundMessage.objects.get(case=case)
    assert message.status == "sent" and message.provider_message_id.startswith("file-")
    assert outbox_deliver_due().sent == 0  # nothing is sent twice


@pytest.mark.parametrize(
    ("gateway", "answer", "path", "check"),
    [
        (
            "unifonic",
            {"success": True, "data": {"MessageID": "u-77"}},
            "/rest/SMS/messages",
            lambda r: (
                r["form"]["Recipient"] == "966551234567"
                and r["form"]["AppSid"] == "key-1"
                and r["form"]["SenderID"] == "AMANAH"
                and "Body" in r["form"]
            ),
        ),
        (
            "msegat",
            {"code": "1", "message": "Success", "id": "m-77"},
            "/gw/sendsms.php",
            lambda r: (
                r["json"]["numbers"] == "966551234567"
                and r["json"]["userName"] == "amanah"
                and r["json"]["apiKey"] == "key-1"
                and r["json"]["userSender"] == "AMANAH"
                and r["json"]["msg"]
            ),
        ),
        (
            "taqnyat",
            {"statusCode": 201, "messageId": "t-77"},
            "/v1/messages",
            lambda r: (
                r["json"]["recipients"] == ["966551234567"]
                and r["json"]["sender"] == "AMANAH"
                and r["headers"]["Authorization"] == "Bearer key-1"
                and r["json"]["body"]
            ),
        ),
    ],
)
def test_each_sms_gateway_gets_its_own_request_shape(
    makkah, settings, provider, gateway, answer, path, check
):
    settings.KHIDMA_SMS_BACKEND = gateway
    settings.KHIDMA_SMS_URL = provider.url
    settings.KHIDMA_SMS_API_KEY = "key-1"
    settings.KHIDMA_SMS_USERNAME = "amanah"
    settings.KHIDMA_SMS_SENDER = "AMANAH"
    provider.answer = answer
    case = report(makkah)
    assert outbox_deliver_due().sent == 1
    (request,) = provider.requests
    assert request["path"] == path
    assert check(request)
    assert OutboundMessage.objects.get(case=case).provider_message_id.endswith("77")


def test_nothing_is_lost_while_the_gateway_is_down(makkah, settings, provider):
    settings.KHIDMA_SMS_BACKEND = "taqnyat"
    settings.KHIDMA_SMS_URL = provider.url
    provider.status = 503
    provider.answer = {"message": "maintenance"}
    case = report(makkah)
    start = clock.now()
    result = outbox_deliver_due(now=start)
    assert result.retrying == 1
    message = OutboundMessage.objects.get(case=case)
    assert message.status == "queued" and message.attempts == 1 and "503" in message.last_error
    assert outbox_deliver_due(now=start + datetime.timedelta(seconds=5)).sent == 0  # still backing off
    provider.status = 201
    provider.answer = {"statusCode": 201, "messageId": "t-back"}
    assert outbox_deliver_due(now=start + datetime.timedelta(minutes=5)).sent == 1
    message.refresh_from_db()
    assert (message.status, message.attempts, message.provider_message_id) == ("sent", 2, "t-back")


def test_an_unreachable_gateway_is_retried_not_dropped(makkah, settings):
    settings.KHIDMA_SMS_BACKEND = "unifonic"
    settings.KHIDMA_SMS_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    report(makkah)
    assert outbox_deliver_due().retrying == 1
    assert OutboundMessage.objects.get().status == "queued"


def test_a_rejected_number_fails_without_retrying(makkah, settings, provider):
    settings.KHIDMA_SMS_BACKEND = "taqnyat"
    settings.KHIDMA_SMS_URL = provider.url
    provider.status = 400
    provider.answer = {"message": "invalid number"}
    report(makkah)
    assert outbox_deliver_due().failed == 1
    assert OutboundMessage.objects.get().next_attempt_at is None


class _Crash(BaseException):
    """Stands for the worker process dying mid-batch (not an error the code could catch)."""


def test_no_message_is_sent_twice_after_a_worker_crash_mid_batch(makkah, settings, monkeypatch):
    sent: list[str] = []

    class Flaky:
        def send(self, message):
            if len(sent) == 1 and "crashed" not in sent:
                sent.append("crashed")
                raise _Crash  # dies after the provider may have taken the second message
            sent.append(message.case_reference)
            return f"p-{len(sent)}"

    monkeypatch.setattr("khidma.outbox.services.backend_for", lambda channel: Flaky())
    cases = [report(makkah) for _ in range(3)]
    now = clock.now()
    with pytest.raises(_Crash):
        outbox_deliver_due(now=now)
    statuses = dict(OutboundMessage.objects.values_list("case__reference", "status"))
    assert sorted(statuses.values()) == ["queued", "sending", "sent"]
    # A new worker after the lease: the message in doubt is marked uncertain, the rest go out once.
    later = now + datetime.timedelta(seconds=settings.KHIDMA_OUTBOX_LEASE_SECONDS + 1)
    result = outbox_deliver_due(now=later)
    assert (result.sent, result.uncertain) == (1, 1)
    delivered = [ref for ref in sent if ref != "crashed"]
    assert len(delivered) == len(set(delivered)) == 2
    assert {c.reference for c in cases} - set(delivered) == {
        m.case.reference for m in OutboundMessage.objects.filter(status=MessageStatus.UNCERTAIN)
    }


def test_the_daily_limit_holds_back_chatty_updates_but_never_the_essentials(makkah, staff, settings):
    settings.KHIDMA_MAX_MESSAGES_PER_CASE_PER_DAY = 2
    case = report(makkah)
    for n in range(3):
        services.case_add_note(case=case, by=staff["supervisor"], text=f"تحديث رقم {n}", public=True)
    statuses = list(
        OutboundMessage.objects.filter(case=case).order_by("pk").values_list("template", "status")
    )
    assert statuses == [
        ("received", "queued"),
        ("update", "queued"),
        ("update", "suppressed"),
        ("update", "suppressed"),
    ]


def test_sms_segments_follow_gsm_and_ucs2_limits():
    assert sms_segments("a" * 160) == ("gsm7", 1)
    assert sms_segments("a" * 161) == ("gsm7", 2)
    assert sms_segments("ب" * 70) == ("ucs2", 1)
    assert sms_segments("ب" * 71) == ("ucs2", 2)
    assert sms_segments("ب" * 134) == ("ucs2", 2)
    assert sms_segments("ب" * 135) == ("ucs2", 3)


def test_backends_are_chosen_by_settings(settings):
    settings.KHIDMA_SMS_BACKEND = "msegat"
    settings.KHIDMA_WHATSAPP_BACKEND = "cloud"
    assert isinstance(backends.backend_for("sms"), backends.MsegatBackend)
    assert isinstance(backends.backend_for("whatsapp"), backends.WhatsAppCloudBackend)


def _whatsapp_case(makkah):
    return services.case_create(
        request=IntakeRequest(
            organization=makkah,
            description="d",
            channel="whatsapp",
            category="roads_sidewalks",
            reporter=Reporter(phone="0551234567"),
        )
    ).case


def test_whatsapp_free_text_inside_the_24_hour_window_template_outside(makkah, settings, provider):
    from khidma.outbox.services import outbox_note_inbound

    settings.KHIDMA_WHATSAPP_BACKEND = "cloud"
    settings.KHIDMA_WHATSAPP_GRAPH_URL = provider.url
    settings.KHIDMA_WHATSAPP_TOKEN = "graph-token"
    settings.KHIDMA_WHATSAPP_PHONE_NUMBER_ID = "1234"
    provider.answer = {"messages": [{"id": "wamid.out"}]}
    now = clock.now()
    outbox_note_inbound(channel="whatsapp", address="+966551234567", at=now - datetime.timedelta(hours=2))
    _whatsapp_case(makkah)
    assert outbox_deliver_due().sent == 1
    inside = provider.requests[-1]
    assert inside["path"] == "/1234/messages" and inside["headers"]["Authorization"] == "Bearer graph-token"
    assert inside["json"]["type"] == "text" and inside["json"]["to"] == "966551234567"
    outbox_note_inbound(channel="whatsapp", address="+966551234567", at=now - datetime.timedelta(hours=30))
    late = _whatsapp_case(makkah)
    assert outbox_deliver_due().sent == 1
    outside = provider.requests[-1]["json"]
    assert outside["type"] == "template" and outside["template"]["name"] == "khidma_update"
    assert outside["template"]["language"]["code"] == "ar"
    assert late.reference in outside["template"]["components"][0]["parameters"][0]["text"]
    assert OutboundMessage.objects.filter(provider_message_id="wamid.out").count() == 2


def test_two_workers_reading_the_same_due_messages_send_each_once(makkah, monkeypatch):
    """Due messages are read together and claimed one by one: a worker whose list is stale (another took a
    message since) skips that one instead of sending it again."""
    sent: list[str] = []

    class Recording:
        def send(self, message):
            sent.append(message.case_reference)
            return f"p-{len(sent)}"

    monkeypatch.setattr("khidma.outbox.services.backend_for", lambda channel: Recording())
    cases = [report(makkah) for _ in range(3)]
    now = clock.now()
    from khidma.outbox import services as outbox

    stale = outbox._due(now, 10)  # what a second worker read before the first one sent anything
    first = outbox_deliver_due(now=now)
    monkeypatch.setattr(outbox, "_due", lambda now, limit: stale)
    second = outbox_deliver_due(now=now)
    assert (first.sent, second.sent, second.skipped) == (3, 0, 3)
    assert sorted(sent) == sorted(c.reference for c in cases)
    assert set(OutboundMessage.objects.values_list("status", flat=True)) == {MessageStatus.SENT}
    assert set(OutboundMessage.objects.values_list("attempts", flat=True)) == {1}
