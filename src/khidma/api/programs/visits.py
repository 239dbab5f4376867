"""Home visits (Wajibuna): teams and their calendars, eligibility, booking a team, the visit done."""

from __future__ import annotations

import datetime

from django.http import HttpRequest
from ninja import Router, Status

from khidma.accounts.models import User
from khidma.api.auth import StaffToken
from khidma.api.programs import presenters
from khidma.api.programs.lookups import scoped_get, visible_case
from khidma.api.programs.schemas import (
    ERRORS,
    CompleteIn,
    ScheduleIn,
    TeamCalendarOut,
    TeamIn,
    TeamOut,
    VisitDetailOut,
    VisitIn,
)
from khidma.core.validation import check_date_range
from khidma.programs import access
from khidma.programs.models import Team, Visit
from khidma.programs.visits import selectors, services

router = Router(tags=["programs"], auth=StaffToken())


@router.get("/teams", response={200: list[TeamOut], **ERRORS})
def team_list(request: HttpRequest):
    return [presenters.team(t) for t in access.visible(request.auth, Team)]


@router.post("/teams", response={201: TeamOut, **ERRORS})
def team_create(request: HttpRequest, payload: TeamIn):
    user: User = request.auth
    access.ensure(user, "configure")
    team = services.team_create(organization=user.organization, name=payload.name, by=user)
    return Status(201, presenters.team(team))


@router.get("/teams/{team_id}/calendar", response={200: TeamCalendarOut, **ERRORS})
def team_calendar(request: HttpRequest, team_id: int, start: datetime.date, end: datetime.date):
    """The team's visits from `start` to `end` (dates in the organization's time zone, both included, at most
    three months)."""
    user: User = request.auth
    team = scoped_get(user, Team, team_id, "team")
    check_date_range(start, end)
    since, until = user.organization.local_day_bounds(start, end)
    visits = access.scoped(user, selectors.team_calendar(team, start=since, end=until))
    return {
        "team": presenters.team(team),
        "start": start,
        "end": end,
        "visits": [presenters.visit(v) for v in visits],
    }


@router.post("/visits", response={201: VisitDetailOut, **ERRORS})
def visit_create(request: HttpRequest, payload: VisitIn):
    """Record that the person is eligible for a home visit (elderly, disabled, ill, no transport)."""
    user: User = request.auth
    access.ensure(user, "visit_schedule")
    case = visible_case(user, payload.case)
    visit = services.visit_record_eligibility(case=case, reason=payload.reason, note=payload.note, by=user)
    return Status(201, presenters.visit_detail(visit, user))


@router.get("/visits/{visit_id}", response={200: VisitDetailOut, **ERRORS})
def visit_get(request: HttpRequest, visit_id: int):
    user: User = request.auth
    visit = scoped_get(user, selectors.visit_detail(access.visible(user, Visit)), visit_id, "visit")
    return presenters.visit_detail(visit, user)


@router.post("/visits/{visit_id}/schedule", response={200: VisitDetailOut, **ERRORS})
def visit_schedule(request: HttpRequest, visit_id: int, payload: ScheduleIn):
    """Book a team for a window; a team already booked in an overlapping window answers 409."""
    user: User = request.auth
    access.ensure(user, "visit_schedule")
    visit = scoped_get(user, Visit, visit_id, "visit")
    team = scoped_get(user, Team, payload.team, "team")
    visit = services.visit_schedule(
        visit=visit, team=team, starts_at=payload.starts_at, ends_at=payload.ends_at, by=user
    )
    return presenters.visit_detail(visit, user)


@router.post("/visits/{visit_id}/complete", response={200: VisitDetailOut, **ERRORS})
def visit_complete(request: HttpRequest, visit_id: int, payload: CompleteIn):
    user: User = request.auth
    access.ensure(user, "visit_complete")
    visit = scoped_get(user, Visit, visit_id, "visit")
    visit = services.visit_complete(
        visit=visit, work_done=payload.work_done, documents=payload.documents, by=user
    )
    return presenters.visit_detail(visit, user)
