"""Reporters' personal data: kept for a purpose, and no longer (the PDPL's purpose and retention limits).

After a case closes, its reporter's name, phone number and email, a proxy's principal and document, the
photos the reporter sent (attachments with no staff uploader) and the address the case's messages went to
are kept for ``Organization.personal_data_retention_days`` (default 365), then erased by the worker's sweep.
The case — its category, place, description, timeline and service-level figures — stays for statistics.

A reporter may also ask, through the organization's administrator, for a copy of what is kept about them
(an export) or for it to be erased at once. Each export and each erasure appends a CaseEvent (internal,
never public) naming who did it: the audit trail.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet

from khidma.accounts.models import User
from khidma.cases.models import Attachment, Case, EventKind
from khidma.cases.services import lock_case, record_event
from khidma.core import clock
from khidma.core.phones import normalize_phone
from khidma.organizations.models import Organization
from khidma.outbox.models import OutboundMessage

ERASED_FIELDS = (
    "reporter_name",
    "reporter_phone",
    "reporter_email",
    "principal_name",
    "principal_relationship",
    "authorization_document",
)


def case_erase_personal_data(*, case: Case, by: User | None, reason: str) -> bool:
    """Erase what identifies the case's reporter; False when there was nothing left to erase.

    ``reason`` is ``retention`` (the sweep) or ``request`` (the reporter asked). Files are deleted after the
    transaction commits, so a rolled-back erasure never loses a photo it did not erase."""
    with transaction.atomic():
        case = lock_case(case)
        if case.personal_data_erased_at is not None:
            return False
        erased = [name for name in ERASED_FIELDS if getattr(case, name)]
        photos = list(Attachment.objects.filter(case=case, uploaded_by__isnull=True))
        for name in ERASED_FIELDS:
            setattr(case, name, "")
        case.reporter_phone_verified = False
        case.personal_data_erased_at = clock.now()
        case.save(update_fields=[*ERASED_FIELDS, "reporter_phone_verified", "personal_data_erased_at"])
        # The messages keep their text (what the organization told the reporter) but not the address.
        messages = OutboundMessage.objects.filter(case=case).exclude(recipient="").update(recipient="")
        files = [photo.file.name for photo in photos]
        Attachment.objects.filter(pk__in=[photo.pk for photo in photos]).delete()
        record_event(
            case,
            EventKind.PERSONAL_DATA_ERASED,
            by=by,
            data={"reason": reason, "fields": erased, "photos": len(photos), "message_addresses": messages},
        )
        storage = Attachment._meta.get_field("file").storage
        transaction.on_commit(lambda: [storage.delete(name) for name in files if name])
    return True


def case_personal_data_sweep(*, now: datetime.datetime | None = None, limit: int = 500) -> int:
    """Erase the reporters' data of cases closed longer ago than their organization keeps it. The timer is
    the indexed ``closed_at`` of cases not yet erased (index ``case_personal_data_due``)."""
    now = now or clock.now()
    done = 0
    organizations = Organization.objects.filter(is_active=True).only("pk", "personal_data_retention_days")
    for organization in organizations:
        cutoff = now - datetime.timedelta(days=organization.personal_data_retention_days)
        due = Case.objects.filter(
            organization=organization, closed_at__lt=cutoff, personal_data_erased_at__isnull=True
        ).order_by("closed_at")[: limit - done]
        for case in due:
            # A case reopened since the query was made has no closed_at any more: it keeps its reporter.
            if Case.objects.filter(pk=case.pk, closed_at__lt=cutoff).exists():
                done += case_erase_personal_data(case=case, by=None, reason="retention")
        if done >= limit:
            break
    return done


def reporter_cases(*, organization: Organization, phone: str = "", email: str = "") -> QuerySet[Case]:
    """The organization's cases of the reporter with this phone number or email address."""
    match = Q(pk__in=[])
    if phone.strip():
        match |= Q(reporter_phone=normalize_phone(phone))
    if email.strip():
        match |= Q(reporter_email__iexact=email.strip())
    return Case.objects.filter(match, organization=organization).order_by("received_at", "pk")


def _case_export(case: Case) -> dict[str, Any]:
    return {
        "reference": case.reference,
        "received_at": case.received_at.isoformat(),
        "status": case.status,
        "category": case.category.code if case.category_id else None,
        "description": case.description,
        "address": case.address,
        "lat": case.lat,
        "lon": case.lon,
        "reporter": {
            "name": case.reporter_name,
            "phone": case.reporter_phone,
            "email": case.reporter_email,
        },
        "principal": {
            "name": case.principal_name,
            "relationship": case.principal_relationship,
            "document": case.authorization_document,
        }
        if case.is_proxy
        else None,
        "public_timeline": [
            {"at": event.created_at.isoformat(), "kind": event.kind, "note": event.note}
            for event in case.events.filter(is_public=True).order_by("created_at", "id")
        ],
        "photos": [
            {"id": photo.pk, "content_type": photo.content_type, "size": photo.size}
            for photo in case.attachments.filter(uploaded_by__isnull=True)
        ],
        "messages": [
            {"at": message.created_at.isoformat(), "channel": message.channel, "text": message.text}
            for message in OutboundMessage.objects.filter(case=case).order_by("created_at", "pk")
        ],
    }


def reporter_data_export(*, cases: QuerySet[Case] | list[Case], by: User | None) -> dict[str, Any]:
    """What the organization keeps about a reporter, as JSON-ready data; each case records the export."""
    cases = list(cases)
    with transaction.atomic():
        for case in cases:
            record_event(case, EventKind.PERSONAL_DATA_EXPORTED, by=by, data={"reason": "request"})
    return {"exported_at": clock.now().isoformat(), "cases": [_case_export(case) for case in cases]}


def reporter_data_erase(*, cases: QuerySet[Case] | list[Case], by: User | None) -> int:
    """Erase the reporter's data from each case at their request; returns how many cases changed."""
    return sum(case_erase_personal_data(case=case, by=by, reason="request") for case in cases)
