"""Committee review of association requests: the committees and their quorum, meetings, the files on their
agenda (never a meeting dated before a file's earliest decision day), the members' votes, and the decision —
only with a quorum, never before the request type's minimum days — after which each applicant is told."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from khidma.accounts.models import User
from khidma.cases import lifecycle
from khidma.cases import services as case_services
from khidma.cases.models import Status
from khidma.core import clock
from khidma.core.errors import Conflict, DomainError, FieldError
from khidma.core.validation import clean_text
from khidma.organizations.models import Organization
from khidma.programs import audit, casework
from khidma.programs.access import ensure_same_organization
from khidma.programs.applications.selectors import earliest_decision_at
from khidma.programs.applications.services import bad_step, lock_application
from khidma.programs.committees.selectors import committee_default, quorum_of
from khidma.programs.models import (
    Application,
    ApplicationStatus,
    Committee,
    Meeting,
    Recommendation,
    Vote,
)

# send_untranslated=True: these words go to the applicant as written when no translation backend can
# translate them; the program screens do not yet offer the confirmation the case page asks for
# (cases/wording.py). Texts made with casework.in_language() are already in the applicant's language.

TITLE_MAX = 200
NAME_MAX = 200
MINUTES_MAX = 20000
QUORUM_MAX = 100


def _quorum_errors(quorum: int | None) -> list[FieldError]:
    if quorum is None or not 1 <= quorum <= QUORUM_MAX:
        return [
            FieldError(
                "quorum",
                "invalid",
                _("The quorum is how many members must vote on a file: a number from 1 to %(max)d.")
                % {"max": QUORUM_MAX},
            )
        ]
    return []


@transaction.atomic
def committee_create(*, organization: Organization, name: str, quorum: int, by: User | None) -> Committee:
    errors: list[FieldError] = []
    name = clean_text(name, field="name", limit=NAME_MAX, required=_("Name the committee."), errors=errors)
    errors += _quorum_errors(quorum)
    if errors:
        raise DomainError(*errors)
    if Committee.objects.filter(organization=organization, name=name).exists():
        raise Conflict.single("name", "already_exists", _("A committee with this name already exists."))
    committee = Committee.objects.create(organization=organization, name=name, quorum=quorum)
    audit.record("committee", committee, "created", by=by, data={"name": name, "quorum": quorum})
    return committee


@transaction.atomic
def committee_set_quorum(*, committee: Committee, quorum: int, by: User | None) -> Committee:
    """A new quorum counts for the decisions still to be made, including those of open meetings."""
    errors = _quorum_errors(quorum)
    if errors:
        raise DomainError(*errors)
    committee = Committee.objects.select_for_update().get(pk=committee.pk)
    before, committee.quorum = committee.quorum, quorum
    committee.save(update_fields=["quorum"])
    audit.record("committee", committee, "quorum_changed", by=by, data={"from": before, "to": quorum})
    return committee


@transaction.atomic
def meeting_create(
    *,
    organization: Organization,
    title: str,
    held_at: datetime.datetime,
    committee: Committee | None = None,
    by: User,
) -> Meeting:
    """A meeting of a committee (default: the organization's only active committee)."""
    title = clean_text(title, field="title", limit=TITLE_MAX, required=_("Give the meeting a title."))
    if held_at is None:
        raise DomainError.single("held_at", "required", _("This field is required."))
    if held_at.tzinfo is None:
        raise DomainError.single("held_at", "naive_datetime", _("Give the time with its UTC offset."))
    if committee is None:
        committee = committee_default(organization=organization)
        if committee is None:
            raise DomainError.single(
                "committee",
                "required",
                _("Choose the committee that meets (set one up first if none exists)."),
            )
    ensure_same_organization("committee", committee, organization.pk)
    if not committee.is_active:
        raise DomainError.single("committee", "inactive", _("This committee is not active."))
    meeting = Meeting.objects.create(
        organization=organization, committee=committee, title=title, held_at=held_at, created_at=clock.now()
    )
    audit.record(
        "meeting",
        meeting,
        "created",
        by=by,
        data={"title": title, "held_at": held_at.isoformat(), "committee": committee.pk},
    )
    return meeting


def _day(moment: datetime.datetime, organization: Organization) -> str:
    return moment.astimezone(organization.tz).strftime("%Y-%m-%d")


def _open_meeting(meeting: Meeting) -> Meeting:
    # Lock the meeting row only (the committee is an outer join, which PostgreSQL cannot lock).
    meeting = (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("organization", "committee")
        .get(pk=meeting.pk)
    )
    if meeting.status != Meeting.State.OPEN:
        raise bad_step(_("This meeting has already decided."))
    return meeting


@transaction.atomic
def meeting_add_to_agenda(*, meeting: Meeting, application: Application, by: User) -> Meeting:
    """Committee review: an application whose social research is done goes on a meeting's agenda."""
    meeting = _open_meeting(meeting)
    ensure_same_organization("application", application, meeting.organization_id)
    application = lock_application(application)
    if application.status != ApplicationStatus.RESEARCHED:
        raise bad_step(
            _("Only an application whose social research is done is ready for decision."), "not_ready"
        )
    earliest = earliest_decision_at(application)
    if meeting.held_at < earliest:
        raise Conflict.single(
            "application",
            "meeting_too_early",
            _(
                "This meeting (%(meeting)s) is before the earliest day a decision may be issued on this file "
                "(%(earliest)s). Put the file on a later meeting."
            )
            % {
                "meeting": _day(meeting.held_at, meeting.organization),
                "earliest": _day(earliest, meeting.organization),
            },
        )
    application.meeting, application.status = meeting, ApplicationStatus.IN_COMMITTEE
    application.save(update_fields=["meeting", "status"])
    audit.record("application", application, "on_agenda", by=by, data={"meeting": meeting.pk})
    audit.record("meeting", meeting, "agenda_added", by=by, data={"application": application.pk})
    return meeting


def _on_agenda(meeting: Meeting, application: Application) -> Application:
    if application.meeting_id != meeting.pk or application.status != ApplicationStatus.IN_COMMITTEE:
        raise bad_step(_("This application is not on the meeting's agenda."), "not_on_agenda")
    return application


@transaction.atomic
def meeting_vote(*, meeting: Meeting, application: Application, vote: str, by: User) -> Vote:
    meeting = _open_meeting(meeting)
    ensure_same_organization("application", application, meeting.organization_id)
    _on_agenda(meeting, lock_application(application))
    if vote not in Recommendation.values:
        raise DomainError.single("vote", "invalid_choice", _("This value is not one of the allowed choices."))
    item, _created = Vote.objects.update_or_create(
        meeting=meeting,
        application=application,
        member=by,
        defaults={"vote": vote, "created_at": clock.now()},
    )
    audit.record("meeting", meeting, "vote", by=by, data={"application": application.pk, "vote": vote})
    return item


@dataclass(frozen=True)
class Decision:
    application: Application
    reasons: str
    # approve / reject as recorded by the chair; None: the majority of the members' votes.
    decision: str | None = None


@transaction.atomic
def meeting_decide(*, meeting: Meeting, decisions: list[Decision], minutes: str, by: User) -> Meeting:
    """Decide the agenda: each application approved or rejected with reasons, from the recorded decision or
    the members' votes. Nothing is decided unless every decision may be made: a quorum of the committee's
    members voted on each file, and none is earlier than the request type's minimum days after submission.
    Each applicant is told."""
    meeting = _open_meeting(meeting)
    minutes = clean_text(
        minutes, field="minutes", limit=MINUTES_MAX, required=_("Write the minutes of the meeting.")
    )
    if not decisions:
        raise DomainError.single("decisions", "required", _("Decide at least one application."))
    now = clock.now()
    tz = meeting.organization.tz
    quorum = quorum_of(meeting)
    errors: list[FieldError] = []
    early: list[FieldError] = []
    plan: list[tuple[Application, str, str]] = []
    for index, item in enumerate(decisions):
        field = f"decisions.{index}"
        ensure_same_organization(f"{field}.application", item.application, meeting.organization_id)
        application = lock_application(item.application)
        _on_agenda(meeting, application)
        votes = list(Vote.objects.filter(meeting=meeting, application=application))
        if len({v.member_id for v in votes}) < quorum:
            early.append(
                FieldError(
                    f"{field}.application",
                    "no_quorum",
                    ngettext_lazy(
                        "No quorum for this file: at least %(quorum)d committee member must vote on it; "
                        "%(votes)d voted.",
                        "No quorum for this file: at least %(quorum)d committee members must vote on it; "
                        "%(votes)d voted.",
                        "quorum",
                    )
                    % {"quorum": quorum, "votes": len(votes)},
                )
            )
        outcome = item.decision
        if outcome is None:
            tally = Counter(v.vote for v in votes)
            if tally[Recommendation.APPROVE] != tally[Recommendation.REJECT]:
                outcome = max(tally, key=lambda k: tally[k])
        if outcome not in Recommendation.values:
            errors.append(
                FieldError(
                    f"{field}.decision",
                    "no_decision",
                    _("Record a decision, or let the members vote: there is no majority."),
                )
            )
        reasons = (item.reasons or "").strip()
        if not reasons:
            errors.append(FieldError(f"{field}.reasons", "required", _("Give the reasons for the decision.")))
        earliest = earliest_decision_at(application)
        if now < earliest:
            early.append(
                FieldError(
                    f"{field}.application",
                    "too_early",
                    _("No decision may be issued before %(date)s (%(days)d days after submission).")
                    % {
                        "date": earliest.astimezone(tz).strftime("%Y-%m-%d %H:%M"),
                        "days": application.request_type.min_decision_days,
                    },
                )
            )
        plan.append((application, outcome or "", reasons))
    if early:
        raise Conflict(*early)
    if errors:
        raise DomainError(*errors)
    for application, outcome, reasons in plan:
        _application_decide(application, outcome=outcome, reasons=reasons, meeting=meeting, by=by, now=now)
    meeting.status, meeting.minutes = Meeting.State.DECIDED, minutes
    meeting.save(update_fields=["status", "minutes"])
    audit.record(
        "meeting",
        meeting,
        "decided",
        by=by,
        note=minutes,
        data={"decisions": [{"application": a.pk, "decision": o} for a, o, _r in plan]},
    )
    return meeting


def _application_decide(
    application: Application,
    *,
    outcome: str,
    reasons: str,
    meeting: Meeting,
    by: User,
    now: datetime.datetime,
) -> None:
    approved = outcome == Recommendation.APPROVE
    application.status = ApplicationStatus.APPROVED if approved else ApplicationStatus.REJECTED
    application.decision_reasons, application.decided_at = reasons, now
    application.save(update_fields=["status", "decision_reasons", "decided_at"])
    audit.record(
        "application",
        application,
        "approved" if approved else "rejected",
        by=by,
        note=reasons,
        data={"meeting": meeting.pk, "on_time": now <= application.decision_due_at},
    )
    case = application.case
    case.refresh_from_db()
    if approved:
        text = casework.in_language(
            case.language, _("Your application was approved: %(reasons)s"), reasons=reasons
        )
        case_services.case_add_note(case=case, by=by, text=text, public=True, send_untranslated=True)
    elif lifecycle.can_transition(case.status, Status.REJECTED):
        # The rejection is a public timeline event and the applicant is told the reasons.
        case_services.case_reject(case=case, by=by, reason=reasons, send_untranslated=True)
    else:
        text = casework.in_language(
            case.language, _("Your application was not approved: %(reasons)s"), reasons=reasons
        )
        case_services.case_add_note(case=case, by=by, text=text, public=True, send_untranslated=True)
