"""A WhatsApp reporter receives the after-photo in the chat with the fix: uploaded to the Graph API's media
endpoint (without the officer's phone's metadata) and sent by its media id; SMS reporters get the link."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from khidma.cases import actions, services
from khidma.cases.intake import IntakeRequest, Reporter
from khidma.core import clock
from khidma.outbox.models import OutboundMessage
from khidma.outbox.services import outbox_deliver_due, outbox_note_inbound
from tests.conftest import HARAM
from tests.portal.conftest import make_jpeg

pytestmark = pytest.mark.django_db

PHONE = "+966551234567"


@pytest.fixture
def cloud(settings, provider):
    settings.KHIDMA_WHATSAPP_BACKEND = "cloud"
    settings.KHIDMA_WHATSAPP_GRAPH_URL = provider.url
    settings.KHIDMA_WHATSAPP_TOKEN = "token"
    settings.KHIDMA_WHATSAPP_PHONE_NUMBER_ID = "1234"

    def answer(record: dict) -> dict:
        if record["path"].endswith("/media"):
            return {"id": "media-77"}
        return {"messages": [{"id": f"wamid.out.{len(provider.requests)}"}]}

    provider.answer = answer
    return provider


def _resolved_with_photo(makkah, staff, *, channel="whatsapp", phone=PHONE, language="id"):
    case = services.case_create(
        request=IntakeRequest(
            organization=makkah,
            description="Sampah menumpuk di depan hotel",
            channel=channel,
            category="cleanliness",
            language=language,
            lat=HARAM[0],
            lon=HARAM[1],
            reporter=Reporter(phone=phone),
        )
    ).case
    case = services.case_assign(case=case, by=staff["supervisor"], department=case.department)
    photo = SimpleUploadedFile("after.jpg", make_jpeg(gps=HARAM), "image/jpeg")
    actions.perform(
        staff["field_clean"],
        case,
        "resolve",
        actions.ActionInput(note="Sampah sudah diangkat dan tempatnya dibersihkan.", photo=photo),
    )
    return case


def test_the_after_photo_follows_the_fix_into_the_chat(makkah, staff, cloud):
    outbox_note_inbound(channel="whatsapp", address=PHONE, at=clock.now())  # they wrote to us today
    case = _resolved_with_photo(makkah, staff)
    templates = list(
        OutboundMessage.objects.filter(case=case).order_by("pk").values_list("template", flat=True)
    )
    assert templates == ["received", "resolved", "fix_photo"]
    assert outbox_deliver_due().sent == 3
    upload = next(r for r in cloud.requests if r["path"] == "/1234/media")
    assert b'name="messaging_product"\r\n\r\nwhatsapp' in upload["raw"] and b"image/jpeg" in upload["raw"]
    assert b"\xff\xd8\xff" in upload["raw"]
    assert b"PhoneMaker" not in upload["raw"] and b"SERIAL-123456" not in upload["raw"]  # no metadata
    sent = [r["json"] for r in cloud.requests if r["path"] == "/1234/messages"]
    assert sent[1]["type"] == "text" and "Sampah sudah diangkat" in sent[1]["text"]["body"]
    assert sent[2]["type"] == "image"
    assert sent[2]["image"] == {"id": "media-77", "caption": f"Laporan {case.reference}"}


def test_outside_the_24_hour_window_the_photo_needs_an_approved_photo_template(
    makkah, staff, cloud, settings
):
    case = _resolved_with_photo(makkah, staff)  # no message from them today: templates only
    outbox_deliver_due()
    photo = OutboundMessage.objects.get(case=case, template="fix_photo")
    assert photo.status == "failed" and "24 hours" in photo.last_error
    assert OutboundMessage.objects.get(case=case, template="resolved").status == "sent"  # as a template
    settings.KHIDMA_WHATSAPP_PHOTO_TEMPLATE = "khidma_photo"
    again = _resolved_with_photo(makkah, staff, phone="+966551234568")
    outbox_deliver_due()
    assert OutboundMessage.objects.get(case=again, template="fix_photo").status == "sent"
    template = [r["json"] for r in cloud.requests if r["json"] and r["json"].get("type") == "template"][-1]
    assert template["template"]["name"] == "khidma_photo"
    header, body = template["template"]["components"]
    assert header == {"type": "header", "parameters": [{"type": "image", "image": {"id": "media-77"}}]}
    assert body["parameters"][0]["text"] == f"Laporan {again.reference}"


def test_sms_reporters_get_no_photo_message(makkah, staff, cloud):
    case = _resolved_with_photo(makkah, staff, channel="web")
    assert not OutboundMessage.objects.filter(case=case, template="fix_photo").exists()
    assert OutboundMessage.objects.get(case=case, template="resolved").channel == "sms"
