"""WhatsApp Cloud API and SMS gateway webhooks over HTTP, with Meta-shaped payloads and real signatures."""

from __future__ import annotations

import hashlib
import hmac
import json
import re

import httpx
import pytest

from khidma.cases.intake import IntakeRequest, Reporter
from khidma.cases.models import Case
from khidma.channels.models import Conversation, InboundMessage
from khidma.outbox.models import OutboundMessage
from tests.conftest import HARAM

pytestmark = pytest.mark.django_db(transaction=True)
SECRET = "app-secret-for-tests"
JPEG = bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b0c1912130f14"
    "1d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffc0000b080001000101011100"
    "ffc4001f0000010501010101010100000000000000000102030405060708090a0bffc400b5100002010303020403050504040000"
    "017d01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25262728292a"
    "3435363738393a434445464748494a535455565758595a636465666768696a737475767778797a838485868788898a9293949596"
    "9798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2"
    "f3f4f5f6f7f8f9faffda0008010100003f00fbd3ffd9"
)


@pytest.fixture
def whatsapp(live_server, settings, makkah, _triage_models):
    settings.KHIDMA_WHATSAPP_APP_SECRET = SECRET
    settings.KHIDMA_WHATSAPP_VERIFY_TOKEN = "verify-me"
    counter = {"n": 0}

    class Client:
        url = f"{live_server.url}/channels/whatsapp/webhook"

        def post(self, body: dict, *, secret: str = SECRET) -> httpx.Response:
            raw = json.dumps(body).encode()
            signature = "sha256=" + hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()
            return httpx.post(
                self.url,
                content=raw,
                headers={"X-Hub-Signature-256": signature, "Content-Type": "application/json"},
            )

        def send(self, sender: str, message: dict, *, message_id: str | None = None) -> httpx.Response:
            counter["n"] += 1
            message = {
                "from": sender,
                "id": message_id or f"wamid.{counter['n']}",
                "timestamp": "1760000000",
                **message,
            }
            return self.post(envelope([message]))

    return Client()


def envelope(messages: list[dict] | None = None, statuses: list[dict] | None = None) -> dict:
    value: dict = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "966920000000", "phone_number_id": "1234"},
    }
    if messages:
        value["contacts"] = [{"profile": {"name": "Reporter"}, "wa_id": messages[0]["from"]}]
        value["messages"] = messages
    if statuses:
        value["statuses"] = statuses
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": "55", "changes": [{"field": "messages", "value": value}]}],
    }


def last_reply(sender: str) -> OutboundMessage:
    return OutboundMessage.objects.filter(recipient=f"+{sender}").order_by("-pk").first()


def text(body: str) -> dict:
    return {"type": "text", "text": {"body": body}}


def test_meta_verification_challenge(whatsapp):
    ok = httpx.get(
        whatsapp.url, params={"hub.mode": "subscribe", "hub.verify_token": "verify-me", "hub.challenge": "42"}
    )
    assert (ok.status_code, ok.text) == (200, "42")
    assert (
        httpx.get(
            whatsapp.url, params={"hub.mode": "subscribe", "hub.verify_token": "wrong", "hub.challenge": "42"}
        ).status_code
        == 403
    )


def test_a_wrong_signature_is_refused_and_nothing_is_stored(whatsapp):
    response = whatsapp.post(
        envelope([{"from": "966551234567", "id": "wamid.x", **text("hi")}]), secret="forged"
    )
    assert response.status_code == 401
    assert InboundMessage.objects.count() == 0


def test_a_malformed_body_is_400_and_creates_nothing(whatsapp):
    assert whatsapp.post({"object": "whatsapp_business_account"}).status_code == 400
    no_sender = envelope([{"from": "966551234567", "id": "wamid.1", "type": "text"}])
    del no_sender["entry"][0]["changes"][0]["value"]["messages"][0]["from"]
    assert whatsapp.post(no_sender).status_code == 400
    assert InboundMessage.objects.count() == 0 and Case.objects.count() == 0


def _run_conversation(whatsapp, sender: str, description: str, photo: bool, provider=None) -> Case:
    assert whatsapp.send(sender, text(description)).status_code == 200
    assert last_reply(sender).template == "ask_location"
    whatsapp.send(
        sender,
        {"type": "location", "location": {"latitude": HARAM[0], "longitude": HARAM[1], "name": "Gate 5"}},
    )
    assert last_reply(sender).template == "ask_photo"
    if photo:
        whatsapp.send(
            sender, {"type": "image", "image": {"id": "media-1", "mime_type": "image/jpeg", "sha256": "x"}}
        )
    else:
        whatsapp.send(sender, text("0"))
    reply = last_reply(sender)
    assert reply.template in {"confirm_category", "ask_category"}
    whatsapp.send(sender, text("1"))
    if reply.template == "confirm_category":
        pass
    return Case.objects.get(reporter_phone=f"+{sender}")


@pytest.mark.parametrize(
    ("sender", "language", "description"),
    [
        ("966551234567", "ar", "السلام عليكم فيه نفايات متراكمة قدام الفندق من ثلاث أيام والريحة قوية"),
        ("923001234567", "ur", "ہوٹل کے سامنے تین دن سے کچرا پڑا ہے، بہت بدبو آ رہی ہے، براہ کرم صفائی کریں"),
        (
            "6281234567890",
            "id",
            "Sampah menumpuk di depan hotel kami sudah tiga hari, baunya sangat menyengat",
        ),
    ],
)
def test_a_conversation_in_the_senders_language_ends_in_a_case(whatsapp, sender, language, description):
    case = _run_conversation(whatsapp, sender, description, photo=False)
    assert case.channel == "whatsapp" and case.language == language
    assert case.area is not None and "Gate 5" in case.address
    assert case.category is not None
    received = OutboundMessage.objects.get(case=case, template="received")
    assert (
        received.channel == "whatsapp" and received.language == language and case.reference in received.text
    )
    assert Conversation.objects.get(sender=f"+{sender}").state == "done"
    # The next message starts a new conversation instead of joining the finished one.
    whatsapp.send(sender, text("another problem: a broken street light next to the mosque"))
    assert Conversation.objects.filter(sender=f"+{sender}").count() == 2


def test_a_photo_is_fetched_through_the_graph_api_and_attached(whatsapp, settings, provider):
    settings.KHIDMA_WHATSAPP_GRAPH_URL = provider.url
    settings.KHIDMA_WHATSAPP_TOKEN = "graph-token"
    provider.media["media-1"] = JPEG
    case = _run_conversation(whatsapp, "966551234567", "حفرة كبيرة في الطريق قرب البوابة", photo=True)
    attachment = case.attachments.get()
    assert attachment.content_type == "image/jpeg" and attachment.size == len(JPEG)


def test_the_same_message_id_is_processed_once(whatsapp):
    for _ in range(3):
        assert (
            whatsapp.send("966551234567", text("حاوية النفايات ممتلئة"), message_id="wamid.same").status_code
            == 200
        )
    assert InboundMessage.objects.count() == 1
    assert OutboundMessage.objects.filter(recipient="+966551234567").count() == 1


def test_stickers_and_voice_notes_get_a_polite_reply(whatsapp):
    whatsapp.send("966551234567", {"type": "sticker", "sticker": {"id": "s1"}})
    whatsapp.send("966551234567", {"type": "audio", "audio": {"id": "a1", "voice": True}})
    replies = OutboundMessage.objects.filter(recipient="+966551234567", template="unsupported")
    assert replies.count() == 2
    assert Case.objects.count() == 0


def test_status_command_and_an_unknown_reference(whatsapp, makkah):
    from khidma.cases.services import case_create

    case = case_create(
        request=IntakeRequest(organization=makkah, description="d", channel="web", category="cleanliness")
    ).case
    whatsapp.send("966551234567", text(f"status {case.reference}"))
    reply = last_reply("966551234567")
    assert reply.template == "status" and case.reference in reply.text
    wrong = case.reference[:-1] + str((int(case.reference[-1]) + 1) % 10)
    whatsapp.send("966551234567", text(f"حالة {wrong}"))
    assert last_reply("966551234567").template == "check_number"


def test_delivery_receipts_update_the_outbox(whatsapp, makkah):
    from khidma.outbox.models import OutboundMessage as Message

    message = Message.objects.create(
        organization=makkah,
        channel="whatsapp",
        recipient="+966551234567",
        language="ar",
        template="status",
        text="t",
        status="sent",
        provider_message_id="wamid.out1",
    )
    whatsapp.post(
        envelope(
            statuses=[
                {"id": "wamid.out1", "status": "delivered", "timestamp": "1", "recipient_id": "966551234567"}
            ]
        )
    )
    message.refresh_from_db()
    assert message.status == "delivered" and message.delivered_at is not None


def test_closure_and_rating_by_whatsapp_reply(whatsapp, makkah, staff):
    from khidma.cases import services

    case = services.case_create(
        request=IntakeRequest(
            organization=makkah,
            description="d",
            channel="whatsapp",
            category="cleanliness",
            reporter=Reporter(phone="+966551234567"),
        )
    ).case
    services.case_assign(case=case, by=staff["supervisor"], department=staff["field_clean"].department)
    services.case_resolve(case=case, by=staff["supervisor"], note="تم تنظيف الموقع")
    whatsapp.send("966551234567", text("نعم"))
    case.refresh_from_db()
    assert (case.status, case.closure_outcome) == ("closed", "confirmed")
    whatsapp.send("966551234567", text("5"))
    assert case.satisfaction.rating == 5


@pytest.fixture
def sms(live_server, settings, makkah):
    settings.KHIDMA_SMS_INBOUND_SECRET = "gateway-secret"
    return f"{live_server.url}/channels/sms/inbound"


def test_an_sms_becomes_a_case_and_the_sender_gets_the_reference(sms):
    response = httpx.post(
        sms,
        data={"from": "0551234567", "text": "عمود إنارة طافي في شارع العزيزية", "id": "g-1"},
        headers={"X-Khidma-Secret": "gateway-secret"},
    )
    assert response.status_code == 200
    case = Case.objects.get()
    assert (case.channel, case.reporter_phone, case.language) == ("sms", "+966551234567", "ar")
    assert OutboundMessage.objects.get(case=case).channel == "sms"
    # A retry from the gateway is not a second case.
    httpx.post(
        sms,
        data={"from": "0551234567", "text": "عمود إنارة طافي في شارع العزيزية", "id": "g-1"},
        headers={"X-Khidma-Secret": "gateway-secret"},
    )
    assert Case.objects.count() == 1


def test_sms_without_the_shared_secret_or_with_bad_fields_is_refused(sms):
    assert httpx.post(sms, data={"from": "0551234567", "text": "x", "id": "1"}).status_code == 403
    bad = httpx.post(sms, data={"text": "x"}, headers={"X-Khidma-Secret": "gateway-secret"})
    assert bad.status_code == 400
    assert Case.objects.count() == 0


def test_sms_closure_rejection_reopens(sms, makkah, staff):
    from khidma.cases import services

    case = services.case_create(
        request=IntakeRequest(
            organization=makkah,
            description="d",
            channel="sms",
            category="cleanliness",
            reporter=Reporter(phone="0551234567"),
        )
    ).case
    services.case_assign(case=case, by=staff["supervisor"], department=staff["field_clean"].department)
    services.case_resolve(case=case, by=staff["supervisor"], note="تمت المعالجة")
    code = re.search(r"\b(\d{6})\b", OutboundMessage.objects.get(case=case, template="resolved").text).group(
        1
    )
    assert code
    httpx.post(
        sms,
        data={"from": "0551234567", "text": "2", "id": "g-2"},
        headers={"X-Khidma-Secret": "gateway-secret"},
    )
    case.refresh_from_db()
    assert case.status == "reopened" and case.needs_followup


@pytest.mark.parametrize(
    ("sender", "description", "typed", "where"),
    [
        (
            "923001234567",
            "ہوٹل کے سامنے تین دن سے کچرا پڑا ہے، بہت بدبو آ رہی ہے",
            "العزیزیہ",
            (21.4152, 39.87),
        ),
        (
            "6281234567890",
            "Sampah menumpuk di depan hotel kami sudah tiga hari",
            "Masjidil Haraam",
            (21.4225, 39.8262),
        ),
    ],
)
def test_a_typed_place_the_gazetteer_knows_gives_the_report_its_point(
    whatsapp, gazetteer, _triage_models, sender, description, typed, where
):
    whatsapp.send(sender, text(description))
    whatsapp.send(sender, text(typed))
    assert last_reply(sender).template == "ask_photo"
    whatsapp.send(sender, text("0"))
    whatsapp.send(sender, text("1"))
    if not Case.objects.filter(reporter_phone=f"+{sender}").exists():  # the category was listed: choose one
        whatsapp.send(sender, text("1"))
    case = Case.objects.get(reporter_phone=f"+{sender}")
    assert (case.lat, case.lon) == where and case.area is not None
    assert case.address == typed


def test_a_typed_place_the_gazetteer_does_not_know_stays_an_address(whatsapp, gazetteer, _triage_models):
    sender = "966551234567"
    whatsapp.send(sender, text("حاوية النفايات ممتلئة منذ يومين"))
    whatsapp.send(sender, text("خلف المبنى الأزرق في الشارع الثالث"))
    whatsapp.send(sender, text("0"))
    whatsapp.send(sender, text("1"))
    if not Case.objects.filter(reporter_phone=f"+{sender}").exists():
        whatsapp.send(sender, text("1"))
    case = Case.objects.get(reporter_phone=f"+{sender}")
    assert case.lat is None and case.address == "خلف المبنى الأزرق في الشارع الثالث"
