"""Committee meetings on screen: creating a meeting, and a meeting's page — the agenda with each member's
vote, putting researched files on it, a member's vote, and the decisions with the minutes."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from khidma.accounts.models import User
from khidma.backoffice.programs.common import Outcome, attempt, page, tz_of, visible_or_404
from khidma.backoffice.programs.forms import ApplicationChoiceForm, DecideForm, MeetingForm, VoteForm
from khidma.backoffice.views import staff_required
from khidma.programs import access
from khidma.programs.applications.selectors import earliest_decision_at
from khidma.programs.committees import selectors, services
from khidma.programs.models import Application, Meeting, Recommendation

LIST_MAX = 100


@staff_required
def meetings(request: HttpRequest) -> HttpResponse:
    user: User = request.user
    form = MeetingForm(request.POST if request.method == "POST" else None, tz=tz_of(user))
    outcome = Outcome()
    if request.method == "POST":
        outcome = attempt(
            request,
            form,
            lambda data: services.meeting_create(
                organization=user.organization, title=data["title"], held_at=data["held_at"], by=user
            ),
            permission="meeting_manage",
            done=_("Meeting created."),
        )
        if outcome.done:
            return redirect("backoffice:programs:meeting", pk=outcome.result.pk)
    return page(
        request,
        "meetings.html",
        {
            "meetings": selectors.meeting_list(access.visible(user, Meeting))[:LIST_MAX],
            "can_manage": access.can(user, "meeting_manage"),
            "form": form,
            "errors": outcome.errors,
            "tz": user.organization.time_zone,
        },
        status=outcome.status,
    )


@staff_required
def meeting(request: HttpRequest, pk: int) -> HttpResponse:
    """The agenda with each member's vote; adding researched files; voting; deciding with the minutes."""
    user: User = request.user
    item: Meeting = visible_or_404(user, Meeting, pk)
    files = access.visible(user, Application)
    agenda = list(selectors.agenda(item, files))
    posted = request.POST if request.method == "POST" else None
    op = posted.get("op") if posted else None
    decide = DecideForm(posted if op == "decide" else None, agenda=agenda)
    outcome = Outcome()
    if op == "agenda":
        outcome = attempt(
            request,
            ApplicationChoiceForm(posted, applications=selectors.ready_for_agenda(files)),
            lambda data: services.meeting_add_to_agenda(
                meeting=item, application=data["application"], by=user
            ),
            permission="meeting_manage",
            done=_("Added to the agenda."),
        )
    elif op == "vote":
        outcome = attempt(
            request,
            VoteForm(posted, applications=selectors.agenda(item, files)),
            lambda data: services.meeting_vote(
                meeting=item, application=data["application"], vote=data["vote"], by=user
            ),
            permission="meeting_vote",
            done=_("Your vote is recorded."),
        )
    elif op == "decide":
        outcome = attempt(
            request,
            decide,
            lambda data: services.meeting_decide(
                meeting=item,
                decisions=[
                    services.Decision(application=a, decision=decision, reasons=reasons)
                    for a, decision, reasons in decide.decisions()
                ],
                minutes=data["minutes"],
                by=user,
            ),
            permission="meeting_manage",
            done=_("The decisions and the minutes are recorded."),
        )
    if op in {"agenda", "vote", "decide"} and outcome.done:
        return redirect("backoffice:programs:meeting", pk=pk)
    if posted is not None:
        item.refresh_from_db()
    votes = selectors.votes(item)
    rows = [
        {
            "application": a,
            "earliest": earliest_decision_at(a),
            "votes": [v for v in votes if v.application_id == a.pk],
            "mine": next((v.vote for v in votes if v.application_id == a.pk and v.member_id == user.pk), ""),
            **decide.typed(a),
        }
        for a in agenda
    ]
    return page(
        request,
        "meeting.html",
        {
            "meeting": item,
            "rows": rows,
            "ready": selectors.ready_for_agenda(files)[:LIST_MAX],
            "recommendations": Recommendation.choices,
            "is_open": item.status == Meeting.State.OPEN,
            "can_manage": access.can(user, "meeting_manage"),
            "can_vote": access.can(user, "meeting_vote"),
            "minutes": decide["minutes"].value() or "",
            "errors": outcome.errors,
            "tz": user.organization.time_zone,
        },
        status=outcome.status,
    )
