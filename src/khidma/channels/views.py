"""Webhooks. They check who is calling, store what arrived, answer at once, and leave the work to a task."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from khidma.channels.models import InboundMessage
from khidma.channels.processing import process_inbound_task
from khidma.core import clock
from khidma.core.errors import DomainError
from khidma.core.phones import normalize_phone
from khidma.core.validation import ensure_clean_data
from khidma.organizations.selectors import organization_get_active
from khidma.outbox.services import outbox_note_inbound, outbox_record_receipt

logger = logging.getLogger("khidma.channels")


def _bad_request(message: str) -> JsonResponse:
    return JsonResponse({"errors": [{"field": "", "code": "bad_request", "message": message}]}, status=400)


def _store(provider: str, message_id: str, sender: str, payload: dict) -> bool:
    """Store once; the provider's retries of the same message id are dropped. True when new."""
    organization = organization_get_active(slug=settings.KHIDMA_DEFAULT_ORGANIZATION)
    if organization is None:
        raise LookupError("the default organization does not exist")
    try:
        with transaction.atomic():
            inbound = InboundMessage.objects.create(
                provider=provider,
                message_id=message_id,
                organization=organization,
                sender=sender,
                payload=payload,
            )
    except IntegrityError:
        return False
    # Robust: if the queue cannot take the task (Redis down), the message is stored all the same and the
    # provider gets its 200; the worker's periodic pass over unprocessed messages picks it up.
    transaction.on_commit(lambda: process_inbound_task.enqueue(inbound_id=inbound.pk), robust=True)
    return True


def _same(given: str, expected: str) -> bool:
    """Constant-time comparison of two texts of any script (``compare_digest`` refuses non-ASCII ``str``)."""
    return hmac.compare_digest(given.encode("utf-8", "replace"), expected.encode("utf-8", "replace"))


def _signature_ok(request: HttpRequest) -> bool:
    secret = settings.KHIDMA_WHATSAPP_APP_SECRET
    header = request.headers.get("X-Hub-Signature-256", "")
    if not secret or not header.startswith("sha256="):
        return False
    expected = hmac.new(secret.encode(), request.body, hashlib.sha256).hexdigest()
    return _same(header.removeprefix("sha256="), expected)


def _list_of_objects(value: object, what: str) -> list[dict]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise ValueError(f"{what} must be a list of objects")
    return value


def _whatsapp_changes(raw: bytes) -> list[dict]:
    """The ``value`` objects of a Cloud API webhook body, its shape checked: a signed body is still refused
    (400) when it is not what Meta sends, instead of failing half-way through."""
    body = json.loads(raw)
    if not isinstance(body, dict):
        raise ValueError("the body must be an object")
    ensure_clean_data(body)
    if "entry" not in body:
        raise ValueError("no entry")
    values = []
    for entry in _list_of_objects(body["entry"], "entry"):
        for change in _list_of_objects(entry.get("changes"), "changes"):
            value = change.get("value") or {}
            if not isinstance(value, dict):
                raise ValueError("value must be an object")
            for status in _list_of_objects(value.get("statuses"), "statuses"):
                _list_of_objects(status.get("errors"), "errors")
            for message in _list_of_objects(value.get("messages"), "messages"):
                if not isinstance(message.get("type", ""), str):
                    raise ValueError("a message type must be a text")
                for part in ("text", "location", "image"):
                    if part in message and not isinstance(message[part], dict):
                        raise ValueError(f"{part} must be an object")
            values.append(value)
    return values


@csrf_exempt
@require_http_methods(["GET", "POST"])
def whatsapp_webhook(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        # Meta's verification handshake when the webhook is configured.
        token = settings.KHIDMA_WHATSAPP_VERIFY_TOKEN
        if (
            request.GET.get("hub.mode") == "subscribe"
            and token
            and _same(request.GET.get("hub.verify_token", ""), token)
        ):
            return HttpResponse(request.GET.get("hub.challenge", ""), content_type="text/plain")
        return HttpResponse(status=403)
    if not _signature_ok(request):
        return HttpResponse(status=401)
    try:
        values = _whatsapp_changes(request.body)
    except (ValueError, DomainError):
        return _bad_request("not a WhatsApp Cloud API webhook body")
    for value in values:
        for status in value.get("statuses") or []:
            errors = status.get("errors") or [{}]
            outbox_record_receipt(
                provider_message_id=str(status.get("id", "")),
                status=str(status.get("status", "")),
                error=str(errors[0].get("title", "")),
            )
        for message in value.get("messages") or []:
            if not isinstance(message, dict) or "id" not in message or "from" not in message:
                return _bad_request("a message without id or sender")
            try:
                sender = normalize_phone("+" + str(message["from"]).lstrip("+"))
            except ValueError:
                return _bad_request("a message from an invalid number")
            outbox_note_inbound(channel="whatsapp", address=sender, at=clock.now())
            _store("whatsapp", str(message["id"]), sender, message)
    return HttpResponse("ok", content_type="text/plain")


def _sms_secret_ok(request: HttpRequest) -> bool:
    """The gateway's shared secret, in the X-Khidma-Secret header only: a secret in the address would be
    written to every access log and proxy log on the way."""
    secret = settings.KHIDMA_SMS_INBOUND_SECRET
    given = request.headers.get("X-Khidma-Secret", "")
    return bool(secret) and _same(given, secret)


def _sms_fields(request: HttpRequest) -> dict:
    if request.content_type == "application/json":
        data = json.loads(request.body)
        if not isinstance(data, dict):
            raise ValueError("not an object")
    else:
        data = request.POST.dict()
    ensure_clean_data(data)
    return data


@csrf_exempt
@require_http_methods(["POST"])
def sms_inbound(request: HttpRequest) -> HttpResponse:
    """A gateway forwards a text: ``from``, ``text`` and the gateway's ``id``, as a form or JSON."""
    if not _sms_secret_ok(request):
        return HttpResponse(status=403)
    try:
        data = _sms_fields(request)
        sender = normalize_phone(str(data["from"]))
        text = str(data["text"]).strip()
        message_id = str(data.get("id") or hashlib.sha256(f"{sender}:{text}".encode()).hexdigest()[:32])
    except (ValueError, KeyError, TypeError, DomainError):
        return _bad_request("expected from, text and id")
    if not text:
        return _bad_request("empty text")
    created = _store("sms", message_id, sender, {"text": text[:4000], "from": sender})
    return JsonResponse({"accepted": True, "duplicate": not created})


@csrf_exempt
@require_http_methods(["POST"])
def sms_receipt(request: HttpRequest) -> HttpResponse:
    """A gateway's delivery report: ``id`` (the message id it gave us) and ``status``."""
    if not _sms_secret_ok(request):
        return HttpResponse(status=403)
    try:
        data = _sms_fields(request)
        known = outbox_record_receipt(provider_message_id=str(data["id"]), status=str(data["status"]))
    except (ValueError, KeyError, TypeError, DomainError):
        return _bad_request("expected id and status")
    return JsonResponse({"known": known})
