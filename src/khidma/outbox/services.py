"""Queueing and delivering outgoing messages."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils.html import escape
from django_tasks import task

from khidma.core import clock
from khidma.core.db import commit_without_waiting
from khidma.outbox.backends import Outgoing, PermanentError, TransientError, UncertainError, backend_for
from khidma.outbox.models import (
    TRANSLATION_SLOT,
    ContactWindow,
    MessageStatus,
    OutboundChannel,
    OutboundMessage,
)
from khidma.translation.services import (
    TranslationRefused,
    TranslationUnavailable,
    translate,
    translation_refresh_languages,
)

logger = logging.getLogger("khidma.outbox")

MAX_ATTEMPTS = 8


def backoff(attempts: int) -> datetime.timedelta:
    """30 s, 1 min, 2 min, … capped at an hour: a gateway that is down gets time to come back."""
    return datetime.timedelta(seconds=min(30 * 2 ** max(attempts - 1, 0), 3600))


@dataclass
class DeliveryResult:
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    uncertain: int = 0
    # Due when read, but claimed by another worker (or changed) before this one could.
    skipped: int = 0


@dataclass
class TranslationResult:
    released: int = 0
    waiting: int = 0
    failed: int = 0


def outbox_translate_due(
    *, now: datetime.datetime | None = None, message_ids: list[int] | None = None, limit: int = 100
) -> TranslationResult:
    """Fill in the translation of messages that wait for one and hand them to delivery. The translation
    server is called outside any transaction; a server that is down or slow leaves the message waiting,
    tried again after 30 s, 1 min, 2 min, … up to an hour, for as long as it takes (nothing is sent in the
    wrong language meanwhile); a pair the server refuses fails the message, which staff see on the case."""
    now = now or clock.now()
    result = TranslationResult()
    due = OutboundMessage.objects.filter(status=MessageStatus.TRANSLATING, next_attempt_at__lte=now)
    if message_ids is not None:
        due = due.filter(pk__in=message_ids)
    waiting = list(due.order_by("next_attempt_at", "pk")[:limit])
    if waiting:
        translation_refresh_languages()
    unavailable: set[tuple[str, str]] = set()
    for message in waiting:
        wanted = message.translate
        pair = (wanted.get("source", ""), message.language)
        translated, error, give_up = None, "", False
        if pair in unavailable:
            error = "translation server unavailable"
        else:
            try:
                translated = translate(text=wanted.get("text", ""), source=pair[0], target=pair[1])
            except TranslationUnavailable as exc:
                error = str(exc)
                unavailable.add(pair)  # one answer is enough: do not wait on a slow server per message
            except TranslationRefused as exc:
                error, give_up = str(exc), True
        with transaction.atomic():
            current = (
                OutboundMessage.objects.select_for_update()
                .filter(pk=message.pk, status=MessageStatus.TRANSLATING)
                .first()
            )
            if current is None:  # another worker finished it meanwhile
                continue
            tries = int(current.translate.get("tries", 0)) + 1
            if translated is not None:
                _fill_slot(current, translated)
                current.translate = {**current.translate, "translation": translated, "tries": tries}
                current.status = MessageStatus.QUEUED
                current.next_attempt_at = clock.now()
                current.last_error = ""
                result.released += 1
            elif give_up:
                current.translate = {**current.translate, "tries": tries}
                current.status = MessageStatus.FAILED
                current.next_attempt_at = None
                current.last_error = f"translation refused: {error}"[:1000]
                result.failed += 1
            else:
                current.translate = {**current.translate, "tries": tries}
                current.next_attempt_at = now + backoff(tries)
                current.last_error = f"translation: {error}"[:1000]
                result.waiting += 1
            current.save(
                update_fields=[
                    "text",
                    "subject",
                    "html",
                    "translate",
                    "status",
                    "next_attempt_at",
                    "last_error",
                ]
            )
    return result


def _fill_slot(message: OutboundMessage, translated: str) -> None:
    message.text = message.text.replace(TRANSLATION_SLOT, translated)
    if message.html:
        message.html = message.html.replace(TRANSLATION_SLOT, escape(translated))
    # Subjects are fixed sentences with the reference only (cases/messages.py): no slot to fill there.


@task()
def outbox_translate_task(message_ids: list[int]) -> None:
    """Enqueued when a message that needs a translation is written: translate it at once if the server
    answers; otherwise the worker's periodic pass tries again."""
    outbox_translate_due(message_ids=message_ids)


def outbox_translate_later(message: OutboundMessage) -> None:
    """Ask for a waiting message's translation once the current transaction commits (never inside it:
    the server may take seconds, and the action that wrote the message must not wait for it)."""
    transaction.on_commit(lambda: outbox_translate_task.enqueue(message_ids=[message.pk]))


def _due(now: datetime.datetime, limit: int) -> list[OutboundMessage]:
    """The messages due now, oldest first, read in one query (not locked: each is claimed on its own)."""
    return list(
        OutboundMessage.objects.filter(status=MessageStatus.QUEUED, next_attempt_at__lte=now)
        .select_related("case", "attachment")
        .order_by("next_attempt_at", "pk")[:limit]
    )


def _claim(message: OutboundMessage, now: datetime.datetime) -> bool:
    """Mark one message as being sent, committed before the provider is called. A conditional update: when
    another worker claimed it first (or it changed since it was read), nothing changes and it is skipped."""
    claimed = OutboundMessage.objects.filter(
        pk=message.pk, status=MessageStatus.QUEUED, next_attempt_at__lte=now
    ).update(status=MessageStatus.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    if not claimed:
        return False
    message.status = MessageStatus.SENDING
    message.claimed_at = now
    message.attempts += 1
    return True


def _release_stale(now: datetime.datetime) -> int:
    """Messages a worker claimed but never finished (it crashed mid-send) are marked uncertain, not resent."""
    lease = datetime.timedelta(seconds=settings.KHIDMA_OUTBOX_LEASE_SECONDS)
    return OutboundMessage.objects.filter(status=MessageStatus.SENDING, claimed_at__lt=now - lease).update(
        status=MessageStatus.UNCERTAIN, next_attempt_at=None, last_error="worker stopped while sending"
    )


def outbox_deliver_due(*, now: datetime.datetime | None = None, limit: int = 200) -> DeliveryResult:
    """Send what is due, one message at a time: each is claimed and committed before the provider is called
    and its outcome recorded right after, so a crash can only ever leave one message in doubt. The due
    messages are read together; several workers may read the same ones, and the claim decides who sends."""
    now = now or clock.now()
    result = DeliveryResult(uncertain=_release_stale(now))
    for message in _due(now, limit):
        if not _claim(message, now):
            result.skipped += 1
            continue
        try:
            outgoing = Outgoing(
                channel=message.channel,
                to=message.recipient,
                language=message.language,
                text=message.text,
                template=_template_for(message, now),
                case_reference=message.case.reference if message.case_id else None,
                subject=message.subject,
                html=message.html,
                **_media(message),
            )
            provider_id = backend_for(message.channel).send(outgoing)
        except TransientError as exc:
            give_up = message.attempts >= MAX_ATTEMPTS
            message.status = MessageStatus.FAILED if give_up else MessageStatus.QUEUED
            message.next_attempt_at = None if give_up else now + backoff(message.attempts)
            message.last_error = str(exc)[:1000]
            result.failed += give_up
            result.retrying += not give_up
            logger.warning("message %s: %s (attempt %s)", message.pk, exc, message.attempts)
        except UncertainError as exc:
            message.status = MessageStatus.UNCERTAIN
            message.next_attempt_at = None
            message.last_error = str(exc)[:1000]
            result.uncertain += 1
        except PermanentError as exc:
            message.status = MessageStatus.FAILED
            message.next_attempt_at = None
            message.last_error = str(exc)[:1000]
            result.failed += 1
        except Exception as exc:
            # A fault of this one message (a header the mail library refuses, a backend bug): it is recorded
            # as failed, not left "sending" to turn uncertain, and the rest of the batch still goes out.
            # Not retried: the same message would fail the same way.
            logger.exception("message %s could not be sent", message.pk)
            message.status = MessageStatus.FAILED
            message.next_attempt_at = None
            message.last_error = f"{type(exc).__name__}: {exc}"[:1000]
            result.failed += 1
        else:
            message.status = MessageStatus.SENT
            message.provider_message_id = provider_id
            message.sent_at = clock.now()
            message.next_attempt_at = None
            message.last_error = ""
            result.sent += 1
        with transaction.atomic():
            # The outcome may reach the disk a moment later (PostgreSQL): lost in a database crash, the
            # message stays "sending" and turns uncertain, never sent twice; the claim waits for the disk.
            commit_without_waiting()
            message.save(
                update_fields=["status", "next_attempt_at", "last_error", "provider_message_id", "sent_at"]
            )
    return result


WHATSAPP_WINDOW = datetime.timedelta(hours=24)


def _template_for(message: OutboundMessage, now: datetime.datetime) -> str:
    """Outside WhatsApp's 24-hour customer-service window a free-form text would be refused: send it as the
    approved template (KHIDMA_WHATSAPP_TEMPLATE) with our text as its body parameter. A photo goes outside
    the window only as KHIDMA_WHATSAPP_PHOTO_TEMPLATE (an image header), when one is configured."""
    if message.channel != OutboundChannel.WHATSAPP:
        return message.template
    window = ContactWindow.objects.filter(channel=message.channel, address=message.recipient).first()
    if window is not None and now - window.last_inbound_at < WHATSAPP_WINDOW:
        return message.template
    if message.attachment_id is not None:
        if not settings.KHIDMA_WHATSAPP_PHOTO_TEMPLATE:
            raise PermanentError(
                "photos go only within 24 hours of the person's last message "
                "(or set KHIDMA_WHATSAPP_PHOTO_TEMPLATE)"
            )
        return f"wa_template:{settings.KHIDMA_WHATSAPP_PHOTO_TEMPLATE}"
    return f"wa_template:{settings.KHIDMA_WHATSAPP_TEMPLATE}"


def _media(message: OutboundMessage) -> dict:
    """The photo's bytes for a message that carries one (stored without metadata: cases/attachments.py)."""
    if message.attachment_id is None:
        return {}
    item = message.attachment
    try:
        with item.file.open("rb") as handle:
            content = handle.read()
    except OSError as exc:
        raise PermanentError(f"the photo's file cannot be read: {exc}") from exc
    return {"media": content, "media_type": item.content_type}


def outbox_note_inbound(*, channel: str, address: str, at: datetime.datetime) -> None:
    """Someone wrote to us: their reply window opens (or stays open) from now."""
    ContactWindow.objects.update_or_create(channel=channel, address=address, defaults={"last_inbound_at": at})


_RECEIPT_STATUS = {
    "delivered": MessageStatus.DELIVERED,
    "read": MessageStatus.DELIVERED,
    "sent": MessageStatus.SENT,
    "failed": MessageStatus.FAILED,
    "undelivered": MessageStatus.FAILED,
}


def outbox_record_receipt(*, provider_message_id: str, status: str, error: str = "") -> bool:
    """A provider's delivery receipt. Returns False for an id we never sent (receipts can arrive twice)."""
    new_status = _RECEIPT_STATUS.get(status.lower())
    if new_status is None or not provider_message_id:
        return False
    fields: dict = {"status": new_status}
    if new_status == MessageStatus.DELIVERED:
        fields["delivered_at"] = clock.now()
    if error:
        fields["last_error"] = error[:1000]
    # Never move a delivered message back to "sent" when receipts arrive out of order.
    updated = (
        OutboundMessage.objects.filter(provider_message_id=provider_message_id)
        .exclude(status=MessageStatus.DELIVERED)
        .update(**fields)
    )
    return updated > 0


def sms_segments(text: str) -> tuple[str, int]:
    """The encoding an SMS needs and how many parts it is sent in (what the gateway bills)."""
    gsm = set(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
        "¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~]|€"
    )
    if all(ch in gsm for ch in text):
        single, part = 160, 153
        encoding = "gsm7"
    else:
        single, part = 70, 67
        encoding = "ucs2"
    length = len(text.encode("utf-16-le")) // 2 if encoding == "ucs2" else len(text)
    return encoding, 1 if length <= single else -(-length // part)
