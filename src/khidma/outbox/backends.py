"""Delivery backends: one small interface per channel, a local default, and the real HTTP providers.

A backend's ``send`` returns the provider's message id or raises ``TransientError`` (try again later: the
provider is down, throttled or unreachable) or ``PermanentError`` (the message will never go: bad number,
rejected content). Settings choose the backend per channel (docs/channels.md).
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.core.mail import EmailMultiAlternatives

logger = logging.getLogger("khidma.outbox")


class TransientError(Exception):
    pass


class PermanentError(Exception):
    pass


class UncertainError(Exception):
    """The request reached the provider but no answer came back (a read timeout): the message may have gone
    out. It is not sent again — a duplicate SMS is worse than a visible gap."""


@dataclass(frozen=True)
class Outgoing:
    channel: str
    to: str
    language: str
    text: str
    template: str
    case_reference: str | None
    subject: str = ""
    html: str = ""
    # A photo to send with the text (WhatsApp only): its bytes and type. The text is then its caption.
    media: bytes | None = None
    media_type: str = ""


class Backend(Protocol):
    def send(self, message: Outgoing) -> str: ...


class ConsoleBackend:
    def send(self, message: Outgoing) -> str:
        logger.info("[%s → %s, %s] %s", message.channel, message.to, message.language, message.text)
        return f"console-{uuid.uuid4().hex[:12]}"


class FileBackend:
    """Appends one JSON line per message: what the demo uses, and what a test can read back."""

    def send(self, message: Outgoing) -> str:
        path = Path(settings.KHIDMA_OUTBOX_FILE)
        path.parent.mkdir(parents=True, exist_ok=True)
        line = {
            "channel": message.channel,
            "to": message.to,
            "language": message.language,
            "text": message.text,
            "case_reference": message.case_reference,
            "template": message.template,
        }
        if message.media is not None:
            line["media"] = {"type": message.media_type, "bytes": len(message.media)}
        with path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
        return f"file-{uuid.uuid4().hex[:12]}"


def _post(url: str, *, data: bytes, headers: dict[str, str]) -> dict:
    request = urllib.request.Request(url, data=data, headers=headers, method="POST")  # noqa: S310 - configured URL
    timeout = settings.KHIDMA_OUTBOX_TIMEOUT_SECONDS
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            body = response.read()
    except TimeoutError as exc:
        # Connecting failed with URLError below; a bare timeout means the request was sent and the answer
        # never came: the provider may have delivered it.
        raise UncertainError(f"no answer within {timeout} s") from exc
    except urllib.error.HTTPError as exc:
        detail = exc.read()[:500].decode("utf-8", "replace")
        if exc.code == 429 or exc.code >= 500:
            raise TransientError(f"HTTP {exc.code}: {detail}") from exc
        raise PermanentError(f"HTTP {exc.code}: {detail}") from exc
    except (urllib.error.URLError, ConnectionError, OSError) as exc:
        raise TransientError(f"unreachable: {exc}") from exc
    try:
        return json.loads(body or b"{}")
    except json.JSONDecodeError as exc:
        raise TransientError(f"unreadable answer: {body[:200]!r}") from exc


def _international(e164: str) -> str:
    """Saudi gateways want 9665xxxxxxxx: no plus sign, no leading zeros."""
    return e164.lstrip("+")


class UnifonicBackend:
    def send(self, message: Outgoing) -> str:
        form = urllib.parse.urlencode(
            {
                "AppSid": settings.KHIDMA_SMS_API_KEY,
                "SenderID": settings.KHIDMA_SMS_SENDER,
                "Recipient": _international(message.to),
                "Body": message.text,
            }
        ).encode()
        answer = _post(
            f"{settings.KHIDMA_SMS_URL or 'https://el.cloud.unifonic.com'}/rest/SMS/messages",
            data=form,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        if not answer.get("success", True) and str(answer.get("errorCode", "")).startswith("ER"):
            raise PermanentError(f"Unifonic: {answer.get('message')}")
        data = answer.get("data") or {}
        return str(data.get("MessageID") or answer.get("MessageID") or "")


class MsegatBackend:
    def send(self, message: Outgoing) -> str:
        payload = {
            "userName": settings.KHIDMA_SMS_USERNAME,
            "apiKey": settings.KHIDMA_SMS_API_KEY,
            "numbers": _international(message.to),
            "userSender": settings.KHIDMA_SMS_SENDER,
            "msg": message.text,
            "msgEncoding": "UTF8",
        }
        answer = _post(
            f"{settings.KHIDMA_SMS_URL or 'https://www.msegat.com'}/gw/sendsms.php",
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
        )
        code = str(answer.get("code", "1"))
        if code not in {"1", "M0000"}:
            raise PermanentError(f"Msegat {code}: {answer.get('message')}")
        return str(answer.get("id") or answer.get("messageId") or "")


class TaqnyatBackend:
    def send(self, message: Outgoing) -> str:
        payload = {
            "recipients": [_international(message.to)],
            "body": message.text,
            "sender": settings.KHIDMA_SMS_SENDER,
        }
        answer = _post(
            f"{settings.KHIDMA_SMS_URL or 'https://api.taqnyat.sa'}/v1/messages",
            data=json.dumps(payload).encode(),
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {settings.KHIDMA_SMS_API_KEY}",
            },
        )
        status = int(answer.get("statusCode", 201))
        if status >= 400:
            raise PermanentError(f"Taqnyat {status}: {answer.get('message')}")
        return str(answer.get("messageId") or "")


class WhatsAppCloudBackend:
    """Text and image messages through the Graph API; outside the 24-hour window the caller sends a
    template. An image is first uploaded (``POST /{phone-number-id}/media``), then sent by its media id,
    so the photo never needs a public address of its own."""

    def _base(self) -> str:
        return f"{settings.KHIDMA_WHATSAPP_GRAPH_URL}/{settings.KHIDMA_WHATSAPP_PHONE_NUMBER_ID}"

    def _upload(self, message: Outgoing) -> str:
        boundary = uuid.uuid4().hex
        extension = {"image/png": "png", "image/webp": "webp"}.get(message.media_type, "jpg")
        parts = [
            f'--{boundary}\r\nContent-Disposition: form-data; name="messaging_product"\r\n\r\nwhatsapp\r\n',
            f'--{boundary}\r\nContent-Disposition: form-data; name="type"\r\n\r\n{message.media_type}\r\n',
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.{extension}"\r\n'
            f"Content-Type: {message.media_type}\r\n\r\n",
        ]
        body = "".join(parts).encode() + (message.media or b"") + f"\r\n--{boundary}--\r\n".encode()
        try:
            answer = _post(
                f"{self._base()}/media",
                data=body,
                headers={
                    "Content-Type": f"multipart/form-data; boundary={boundary}",
                    "Authorization": f"Bearer {settings.KHIDMA_WHATSAPP_TOKEN}",
                },
            )
        except UncertainError as exc:
            # Nothing reached the person yet: an upload without an answer is simply tried again.
            raise TransientError(str(exc)) from exc
        media_id = str(answer.get("id") or "")
        if not media_id:
            raise TransientError(f"no media id in the upload's answer: {str(answer)[:200]}")
        return media_id

    def send(self, message: Outgoing) -> str:
        payload: dict = {"messaging_product": "whatsapp", "to": _international(message.to)}
        media_id = self._upload(message) if message.media is not None else None
        if message.template.startswith("wa_template:"):
            name = message.template.split(":", 1)[1]
            components: list[dict] = [
                {"type": "body", "parameters": [{"type": "text", "text": message.text}]}
            ]
            if media_id:
                components.insert(
                    0, {"type": "header", "parameters": [{"type": "image", "image": {"id": media_id}}]}
                )
            payload |= {
                "type": "template",
                "template": {"name": name, "language": {"code": message.language}, "components": components},
            }
        elif media_id:
            payload |= {"type": "image", "image": {"id": media_id, "caption": message.text}}
        else:
            payload |= {"type": "text", "text": {"body": message.text, "preview_url": True}}
        answer = _post(
            f"{self._base()}/messages",
            data=json.dumps(payload).encode(),
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {settings.KHIDMA_WHATSAPP_TOKEN}",
            },
        )
        messages = answer.get("messages") or [{}]
        return str(messages[0].get("id", ""))


class EmailBackend:
    """Django's configured email backend (console by default)."""

    def send(self, message: Outgoing) -> str:
        email = EmailMultiAlternatives(
            # The subject comes from the message's template (cases.messages.render_subject); never from its
            # text, whose line breaks would be a header injection.
            subject=message.subject or "Khidma",
            body=message.text,
            to=[message.to],
            from_email=settings.DEFAULT_FROM_EMAIL,
        )
        if message.html:
            email.attach_alternative(message.html, "text/html")
        try:
            email.send()
        except OSError as exc:
            raise TransientError(str(exc)) from exc
        return f"email-{uuid.uuid4().hex[:12]}"


_SMS = {
    "console": ConsoleBackend,
    "file": FileBackend,
    "unifonic": UnifonicBackend,
    "msegat": MsegatBackend,
    "taqnyat": TaqnyatBackend,
}
_WHATSAPP = {"console": ConsoleBackend, "file": FileBackend, "cloud": WhatsAppCloudBackend}
_EMAIL = {"console": EmailBackend, "file": FileBackend, "smtp": EmailBackend}


def backend_for(channel: str) -> Backend:
    if channel == "sms":
        return _SMS[settings.KHIDMA_SMS_BACKEND]()
    if channel == "whatsapp":
        return _WHATSAPP[settings.KHIDMA_WHATSAPP_BACKEND]()
    return _EMAIL[settings.KHIDMA_EMAIL_BACKEND]()
