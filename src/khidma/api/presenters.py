"""Turning domain rows into API shapes, with personal data shown only to the roles allowed to see it."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from khidma.accounts.models import User
from khidma.cases import access, deadlines
from khidma.cases.models import Attachment, Case, CaseEvent, EventKind, IntakeSubmission, Status
from khidma.cases.wording import PublicNote, public_notes
from khidma.core.masking import mask_identifier
from khidma.core.phones import mask_phone
from khidma.organizations.models import CaseKind


def code_name(obj) -> dict | None:
    if obj is None:
        return None
    return {"code": obj.code, "name": obj.name_in()}


def timeline_item(event: CaseEvent, note: PublicNote | None = None) -> dict:
    """A public step; its words as the reader gets them (their language, or a machine translation)."""
    return {
        "at": event.created_at,
        "kind": event.kind,
        "label": str(EventKind(event.kind).label),
        "status": event.to_status or None,
        "note": note.text if note is not None and event.is_public else "",
    }


def public_report(case: Case, events: list[CaseEvent]) -> dict:
    language = (get_language() or case.language).split("-")[0]
    notes = public_notes(events, language=language, reporter_language=case.language)
    return {
        "reference": case.reference,
        "status": case.status,
        "status_label": str(Status(case.status).label),
        "kind": case.kind,
        "category": code_name(case.category),
        "department": code_name(case.department),
        "area": code_name(case.area),
        "received_at": case.received_at,
        "updated_at": case.updated_at,
        "expected_at": case.resolution_due_at if case.status not in deadlines.STOPPED else None,
        "timeline": [timeline_item(e, notes.get(e.pk)) for e in events],
    }


def received_report(submission: IntakeSubmission) -> dict:
    """A report accepted moments ago and still being triaged and routed: its number and "received"."""
    return {
        "reference": submission.reference,
        "status": "received",
        "status_label": str(_("Received")),
        "kind": submission.request.get("kind") or CaseKind.REPORT,
        "category": None,
        "department": None,
        "area": None,
        "received_at": submission.accepted_at,
        "updated_at": submission.accepted_at,
        "expected_at": None,
        "timeline": [],
    }


def staff_case(case: Case, user: User) -> dict:
    show_contact = access.can_see_contact(user)
    phone = (
        case.reporter_phone
        if show_contact
        else (mask_phone(case.reporter_phone) if case.reporter_phone else "")
    )
    return {
        "reference": case.reference,
        "status": case.status,
        "kind": case.kind,
        "priority": case.priority,
        "category": code_name(case.category),
        "department": code_name(case.department),
        "area": code_name(case.area),
        "service_point": code_name(case.service_point),
        "channel": case.channel,
        "language": case.language,
        "description": case.description,
        "address": case.address,
        "lat": case.lat,
        "lon": case.lon,
        "assignee": case.assignee.username if case.assignee_id else None,
        "reporter": {
            "name": case.reporter_name,
            "phone": phone,
            # The reporter proved the number is theirs with a code sent by SMS (the portal's optional step).
            "phone_verified": case.reporter_phone_verified,
            "email": case.reporter_email if show_contact else ("•••" if case.reporter_email else ""),
        },
        "womens_section": case.womens_section,
        "principal": (
            {
                "name": case.principal_name,
                "relationship": case.principal_relationship,
                # The authorization document is personal data like a phone number: masked the same way.
                "document": case.authorization_document
                if show_contact
                else mask_identifier(case.authorization_document),
            }
            if case.is_proxy
            else None
        ),
        "duplicate_of": case.duplicate_of.reference if case.duplicate_of_id else None,
        "referred_to": case.referred_to,
        "received_at": case.received_at,
        "created_at": case.created_at,
        "updated_at": case.updated_at,
        "resolved_at": case.resolved_at,
        "closed_at": case.closed_at,
        "sla": sla(case),
    }


def sla(case: Case) -> dict:
    status = deadlines.sla_status(case)

    def target(t: deadlines.Target) -> dict:
        return {"due_at": t.due_at, "done_at": t.done_at, "remaining_seconds": t.remaining_seconds}

    return {
        "policy": status.policy,
        "state": status.state,
        "first_response": target(status.first_response),
        "resolution": target(status.resolution),
        "escalation_level": status.escalation_level,
    }


def staff_event(event: CaseEvent) -> dict:
    return {
        "at": event.created_at,
        "kind": event.kind,
        "label": str(EventKind(event.kind).label),
        "actor": event.actor.username if event.actor_id else (event.actor_label or _("system")),
        "from_status": event.from_status,
        "to_status": event.to_status,
        "public": event.is_public,
        "note": event.note,
        "data": event.data,
    }


def attachment(item: Attachment, request: HttpRequest) -> dict:
    return {
        "id": item.pk,
        "content_type": item.content_type,
        "size": item.size,
        "public": item.is_public,
        "url": request.build_absolute_uri(f"/api/v1/cases/{item.case.reference}/attachments/{item.pk}"),
    }
