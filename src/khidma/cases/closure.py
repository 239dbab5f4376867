"""The closure code: when staff resolve a case, the reporter gets a one-time code and the question "is it
fixed?". Their answer (the code, by link, WhatsApp, SMS, or through a 940 agent or the field officer on
site) closes the case as confirmed; "no" reopens it for the follow-up unit; silence closes it as
unconfirmed after KHIDMA_CLOSURE_CONFIRM_DAYS."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from khidma.accounts.models import User
from khidma.cases import notify

# code_matches compares without counting (a reply from the reporter's own number); a code someone typed goes
# through closure_guard.closure_code_check, which counts wrong ones.
from khidma.cases.closure_codes import code_matches  # noqa: F401
from khidma.cases.closure_guard import closure_code_check
from khidma.cases.models import Case, EventKind, Satisfaction, Status
from khidma.cases.services import lock_case, record_event, transition
from khidma.core import clock
from khidma.core.errors import DomainError


def _prove(case: Case, code: str | None, *, from_reporter_phone: bool, ip: str | None) -> None:
    """The proof that the answer is the reporter's: the closure code they were sent (typed on the tracking
    page, sent by WhatsApp or SMS, or read out to a 940 agent or the officer on site), or a reply from the
    reporter's own phone number. Checked here, by every service that acts on the reporter's answer, so no
    channel can forget it — before the service's transaction, so that a wrong code stays counted and too
    many lock the code (``closure_guard``; ``ip`` is the client's address on public pages)."""
    if from_reporter_phone:
        return
    closure_code_check(case=case, code=code, ip=ip)


def _waiting(case: Case) -> None:
    if case.status != Status.RESOLVED or not case.closure_code_hash:
        raise DomainError.single(
            "code",
            "not_awaiting_confirmation",
            _("This report is not waiting for a confirmation."),
            status=409,
        )


def case_confirm_closure(
    *,
    case: Case,
    code: str | None,
    channel: str,
    by: User | None = None,
    from_reporter_phone: bool = False,
    ip: str | None = None,
) -> Case:
    """Close a resolved case as confirmed. The code proves it is the reporter (or that the reporter told the
    agent or officer entering it); a reply from the reporter's own phone number proves it as well."""
    _prove(case, code, from_reporter_phone=from_reporter_phone, ip=ip)
    return _confirm_closure(case=case, channel=channel, by=by)


@transaction.atomic
def _confirm_closure(*, case: Case, channel: str, by: User | None) -> Case:
    case = lock_case(case)
    _waiting(case)
    case = transition(
        case,
        Status.CLOSED,
        EventKind.CLOSURE_CONFIRMED,
        by=by,
        data={"channel": channel},
        extra={
            "closed_at": clock.now(),
            "closure_outcome": "confirmed",
            "closure_due_at": None,
        },
    )
    notify.to_reporter(case, "rate")
    return case


def case_reject_closure(
    *,
    case: Case,
    code: str | None,
    channel: str,
    reason: str = "",
    by: User | None = None,
    from_reporter_phone: bool = False,
    ip: str | None = None,
) -> Case:
    """The reporter says it is not fixed: the case reopens with a new target and goes to the follow-up
    unit. Proved like a confirmation: the closure code, or a reply from the reporter's own phone."""
    _prove(case, code, from_reporter_phone=from_reporter_phone, ip=ip)
    return _reject_closure(case=case, channel=channel, reason=reason, by=by)


@transaction.atomic
def _reject_closure(*, case: Case, channel: str, reason: str, by: User | None) -> Case:
    case = lock_case(case)
    _waiting(case)
    case = transition(
        case,
        Status.REOPENED,
        EventKind.CLOSURE_REJECTED,
        by=by,
        note=reason.strip(),
        data={"channel": channel},
        extra={"resolved_at": None, "closure_due_at": None, "needs_followup": True},
    )
    notify.to_reporter(case, "reopened")
    return case


def case_close_unconfirmed_due(*, now: datetime.datetime | None = None) -> int:
    """Close resolved cases whose reporter stayed silent past the confirmation window."""
    now = now or clock.now()
    closed = 0
    for case_id in Case.objects.filter(closure_due_at__lte=now, status=Status.RESOLVED).values_list(
        "pk", flat=True
    )[:1000]:
        with transaction.atomic():
            case = (
                Case.objects.select_for_update(skip_locked=True)
                .filter(pk=case_id, closure_due_at__lte=now)
                .first()
            )
            if case is None or case.status != Status.RESOLVED:
                continue
            case = transition(
                case,
                Status.CLOSED,
                EventKind.CLOSED,
                by=None,
                note="",
                data={"outcome": "unconfirmed"},
                extra={
                    "closed_at": now,
                    "closure_outcome": "unconfirmed",
                    "closure_due_at": None,
                },
            )
            notify.to_reporter(case, "rate")
            closed += 1
    return closed


def case_rate(
    *,
    case: Case,
    code: str | None,
    rating: int,
    channel: str,
    comment: str = "",
    from_reporter_phone: bool = False,
    ip: str | None = None,
) -> Satisfaction:
    """The reporter's 1–5 rating after closure; 1 or 2 puts the case in the follow-up unit's queue. Proved
    like a confirmation: the closure code, or a reply from the reporter's own phone."""
    _prove(case, code, from_reporter_phone=from_reporter_phone, ip=ip)
    return _rate(case=case, rating=rating, channel=channel, comment=comment)


@transaction.atomic
def _rate(*, case: Case, rating: int, channel: str, comment: str) -> Satisfaction:
    case = lock_case(case)
    if case.status != Status.CLOSED:
        raise DomainError.single(
            "rating", "not_closed", _("A report can be rated once it is closed."), status=409
        )
    if not 1 <= rating <= 5:
        raise DomainError.single("rating", "invalid_rating", _("Give a rating from 1 to 5."))
    if hasattr(case, "satisfaction"):
        raise DomainError.single("rating", "already_rated", _("This report was already rated."), status=409)
    satisfaction = Satisfaction.objects.create(
        organization_id=case.organization_id,
        case=case,
        rating=rating,
        comment=comment.strip()[:2000],
        channel=channel,
    )
    if rating <= 2:
        case.needs_followup = True
        case.save(update_fields=["needs_followup"])
    record_event(
        case,
        EventKind.RATED,
        by=None,
        data={"rating": rating, "channel": channel},
        note=comment.strip()[:2000],
    )
    return satisfaction
