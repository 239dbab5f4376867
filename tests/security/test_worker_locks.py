"""Finding 8: the worker held SQLite's write lock while it triaged an incoming message (38 s on the first SMS
after a start, while receipts and public reports waited or failed with "database is locked").

Each test watches ``connection.in_atomic_block`` from inside the slow parts — the language and category
models, the WhatsApp media download and the file write — while a message goes through the real webhook and
the task it enqueues. No transaction may be open around any of them."""

from __future__ import annotations

import datetime
import hashlib
import hmac
import io
import json

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.management import call_command
from django.db import connection
from PIL import Image

from khidma.cases import triage
from khidma.cases.models import Case
from khidma.channels import conversation
from khidma.channels.models import InboundMessage
from khidma.outbox.services import DeliveryResult
from khidma.triage import classifier
from tests.conftest import HARAM

pytestmark = pytest.mark.django_db(transaction=True)
SECRET = "worker-lock-secret"


@pytest.fixture
def seen(monkeypatch) -> dict[str, list[bool]]:
    """Wraps the slow steps; records, per step, whether a transaction was open each time it ran."""
    from khidma.triage import language

    record: dict[str, list[bool]] = {"language": [], "category": [], "media": [], "file": []}

    def watch(name, function):
        def wrapper(*args, **kwargs):
            record[name].append(connection.in_atomic_block)
            return function(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(language, "detect", watch("language", language.detect))

    class WatchedModel:
        def __init__(self, model):
            self.model = model

        def predict(self, text):
            record["category"].append(connection.in_atomic_block)
            return self.model.predict(text)

    real_model = triage.category_model
    real_shipped = classifier.get_model
    monkeypatch.setattr(triage, "category_model", lambda: WatchedModel(real_model()))
    monkeypatch.setattr(classifier, "get_model", lambda: WatchedModel(real_shipped()))
    out = io.BytesIO()
    Image.new("RGB", (32, 24), (200, 40, 40)).save(out, "JPEG")
    monkeypatch.setattr(conversation, "fetch_whatsapp_media", watch("media", lambda media_id: out.getvalue()))
    monkeypatch.setattr(FileSystemStorage, "_save", watch("file", FileSystemStorage._save))
    return record


def test_an_sms_is_triaged_with_no_transaction_open(makkah, client, settings, seen):
    settings.KHIDMA_SMS_INBOUND_SECRET = "gateway-secret"
    response = client.post(
        "/channels/sms/inbound",
        {"from": "0551234567", "text": "The street light by the school is broken", "id": "gw-1"},
        headers={"X-Khidma-Secret": "gateway-secret"},
    )
    assert response.status_code == 200, response.content

    inbound = InboundMessage.objects.get(message_id="gw-1")
    assert inbound.processed_at is not None and inbound.error == ""
    assert Case.objects.filter(reporter_phone="+966551234567", channel="sms").count() == 1
    assert seen["language"] and seen["category"]
    assert not any(seen["language"] + seen["category"]), seen


def _whatsapp(client, sender: str, message_id: str, message: dict):
    body = {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "55",
                "changes": [
                    {
                        "field": "messages",
                        "value": {
                            "messaging_product": "whatsapp",
                            "messages": [{"from": sender, "id": message_id, "timestamp": "1", **message}],
                        },
                    }
                ],
            }
        ],
    }
    raw = json.dumps(body).encode()
    signature = "sha256=" + hmac.new(SECRET.encode(), raw, hashlib.sha256).hexdigest()
    response = client.post(
        "/channels/whatsapp/webhook",
        raw,
        content_type="application/json",
        headers={"X-Hub-Signature-256": signature},
    )
    assert response.status_code == 200, response.content


def test_a_whatsapp_conversation_triages_fetches_and_stores_with_no_transaction_open(
    makkah, client, settings, seen
):
    settings.KHIDMA_WHATSAPP_APP_SECRET = SECRET
    sender = "966551234567"
    _whatsapp(client, sender, "w1", {"type": "text", "text": {"body": "Street light broken near the school"}})
    _whatsapp(
        client, sender, "w2", {"type": "location", "location": {"latitude": HARAM[0], "longitude": HARAM[1]}}
    )
    _whatsapp(client, sender, "w3", {"type": "image", "image": {"id": "media-1"}})
    _whatsapp(client, sender, "w4", {"type": "text", "text": {"body": "1"}})

    assert InboundMessage.objects.filter(processed_at__isnull=True).count() == 0
    assert list(InboundMessage.objects.exclude(error="").values_list("error", flat=True)) == []
    case = Case.objects.get(channel="whatsapp")
    assert case.attachments.count() == 1
    for step in ("language", "category", "media", "file"):
        assert seen[step], f"{step} never ran"
        assert not any(seen[step]), f"a transaction was open around {step}: {seen[step]}"


def test_a_message_is_processed_once_even_when_its_task_and_the_sweep_both_run(makkah, client, settings):
    from khidma.channels.processing import process_inbound, process_pending

    settings.KHIDMA_SMS_INBOUND_SECRET = "gateway-secret"
    client.post(
        "/channels/sms/inbound",
        {"from": "0551234567", "text": "Rubbish piled up behind the market", "id": "gw-2"},
        headers={"X-Khidma-Secret": "gateway-secret"},
    )
    inbound = InboundMessage.objects.get(message_id="gw-2")
    process_inbound(inbound.pk)
    assert process_pending(older_than=datetime.timedelta(0)) == 0
    assert Case.objects.filter(channel="sms").count() == 1


def test_the_worker_loads_the_triage_models_before_it_takes_any_work(monkeypatch, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    order: list[str] = []
    monkeypatch.setattr(triage, "warm_up", lambda: order.append("warm up"))
    monkeypatch.setattr(
        "khidma.outbox.services.outbox_deliver_due", lambda **_: order.append("deliver") or DeliveryResult()
    )
    call_command("worker", "--batch", stdout=io.StringIO())
    assert order[:2] == ["warm up", "deliver"]
