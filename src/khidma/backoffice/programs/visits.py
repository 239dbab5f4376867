"""Home visits on screen: the visits not yet done and recording eligibility; a visit's page (booking a team,
recording the visit done); a team's week."""

from __future__ import annotations

import datetime

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from khidma.accounts.models import User
from khidma.backoffice.programs.common import Outcome, attempt, audit_lines, page, tz_of, visible_or_404
from khidma.backoffice.programs.forms import (
    CompleteVisitForm,
    EligibilityForm,
    ScheduleForm,
    TeamWeekForm,
)
from khidma.backoffice.views import staff_required
from khidma.core import clock
from khidma.programs import access, audit
from khidma.programs.models import EligibilityReason, Team, Visit, VisitStatus
from khidma.programs.visits import selectors, services

LIST_MAX = 200


@staff_required
def visits(request: HttpRequest) -> HttpResponse:
    """Eligible and scheduled visits; recording a person's eligibility from a case reference."""
    user: User = request.user
    form = EligibilityForm(request.POST if request.method == "POST" else None)
    outcome = Outcome()
    if request.method == "POST":
        outcome = attempt(
            request,
            form,
            lambda data: services.visit_record_eligibility(
                case=access.case_visible(user, data["case"]),
                reason=data["reason"],
                note=data["note"],
                by=user,
            ),
            permission="visit_schedule",
            done=_("Eligibility recorded."),
        )
        if outcome.done:
            return redirect("backoffice:programs:visit", pk=outcome.result.pk)
    return page(
        request,
        "visits.html",
        {
            "visits": selectors.visits_open(access.visible(user, Visit))[:LIST_MAX],
            "teams": selectors.teams(access.visible(user, Team), active_only=True),
            "reasons": EligibilityReason.choices,
            "can_schedule": access.can(user, "visit_schedule"),
            "form": form,
            "errors": outcome.errors,
        },
        status=outcome.status,
    )


@staff_required
def visit(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user
    item = visible_or_404(user, Visit, pk)
    posted = request.POST if request.method == "POST" else None
    op = posted.get("op") if posted else None
    schedule = ScheduleForm(
        posted if op == "schedule" else None, tz=tz_of(user), teams=access.visible(user, Team)
    )
    complete = CompleteVisitForm(posted if op == "complete" else None)
    outcome = Outcome()
    if op == "schedule":
        outcome = attempt(
            request,
            schedule,
            lambda data: services.visit_schedule(
                visit=item, team=data["team"], starts_at=data["starts_at"], ends_at=data["ends_at"], by=user
            ),
            permission="visit_schedule",
            done=_("The visit is scheduled."),
        )
    elif op == "complete":
        outcome = attempt(
            request,
            complete,
            lambda data: services.visit_complete(
                visit=item, work_done=data["work_done"], documents=data["documents"], by=user
            ),
            permission="visit_complete",
            done=_("The visit is recorded as done."),
        )
    if op in {"schedule", "complete"} and outcome.done:
        return redirect("backoffice:programs:visit", pk=pk)
    return page(
        request,
        "visit.html",
        {
            "visit": item,
            "events": audit_lines(audit.events_for("visit", item)),
            "teams": selectors.teams(access.visible(user, Team), active_only=True),
            "can_schedule": access.can(user, "visit_schedule") and item.status != VisitStatus.COMPLETED,
            "can_complete": access.can(user, "visit_complete") and item.status == VisitStatus.SCHEDULED,
            "schedule": schedule,
            "complete": complete,
            "errors": outcome.errors,
            "tz": user.organization.time_zone,
        },
        status=outcome.status,
    )


@staff_required
def team_calendar(request: HttpRequest, pk: int) -> HttpResponse:
    """A team's week: each day with its visits in time order."""
    user: User = request.user
    team = visible_or_404(user, Team, pk)
    tz = tz_of(user)
    form = TeamWeekForm(request.GET)
    start = (form.is_valid() and form.cleaned_data["start"]) or clock.now().astimezone(tz).date()
    since = datetime.datetime.combine(start, datetime.time(), tzinfo=tz)
    week = selectors.team_calendar(team, start=since, end=since + datetime.timedelta(days=7))
    booked = list(access.scoped(user, week))
    days = []
    for offset in range(7):
        day = start + datetime.timedelta(days=offset)
        days.append({"day": day, "visits": [v for v in booked if v.starts_at.astimezone(tz).date() == day]})
    return page(
        request,
        "team_calendar.html",
        {
            "team": team,
            "days": days,
            "previous": start - datetime.timedelta(days=7),
            "next": start + datetime.timedelta(days=7),
            "teams": access.visible(user, Team),
            "tz": user.organization.time_zone,
        },
    )
