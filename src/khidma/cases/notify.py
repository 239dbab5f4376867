"""Who hears what when a case changes: the rows written here, in the caller's transaction, are the outbox
that the worker delivers (khidma.outbox)."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings

from khidma.accounts.models import Role, User
from khidma.cases import limits
from khidma.cases.messages import render, render_html, render_subject
from khidma.cases.models import Attachment, Case, CaseEvent, Channel
from khidma.cases.tracking import tracking_url
from khidma.cases.wording import Wording
from khidma.core import clock
from khidma.outbox.models import (
    TRANSLATION_SLOT,
    HeldReason,
    MessageStatus,
    OutboundChannel,
    OutboundMessage,
)
from khidma.outbox.services import outbox_translate_later

# Messages that are never held back by the daily limit: the reporter must get their number and the code,
# and the after-photo goes with the fix it shows.
_ESSENTIAL = frozenset({"received", "resolved", "fix_photo"})
# Channels where the person who reports types a phone number nobody has checked: with
# KHIDMA_PHONE_VERIFICATION_REQUIRED, no SMS goes to such a number until it is confirmed by a code.
_SELF_SERVICE = frozenset({Channel.WEB, Channel.MOBILE_APP, Channel.OPEN311})
# At most this many after-photos go into the chat with a fix; the tracking page shows them all.
PHOTOS_PER_FIX = 3


def staff_url(case: Case) -> str:
    """The case's page in the back office: what staff messages link to (never the public tracking page)."""
    return f"{settings.KHIDMA_PUBLIC_BASE_URL}/staff/cases/{case.reference}/"


def reporter_address(case: Case) -> tuple[str, str] | None:
    """The channel and address to reach the reporter on: the channel they used when it can answer back."""
    if case.reporter_phone:
        if case.channel == Channel.WHATSAPP:
            return OutboundChannel.WHATSAPP, case.reporter_phone
        return OutboundChannel.SMS, case.reporter_phone
    if case.reporter_email:
        return OutboundChannel.EMAIL, case.reporter_email
    return None


def _latest_event(case: Case) -> CaseEvent | None:
    return case.events.order_by("-id").first()


def _words(case: Case, placeholders: dict[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
    """Placeholders as text in the reporter's language. Staff's words (a ``Wording``) that must first be
    machine translated leave a slot in the text, and what to translate (outbox ``translate``)."""
    values: dict[str, str] = {}
    translate: dict[str, str] = {}
    for key, value in placeholders.items():
        if isinstance(value, Wording):
            said = value.for_reader(case.language)
            if said.translate:
                values[key] = TRANSLATION_SLOT
                translate = {"text": said.text, "source": said.language}
            else:
                values[key] = said.text
        else:
            values[key] = value
    return values, translate


def to_reporter(
    case: Case,
    template: str,
    *,
    event: CaseEvent | None = None,
    attachment: Attachment | None = None,
    new_event: bool = False,
    **placeholders: Any,
) -> OutboundMessage | None:
    """The reporter's message about ``event`` in the case's language. Staff's words come as a ``Wording``:
    a text in the reporter's language goes as it is; one that needs a translation waits in the outbox
    (TRANSLATING) until the worker fills it in."""
    address = reporter_address(case)
    if address is None:
        return None
    channel, recipient = address
    event = event or _latest_event(case)
    values, translate = _words(case, placeholders)
    text = render(template.split(":")[0], case.language, ref=case.reference, url=tracking_url(case), **values)
    now = clock.now()
    held = _held_reason(case, template.split(":")[0], channel, recipient, event, now=now)
    status = MessageStatus.QUEUED
    if held:
        status = MessageStatus.SUPPRESSED
    elif translate:
        status = MessageStatus.TRANSLATING
    unique = {"event": event, "channel": channel, "recipient": recipient, "template": template}
    values = {
        "organization_id": case.organization_id,
        "case": case,
        "language": case.language,
        "text": text,
        "subject": render_subject(template.split(":")[0], case.language, ref=case.reference)
        if channel == OutboundChannel.EMAIL
        else "",
        "html": render_html(text, case.language) if channel == OutboundChannel.EMAIL else "",
        "attachment": attachment,
        "translate": translate,
        "status": status,
        "held_reason": held,
        "next_attempt_at": now if status in (MessageStatus.QUEUED, MessageStatus.TRANSLATING) else None,
        "created_at": now,
    }
    if new_event:
        # The event was written a moment ago in this transaction: no message of it can exist yet, and every
        # new report would otherwise pay a look-up for nothing.
        message, created = OutboundMessage.objects.create(**unique, **values), True
    else:
        # A retried action may tell of the same event twice; its message is written once.
        message, created = OutboundMessage.objects.get_or_create(**unique, defaults=values)
    if created and status == MessageStatus.TRANSLATING:
        outbox_translate_later(message)
    return message


def _held_reason(
    case: Case,
    template: str,
    channel: str,
    recipient: str,
    event: CaseEvent | None,
    *,
    now: datetime.datetime,
) -> str:
    """Why this message must not go out (a ``HeldReason``), or "" to send it."""
    if (
        channel == OutboundChannel.SMS
        and settings.KHIDMA_PHONE_VERIFICATION_REQUIRED
        and not case.reporter_phone_verified
        and case.channel in _SELF_SERVICE
        and case.created_by_id is None
    ):
        return HeldReason.UNVERIFIED_PHONE
    if channel != OutboundChannel.WHATSAPP:  # a WhatsApp reporter wrote to us from that very number
        if template == "received" and not limits.received_message_allowed(recipient):
            return HeldReason.RECIPIENT_HOURLY_LIMIT
        # "received" is a case's first message: nothing of it can have been held yet (and every new report
        # would pay the look-up).
        automatic = template != "received" and event is not None and (event.data or {}).get("auto")
        if automatic and case.messages.filter(held_reason=HeldReason.RECIPIENT_HOURLY_LIMIT).exists():
            # The automatic duplicate link or referral at intake goes with the "received" it follows.
            return HeldReason.RECIPIENT_HOURLY_LIMIT
    if template not in _ESSENTIAL:
        sent_today = (
            OutboundMessage.objects.filter(case=case, created_at__gte=now - datetime.timedelta(days=1))
            .exclude(status=MessageStatus.SUPPRESSED)
            .count()
        )
        if sent_today >= settings.KHIDMA_MAX_MESSAGES_PER_CASE_PER_DAY:
            return HeldReason.CASE_DAILY_LIMIT
    return ""


def release_held(case: Case, reason: str) -> int:
    """Send the messages of ``case`` held back for ``reason`` after all (its phone was just confirmed). One
    that carries staff's words still to be translated goes to wait for its translation first."""
    held = OutboundMessage.objects.filter(case=case, status=MessageStatus.SUPPRESSED, held_reason=reason)
    untranslated = [
        m.pk
        for m in held.only("pk", "translate")
        if m.translate.get("text") and "translation" not in m.translate
    ]
    now = clock.now()
    waiting = held.filter(pk__in=untranslated).update(
        status=MessageStatus.TRANSLATING, held_reason="", next_attempt_at=now
    )
    return waiting + held.exclude(pk__in=untranslated).update(
        status=MessageStatus.QUEUED, held_reason="", next_attempt_at=now
    )


def after_photos(case: Case, event: CaseEvent) -> list[Attachment]:
    """The photos staff marked for the reporter since the case was last resolved: the after-photos of the
    fix that ``event`` records (attached in the same action, or while the work went on)."""
    earlier = (
        case.events.filter(kind=event.kind, created_at__lt=event.created_at).order_by("-created_at").first()
    )
    photos = case.attachments.filter(
        is_public=True, content_type__startswith="image/", uploaded_by__isnull=False
    )
    if earlier is not None:
        photos = photos.filter(created_at__gt=earlier.created_at)
    return list(photos.order_by("-created_at", "-id")[:PHOTOS_PER_FIX])[::-1]


def photos_to_reporter(case: Case, photos: list[Attachment], *, event: CaseEvent) -> int:
    """Send the after-photos into a WhatsApp reporter's chat (SMS cannot carry them; the tracking link in
    every message shows them)."""
    address = reporter_address(case)
    if address is None or address[0] != OutboundChannel.WHATSAPP:
        return 0
    for n, photo in enumerate(photos, start=1):
        to_reporter(case, "fix_photo" if n == 1 else f"fix_photo:{n}", event=event, attachment=photo)
    return len(photos)


def reply(
    case_or_org, *, channel: str, recipient: str, language: str, template: str, **placeholders: str
) -> OutboundMessage:
    """An answer to someone who wrote in (WhatsApp, SMS): not tied to a case event."""
    case = case_or_org if isinstance(case_or_org, Case) else None
    organization_id = case.organization_id if case else case_or_org.pk
    text = render(template, language, **placeholders)
    return OutboundMessage.objects.create(
        organization_id=organization_id,
        case=case,
        channel=channel,
        recipient=recipient,
        language=language,
        template=template,
        text=text,
    )


def to_staff(
    case: Case, template: str, users: list[User], *, event: CaseEvent | None, **placeholders: str
) -> int:
    """Email staff (those with an address); one message per person per event."""
    created = 0
    for user in users:
        if not user.email:
            continue
        language = user.language or "ar"
        text = render(template, language, ref=case.reference, url=staff_url(case), **placeholders)
        _message, made = OutboundMessage.objects.get_or_create(
            event=event,
            channel=OutboundChannel.EMAIL,
            recipient=user.email,
            template=template,
            defaults={
                "organization_id": case.organization_id,
                "case": case,
                "language": language,
                "text": text,
                "subject": render_subject(template, language, ref=case.reference),
                "html": render_html(text, language),
            },
        )
        created += made
    return created


def department_heads(case: Case) -> list[User]:
    if case.department_id is None:
        return []
    return list(
        User.objects.filter(
            organization_id=case.organization_id,
            role=Role.DEPARTMENT_HEAD,
            department_id=case.department_id,
            is_active=True,
        )
    )


def followup_and_supervisors(case: Case) -> list[User]:
    return list(
        User.objects.filter(
            organization_id=case.organization_id, role__in=[Role.FOLLOWUP, Role.SUPERVISOR], is_active=True
        )
    )


def staff_sla_alerts(*, since: datetime.datetime) -> int:
    """Email staff about at-risk and breached cases (the sweep writes the events in bulk; this turns them
    into messages). Idempotent: one message per person per event."""
    from khidma.cases.models import EventKind

    events = (
        CaseEvent.objects.filter(
            kind__in=[EventKind.SLA_AT_RISK, EventKind.SLA_BREACHED, EventKind.SLA_ESCALATED],
            created_at__gte=since,
        )
        .exclude(pk__in=OutboundMessage.objects.filter(event__isnull=False).values("event_id"))
        .select_related("case", "case__assignee")
    )
    created = 0
    for event in events:
        case = event.case
        due = case.resolution_due_at.isoformat(timespec="minutes") if case.resolution_due_at else ""
        if event.kind == EventKind.SLA_AT_RISK:
            people = [case.assignee] if case.assignee_id else []
            created += to_staff(case, "staff_at_risk", people + department_heads(case), event=event, due=due)
        else:
            created += to_staff(case, "staff_breached", followup_and_supervisors(case), event=event, due=due)
    return created
