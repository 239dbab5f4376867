"""Turning program rows into the API's shapes (``schemas.py``), as the reader may see them: contact details
masked and no case named that the reader may not see (``programs.access``)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from khidma.accounts.models import User
from khidma.core.masking import mask_identifier
from khidma.core.phones import mask_phone
from khidma.programs import access, audit
from khidma.programs.applications.checklist import Checklist, checklist_for
from khidma.programs.applications.selectors import earliest_decision_at
from khidma.programs.committees.selectors import quorum_of
from khidma.programs.models import (
    Application,
    ApplicationDocument,
    Authorization,
    Committee,
    Meeting,
    Person,
    ProgramEvent,
    Recommendation,
    Team,
    UnitStop,
    Visit,
    WalkIn,
)
from khidma.programs.proxies.selectors import authorization_is_valid
from khidma.programs.schedules import DAY_KEYS
from khidma.programs.units.selectors import WEEK, Volume


def _event_data(data: dict, user: User, visible: set[str]) -> dict:
    """An audit row's data as this reader may see it: the authorization document masked for roles that do
    not see contact details, and no reference of a case the reader may not see."""
    shown = dict(data)
    if "document" in shown and not access.can_see_contact(user):
        shown["document"] = mask_identifier(str(shown["document"]))
    if "case" in shown and shown["case"] not in visible:
        shown["case"] = None
    return shown


def events(subject: str, obj: Any, user: User) -> list[dict]:
    rows: list[ProgramEvent] = list(audit.events_for(subject, obj))
    visible = access.visible_references(
        user, {e.data["case"] for e in rows if isinstance(e.data.get("case"), str)}
    )
    return [
        {
            "kind": e.kind,
            "label": audit.event_label(e.kind),
            "at": e.created_at,
            "actor": e.actor.username if e.actor else None,
            "note": e.note,
            "data": _event_data(e.data, user, visible),
        }
        for e in rows
    ]


# --- Home visits ------------------------------------------------------------------------------------------


def team(item: Team) -> dict:
    return {"id": item.pk, "name": item.name, "is_active": item.is_active}


def visit(item: Visit) -> dict:
    return {
        "id": item.pk,
        "case": item.case.reference,
        "reason": item.reason,
        "reason_note": item.reason_note,
        "status": item.status,
        "team": team(item.team) if item.team_id else None,
        "starts_at": item.starts_at,
        "ends_at": item.ends_at,
        "work_done": item.work_done,
        "documents_collected": item.documents_collected,
        "completed_at": item.completed_at,
    }


def visit_detail(item: Visit, user: User) -> dict:
    return {**visit(item), "events": events("visit", item, user)}


# --- Proxy services ---------------------------------------------------------------------------------------


def authorization(item: Authorization, user: User) -> dict:
    contact = access.can_see_contact(user)
    return {
        "id": item.pk,
        "principal_name": item.principal_name,
        "principal_phone": item.principal_phone if contact else mask_phone(item.principal_phone),
        "relationship": item.relationship,
        "document_reference": (
            item.document_reference if contact else mask_identifier(item.document_reference)
        ),
        "expires_on": item.expires_on,
        "valid": authorization_is_valid(item),
        "proxy": item.proxy.username,
        "events": events("authorization", item, user),
    }


# --- Association requests and committees ------------------------------------------------------------------


def request_type(item) -> dict:
    return {
        "id": item.pk,
        "code": item.code,
        "names": item.names,
        "required_documents": item.required_documents,
        "min_decision_days": item.min_decision_days,
        "max_decision_days": item.max_decision_days,
        "is_active": item.is_active,
    }


def application(item: Application, checklist: Checklist) -> dict:
    return {
        "id": item.pk,
        "case": item.case.reference,
        "request_type": item.request_type.code,
        "person": item.person_id,
        "status": item.status,
        "declaration": {"at": item.declared_at, "channel": item.declaration_channel},
        "submitted_at": item.submitted_at,
        "earliest_decision_at": earliest_decision_at(item),
        "decision_due_at": item.decision_due_at,
        "documents": item.documents,
        "missing_documents": item.missing_documents,
        "research": item.research,
        "recommendation": item.recommendation,
        "researcher": item.researcher.username if item.researcher_id else None,
        "meeting": item.meeting_id,
        "decision_reasons": item.decision_reasons,
        "decided_at": item.decided_at,
        "registration_number": item.registration_number,
        "registered_at": item.registered_at,
        "delivered_at": item.delivered_at,
        "checklist": [
            {"item": code, "label": checklist.label(code), "given": code in item.documents}
            for code in item.request_type.required_documents
        ],
    }


def application_file(item: ApplicationDocument, checklist: Checklist, request: HttpRequest) -> dict:
    path = f"/api/v1/programs/applications/{item.application_id}/files/{item.pk}"
    return {
        "id": item.pk,
        "item": item.item,
        "item_label": checklist.label(item.item) if item.item else "",
        "content_type": item.content_type,
        "size": item.size,
        "uploaded_at": item.uploaded_at,
        "uploaded_by": item.uploaded_by.username if item.uploaded_by_id else None,
        "url": request.build_absolute_uri(path),
    }


def application_detail(item: Application, user: User, request: HttpRequest) -> dict:
    checklist = checklist_for(item.organization_id)
    return {
        **application(item, checklist),
        "files": [application_file(f, checklist, request) for f in item.files.select_related("uploaded_by")],
        "events": events("application", item, user),
    }


def committee(item: Committee) -> dict:
    return {"id": item.pk, "name": item.name, "quorum": item.quorum, "is_active": item.is_active}


def checklist_items(checklist: Checklist) -> list[dict]:
    return [
        {"code": code, "label": checklist.label(code), "names": names}
        for code, names in sorted(checklist.names.items())
    ]


def meeting(item: Meeting, agenda: list[Application]) -> dict:
    """The meeting with the part of its agenda the reader may see, and each member's vote on it."""
    votes = list(item.votes.select_related("member"))
    quorum = quorum_of(item)

    def ballots(application: Application) -> list[dict]:
        return [
            {
                "member": v.member.username,
                "name": v.member.get_full_name() or v.member.username,
                "vote": v.vote,
                "label": str(Recommendation(v.vote).label),
            }
            for v in votes
            if v.application_id == application.pk
        ]

    return {
        "id": item.pk,
        "title": item.title,
        "committee": committee(item.committee) if item.committee_id else None,
        "quorum": quorum,
        "held_at": item.held_at,
        "status": item.status,
        "minutes": item.minutes,
        "agenda": [
            {
                "application": a.pk,
                "case": a.case.reference,
                "status": a.status,
                "recommendation": a.recommendation,
                "earliest_decision_at": earliest_decision_at(a),
                "votes": {v.member.username: v.vote for v in votes if v.application_id == a.pk},
                "ballots": ballots(a),
                "quorum_met": len({v.member_id for v in votes if v.application_id == a.pk}) >= quorum,
            }
            for a in agenda
        ],
    }


# --- People -----------------------------------------------------------------------------------------------


def person(item: Person, user: User) -> dict:
    phone = item.phone if access.can_see_person_contact(user) else mask_phone(item.phone)
    return {"id": item.pk, "name": item.name, "phone": phone, "roles": item.roles}


# --- Mobile units, counters and walk-ins ------------------------------------------------------------------


def stop(item: UnitStop) -> dict:
    return {
        "id": item.pk,
        "unit": item.unit.code,
        "place_names": item.place_names,
        "lat": item.lat,
        "lon": item.lon,
        "weekdays": item.weekdays,
        "date": item.date,
        "starts": item.starts.strftime("%H:%M"),
        "ends": item.ends.strftime("%H:%M"),
        "valid_from": item.valid_from,
        "valid_until": item.valid_until,
        "is_active": item.is_active,
    }


def walkin(item: WalkIn) -> dict:
    return {
        "id": item.pk,
        "service_point": item.service_point.code,
        "service": item.service,
        "category": item.category.code if item.category_id else None,
        "language": item.language,
        "case": item.case.reference if item.case_id else None,
        "at": item.at,
        "out_of_hours": item.out_of_hours,
        "note": item.note,
        "recorded_by": item.recorded_by.username,
    }


def volume(result: Volume) -> dict:
    return {
        "start": result.start,
        "end": result.end,
        "walk_ins": result.walk_ins,
        "cases": result.cases,
        "total": result.total,
        "hour_totals": result.hour_totals,
        "points": [
            {
                "code": p.point.code,
                "kind": p.point.kind,
                "walk_ins": p.walk_ins,
                "cases": p.cases,
                "total": p.total,
                "by_hour": p.by_hour,
            }
            for p in result.points
        ],
        "by_weekday": [
            {"weekday": DAY_KEYS[iso - 1], "by_hour": row, "total": total}
            for iso, row, total in zip(WEEK, result.by_weekday, result.weekday_totals, strict=True)
        ],
    }
