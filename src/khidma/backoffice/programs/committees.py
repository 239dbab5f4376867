"""Committees and their meetings on screen: the committees and their quorum, creating a meeting, and a
meeting's page — the agenda with each member's vote (by name, in words), putting researched files on it, a
member's vote, and the decisions with the minutes (refused without a quorum, or before the earliest day)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from khidma.accounts.models import User
from khidma.backoffice.programs.common import Outcome, attempt, page, tz_of, visible_or_404
from khidma.backoffice.programs.forms import (
    ApplicationChoiceForm,
    CommitteeForm,
    DecideForm,
    MeetingForm,
    QuorumForm,
    VoteForm,
)
from khidma.backoffice.views import staff_required
from khidma.core.languages import pick_name
from khidma.programs import access
from khidma.programs.applications.selectors import earliest_decision_at
from khidma.programs.committees import selectors, services
from khidma.programs.models import Application, Committee, Meeting, Recommendation

LIST_MAX = 100


@staff_required
def meetings(request: HttpRequest) -> HttpResponse:
    user: User = request.user
    committees = selectors.committee_list(access.visible(user, Committee))
    posted = request.POST if request.method == "POST" else None
    op = posted.get("op", "meeting") if posted else None
    form = MeetingForm(
        posted if op == "meeting" else None,
        tz=tz_of(user),
        committees=selectors.committee_list(access.visible(user, Committee), active_only=True),
    )
    committee_form = CommitteeForm(posted if op == "committee" else None)
    outcome = Outcome()
    if op == "meeting":
        outcome = attempt(
            request,
            form,
            lambda data: services.meeting_create(
                organization=user.organization,
                title=data["title"],
                held_at=data["held_at"],
                committee=data["committee"],
                by=user,
            ),
            permission="meeting_manage",
            done=_("Meeting created."),
        )
        if outcome.done:
            return redirect("backoffice:programs:meeting", pk=outcome.result.pk)
    elif op == "committee":
        outcome = attempt(
            request,
            committee_form,
            lambda data: services.committee_create(
                organization=user.organization, name=data["name"], quorum=data["quorum"], by=user
            ),
            permission="configure",
            done=_("Committee created."),
        )
    elif op == "quorum":
        quorum_form = QuorumForm(posted)
        committee = visible_or_404(user, Committee, quorum_form.data.get("committee"))
        outcome = attempt(
            request,
            quorum_form,
            lambda data: services.committee_set_quorum(committee=committee, quorum=data["quorum"], by=user),
            permission="configure",
            done=_("The quorum is changed."),
        )
    if op in {"committee", "quorum"} and outcome.done:
        return redirect(request.path)
    return page(
        request,
        "meetings.html",
        {
            "meetings": selectors.meeting_list(access.visible(user, Meeting))[:LIST_MAX],
            "committees": committees,
            "can_manage": access.can(user, "meeting_manage"),
            "can_configure": access.can(user, "configure"),
            "form": form,
            "committee_form": committee_form,
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
    quorum = selectors.quorum_of(item)
    language = request.LANGUAGE_CODE
    rows = []
    for a in agenda:
        ballots = [v for v in votes if v.application_id == a.pk]
        rows.append(
            {
                "application": a,
                "type_name": pick_name(a.request_type.names, language) or a.request_type.code,
                "earliest": earliest_decision_at(a),
                "votes": ballots,
                "quorum_met": len({v.member_id for v in ballots}) >= quorum,
                "mine": next((v for v in ballots if v.member_id == user.pk), None),
                **decide.typed(a),
            }
        )
    ready = [
        {"application": a, "type_name": pick_name(a.request_type.names, language) or a.request_type.code}
        for a in selectors.ready_for_agenda(files)[:LIST_MAX]
    ]
    return page(
        request,
        "meeting.html",
        {
            "meeting": item,
            "quorum": quorum,
            "rows": rows,
            "ready": ready,
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
