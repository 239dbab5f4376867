"""Rows in the shapes GeoReport v2 defines, as plain dicts (key order is the standard's element order).

Nothing about the reporter is ever read here: no name, phone, email, device or account id.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils.translation import gettext_lazy as _

from khidma.cases.models import Case, CaseEvent, EventKind, Status
from khidma.core.languages import pick_name
from khidma.open311 import dates
from khidma.open311.models import ServiceAttribute, ServiceDetail
from khidma.open311.selectors import ServiceRow, is_listed, open311_status
from khidma.organizations.models import CaseKind, Category

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
# When this interface last changed in a way clients may care about (discovery's changeset).
CHANGESET = datetime.datetime(2026, 11, 22, tzinfo=datetime.UTC)
FORMATS = ["text/xml", "application/json"]


def discovery(*, url: str, contact: str) -> dict[str, Any]:
    changeset = dates.iso(CHANGESET, datetime.UTC)
    return {
        "changeset": changeset,
        "contact": contact,
        "key_service": str(_("API keys are issued by the organization's administrators.")),
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": url,
                "changeset": changeset,
                "type": "production",
                "formats": FORMATS,
            }
        ],
    }


def service(row: ServiceRow) -> dict[str, Any]:
    category, detail = row.category, row.detail
    return {
        "service_code": category.code,
        "service_name": category.name_in(),
        "description": (detail.description_in() if detail else "") or None,
        "metadata": row.has_attributes,
        "type": "realtime",
        "keywords": (detail.keywords if detail else "") or None,
        "group": str(CaseKind(category.kind).label),
    }


def service_definition(category: Category, attributes: list[ServiceAttribute]) -> dict[str, Any]:
    return {"service_code": category.code, "attributes": [attribute(a) for a in attributes]}


def attribute(item: ServiceAttribute) -> dict[str, Any]:
    return {
        "variable": item.variable,
        "code": item.code,
        "datatype": item.datatype,
        "required": item.required,
        "datatype_description": item.datatype_description_in() or None,
        "order": item.order,
        "description": item.description_in() or item.code,
        "values": [
            {"key": str(v.get("key", "")), "name": _value_name(v)}
            for v in item.values or []
            if isinstance(v, dict)
        ],
    }


def _value_name(value: dict) -> str:
    names = value.get("names")
    if isinstance(names, dict):
        return pick_name(names) or str(value.get("key", ""))
    return str(value.get("name") or value.get("key", ""))


def service_notice(case: Case, detail: ServiceDetail | None = None) -> str | None:
    if detail is not None and detail.notice_in():
        return detail.notice_in()
    if case.department_id:
        return str(_("Sent to %(department)s.") % {"department": case.department.name_in()})
    return None


def request(
    case: Case, *, tz: datetime.tzinfo, details: dict[int, ServiceDetail], extensions: bool = False
) -> dict[str, Any]:
    listed = is_listed(case)
    submission = getattr(case, "open311_submission", None) if listed else None
    category = case.category
    body: dict[str, Any] = {
        "service_request_id": case.reference,
        "status": open311_status(case.status),
        # A private case's notes are for its reporter alone (cases/privacy.py), never for a partner system.
        "status_notes": (getattr(case, "o311_status_notes", None) or None) if listed else None,
        "service_name": category.name_in() if category else None,
        "service_code": category.code if category else None,
        "description": case.description if listed else None,
        "agency_responsible": case.department.name_in() if case.department_id else None,
        "service_notice": service_notice(case, details.get(case.category_id or 0)),
        "requested_datetime": dates.iso(case.received_at, tz),
        "updated_datetime": dates.iso(case.updated_at, tz),
        # The SLA work adds resolution_due_at to Case; until then there is no promise to show.
        "expected_datetime": dates.iso(getattr(case, "resolution_due_at", None), tz),
        "address": (case.address or None) if listed else None,
        "address_id": (submission.address_id or None) if submission else None,
        "zipcode": None,
        "lat": case.lat if listed else None,
        "long": case.lon if listed else None,
        "media_url": (submission.media_url or None) if submission else None,
    }
    if extensions:
        body["extended_attributes"] = extended_attributes(case, tz=tz, listed=listed, submission=submission)
    return body


def extended_attributes(case: Case, *, tz: datetime.tzinfo, listed: bool, submission) -> dict[str, Any]:
    answers = submission.attributes if (listed and submission is not None) else {}
    events = getattr(case, "o311_public_events", None)
    if events is None:
        events = list(case.events.filter(is_public=True).order_by("created_at", "id"))
    return {
        "detailed_status": case.status,
        "detailed_status_name": str(Status(case.status).label),
        "attributes": [
            {"code": code, "values": value if isinstance(value, list) else [value]}
            # By code: PostgreSQL's jsonb does not keep the order in which answers were stored.
            for code, value in sorted(answers.items())
        ],
        "notes": [
            {
                "datetime": dates.iso(event.created_at, tz),
                "type": event.kind,
                "summary": str(EventKind(event.kind).label),
                "description": (event.note or None) if listed else None,
            }
            for event in events
        ],
    }


def created(case: Case, *, account_id: str, detail: ServiceDetail | None) -> dict[str, Any]:
    return {
        "service_request_id": case.reference,
        "service_notice": service_notice(case, detail),
        "account_id": account_id or None,
    }


def token(case: Case) -> dict[str, Any]:
    # Requests are created at once, so a token is simply the service_request_id.
    return {"service_request_id": case.reference, "token": case.reference}


def update(event: CaseEvent, *, tz: datetime.tzinfo, extensions: bool = False) -> dict[str, Any]:
    client_update = getattr(event, "open311_update", None)
    media_url = None
    if client_update is not None:
        media_url = client_update.media_url or None
    elif event.kind == EventKind.CREATED:
        submission = getattr(event.case, "open311_submission", None)
        media_url = (submission.media_url or None) if submission else None
    status = getattr(event, "o311_status", None) or event.to_status or event.case.status
    body: dict[str, Any] = {
        "update_id": str(event.pk),
        "service_request_id": event.case.reference,
        "status": open311_status(status),
        "updated_datetime": dates.iso(event.created_at, tz),
        "description": event.note or str(EventKind(event.kind).label),
        "media_url": media_url,
    }
    if extensions:
        body["detailed_status"] = status
    return body


def update_created(client_update) -> dict[str, Any]:
    return {"update_id": str(client_update.event_id)}
