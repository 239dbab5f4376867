"""Closure codes cannot be guessed: the one check of a code that someone types, with its wrong attempts
counted, and the way a reporter gets a new code.

Every channel that takes a typed code (the tracking page, the public API, a 940 agent or field officer
entering what the reporter said) goes through ``closure_code_check``. Wrong codes are counted per case —
per code sent, so a new code starts afresh — and per client address (``cases.limits``). Past
``KHIDMA_CLOSURE_CODE_ATTEMPTS`` the case's code is locked, even for the right code, until its window is
over or a new code is sent; past ``KHIDMA_LIMIT_CLOSURE_FAILURES_PER_IP`` the address must wait. A six-digit
code with five tries a day cannot be found in the three days a case waits.

The reporter asks for a new code by sending CODE (or رمز, kode, …) by SMS or WhatsApp from the number on
the report, or by calling 940 (the agent's "send a new closure code" action): ``case_closure_code_resend``
sends it only to the phone or email on the report, never to an address given by the asker.

Failures are counted outside any transaction: a refused attempt rolls back its own transaction, and the
count must survive it.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from khidma.accounts.models import User
from khidma.cases import limits, notify
from khidma.cases.closure_codes import code_matches, issue_code
from khidma.cases.models import Case, EventKind, Status
from khidma.cases.services import lock_case, record_event
from khidma.core import clock, ratelimit
from khidma.core.errors import DomainError
from khidma.core.ratelimit import Limit, RateLimited

RESENDS_PER_CASE = Limit("closure-resend", "KHIDMA_CLOSURE_CODE_RESENDS")


def _attempts_key(case: Case) -> str:
    # The code's own hash is part of the key: a new code is counted afresh.
    return f"{case.pk}:{case.closure_code_hash[:16]}"


def closure_code_check(*, case: Case, code: str | None, ip: str | None = None) -> None:
    """Accept the closure code of ``case`` typed by someone at ``ip`` (None: staff entering it), or refuse it:
    ``wrong_code`` (400), ``code_locked`` (429, the case's tries are used up: ask for a new code) or
    ``too_many_attempts`` (429, this address typed too many wrong codes). Call it outside a transaction."""
    seconds = ratelimit.wait(limits.CLOSURE_FAILURES_PER_IP, ip)
    if seconds:
        raise RateLimited(
            seconds,
            field="code",
            code="too_many_attempts",
            message=_("Too many wrong codes were typed from your connection. %(wait)s")
            % {"wait": ratelimit.wait_message(seconds)},
        )
    # The code as stored now: the caller's copy of the case may be older than its resolution or a new code.
    case = Case.objects.only("pk", "organization_id", "closure_code_hash").get(pk=case.pk)
    if not case.closure_code_hash:
        raise DomainError.single("code", "wrong_code", _("This closure code is not right."))
    key = _attempts_key(case)
    seconds = ratelimit.wait(limits.CLOSURE_FAILURES_PER_CASE, key)
    if seconds:
        raise _locked(seconds)
    if code_matches(case, code or ""):
        return
    ratelimit.record(limits.CLOSURE_FAILURES_PER_IP, ip)
    usage = ratelimit.record(limits.CLOSURE_FAILURES_PER_CASE, key)
    seconds = ratelimit.wait(limits.CLOSURE_FAILURES_PER_CASE, key)
    if seconds:
        if any(
            u.count == rate.count
            for u, rate in zip(usage, limits.CLOSURE_FAILURES_PER_CASE.rates(), strict=True)
        ):
            with transaction.atomic():
                record_event(case, EventKind.CLOSURE_CODE_LOCKED, by=None, data={"attempts": usage[0].count})
        raise _locked(seconds)
    raise DomainError.single("code", "wrong_code", _("This closure code is not right."))


def _locked(seconds: int) -> RateLimited:
    return RateLimited(
        seconds,
        field="code",
        code="code_locked",
        message=_(
            "Too many wrong codes for this report, so its code no longer works. Ask for a new one: send "
            "CODE by SMS from the number you reported with, or call 940."
        ),
    )


def _ensure_waiting(case: Case) -> None:
    if case.status != Status.RESOLVED or not case.closure_code_hash:
        raise DomainError.single(
            "code",
            "not_awaiting_confirmation",
            _("This report is not waiting for a confirmation."),
            status=409,
        )


def case_closure_code_resend(*, case: Case, by: User | None, channel: str) -> Case:
    """Send the reporter a new closure code for a case that waits for their answer, to the phone or email on
    the report only. The old code stops working, and so does its lockout; the confirmation deadline stays."""
    _ensure_waiting(case)
    if notify.reporter_address(case) is None:
        raise DomainError.single(
            "code", "no_contact", _("This report has no phone number or email to send a code to."), status=409
        )
    ratelimit.hit(
        RESENDS_PER_CASE,
        str(case.pk),
        field="code",
        message=lambda seconds: (
            _("A new code was sent several times already. %(wait)s")
            % {"wait": ratelimit.wait_message(seconds)}
        ),
    )
    with transaction.atomic():
        case = lock_case(case)
        _ensure_waiting(case)
        due = case.closure_due_at
        code = issue_code(case, now=clock.now())
        case.closure_due_at = due
        case.save(update_fields=["closure_code_hash"])
        resolved = case.events.filter(kind=EventKind.RESOLVED).order_by("-id").first()
        event = record_event(case, EventKind.CLOSURE_CODE_SENT, by=by, data={"channel": channel})
        # The resolution message again, with the new code: the reporter reads what was done and the question.
        notify.to_reporter(case, "resolved", event=event, note=resolved.note if resolved else "", code=code)
    return case
