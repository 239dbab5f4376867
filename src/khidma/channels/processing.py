"""Processing of stored incoming messages: by a task right after the webhook answers, and by the worker's
periodic pass for anything a lost task left behind. A message is processed once."""

from __future__ import annotations

import datetime
import logging

from django.db.models import Q
from django_tasks import task

from khidma.cases import triage
from khidma.cases.intake import IntakeRequest, Reporter
from khidma.cases.services import case_create
from khidma.channels.conversation import process_whatsapp
from khidma.channels.models import InboundMessage
from khidma.channels.replies import handle_command
from khidma.core import clock
from khidma.core.errors import DomainError

logger = logging.getLogger("khidma.channels")


def process_sms(inbound: InboundMessage) -> None:
    org = inbound.organization
    text = inbound.payload.get("text", "")
    language = triage.language_of(text, org.default_language)
    if handle_command(org, channel="sms", sender=inbound.sender, text=text, language=language):
        return
    # One text is one report; it is triaged like any other, and the reference goes back by SMS.
    try:
        case_create(
            request=IntakeRequest(
                organization=org,
                description=text,
                channel="sms",
                language=language,
                idempotency_key=f"sms:{inbound.message_id}",
                reporter=Reporter(phone=inbound.sender),
            )
        )
    except DomainError as exc:
        logger.warning("SMS %s did not make a case: %s", inbound.message_id, exc)


# A message claimed by a worker that died before it finished is taken up again after this long. Taking it up
# twice is safe: the case it makes carries the message id as its idempotency key.
CLAIM_LEASE = datetime.timedelta(minutes=10)


def process_inbound(inbound_id: int) -> None:
    """Process one stored message, once.

    The message is claimed by a conditional UPDATE (its own short statement), and processed with no
    transaction open around the work: triage (language and category models), fetching a WhatsApp photo and
    storing files take seconds, and on SQLite an open write transaction would hold the database's one write
    lock all that time, so receipts, webhooks and public reports would wait or fail with "database is
    locked". Each write inside is its own short transaction (case_create, the conversation's saves)."""
    now = clock.now()
    claimed = (
        InboundMessage.objects.filter(pk=inbound_id, processed_at__isnull=True)
        .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_LEASE))
        .update(claimed_at=now)
    )
    if not claimed:
        return
    inbound = InboundMessage.objects.select_related("organization").get(pk=inbound_id)
    error = ""
    try:
        if inbound.provider == "whatsapp":
            process_whatsapp(inbound)
        else:
            process_sms(inbound)
    except Exception as exc:
        # Recorded and not retried: a message that breaks processing would break it again.
        logger.exception("incoming message %s failed", inbound.pk)
        error = f"{type(exc).__name__}: {exc}"[:2000]
    InboundMessage.objects.filter(pk=inbound.pk).update(processed_at=clock.now(), error=error)


@task()
def process_inbound_task(inbound_id: int) -> None:
    process_inbound(inbound_id)


def process_pending(*, older_than: datetime.timedelta = datetime.timedelta(seconds=30)) -> int:
    """Messages whose task never ran (a worker restart between commit and enqueue), or whose worker died
    while processing them."""
    now = clock.now()
    ids = list(
        InboundMessage.objects.filter(processed_at__isnull=True, received_at__lte=now - older_than)
        .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_LEASE))
        .order_by("received_at")
        .values_list("pk", flat=True)[:500]
    )
    for inbound_id in ids:
        process_inbound(inbound_id)
    return len(ids)
