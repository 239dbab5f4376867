"""The people an organization serves: recording them, linking cases, and their history."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Status

from khidma.accounts.models import User
from khidma.api.auth import StaffToken
from khidma.api.programs import presenters
from khidma.api.programs.lookups import scoped_get, visible_case
from khidma.api.programs.schemas import ERRORS, LinkIn, PersonHistoryOut, PersonIn, PersonOut
from khidma.cases import access as case_access
from khidma.programs import access
from khidma.programs.applications.checklist import checklist_for
from khidma.programs.models import Person
from khidma.programs.people import selectors, services

router = Router(tags=["programs"], auth=StaffToken())


@router.get("/people", response={200: list[PersonOut], **ERRORS})
def person_search(request: HttpRequest, q: str):
    """Find a person by their whole phone number (in any form) or by part of their name, however spelt."""
    user: User = request.auth
    access.ensure(user, "person_manage")
    return [presenters.person(p, user) for p in selectors.people_search(access.visible(user, Person), q)]


@router.post("/people", response={201: PersonOut, **ERRORS})
def person_create(request: HttpRequest, payload: PersonIn):
    user: User = request.auth
    access.ensure(user, "person_manage")
    person = services.person_create(
        organization=user.organization, name=payload.name, phone=payload.phone, roles=payload.roles, by=user
    )
    return Status(201, presenters.person(person, user))


@router.post("/people/{person_id}/cases", response={200: PersonOut, **ERRORS})
def person_link_case(request: HttpRequest, person_id: int, payload: LinkIn):
    user: User = request.auth
    access.ensure(user, "person_manage")
    person = scoped_get(user, Person, person_id, "person")
    person = services.person_link_case(person=person, case=visible_case(user, payload.case), by=user)
    return presenters.person(person, user)


@router.get("/people/{person_id}/history", response={200: PersonHistoryOut, **ERRORS})
def person_history(request: HttpRequest, person_id: int):
    """Everything the person asked for: their cases (the ones the caller may see) and applications."""
    user: User = request.auth
    person = scoped_get(user, Person, person_id, "person")
    cases = selectors.person_cases(person, visible=case_access.cases_visible_to(user))
    checklist = checklist_for(user.organization)
    return {
        "person": presenters.person(person, user),
        "cases": [
            {"reference": c.reference, "kind": c.kind, "status": c.status, "received_at": c.received_at}
            for c in cases
        ],
        "applications": [
            presenters.application(a, checklist)
            for a in access.scoped(user, selectors.person_applications(person))
        ],
    }
