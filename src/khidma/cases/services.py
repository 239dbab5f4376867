"""Every write to a case. Each channel (API, portal, Open311, WhatsApp, SMS, agent console, commands) calls
these functions; each appends its CaseEvent rows in the same transaction as the change.

Authorization is not checked here: interfaces ask ``khidma.cases.access`` first, because what a person may
do depends on who they are, while what a case may become depends only on the case.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.utils.translation import gettext_lazy as _

from khidma.accounts.models import User
from khidma.cases import (
    closure_codes,
    deadlines,
    lifecycle,
    notify,
    privacy,
    references,
    triage,
    verification,
)
from khidma.cases.intake import IntakeRequest, ValidIntake, intake_validate
from khidma.cases.models import (
    Case,
    CaseEvent,
    EventKind,
    PreparedReply,
    Priority,
    ReferenceCounter,
    Status,
    TriageResult,
)
from khidma.cases.triage import triage_decide
from khidma.cases.wording import Wording, wording_for
from khidma.core import clock
from khidma.core.errors import DomainError
from khidma.core.text import fold_for_search
from khidma.organizations import selectors as org_selectors
from khidma.organizations.models import Department, Organization
from khidma.triage.routing import route

NOTE_MAX = 4000


@dataclass(frozen=True)
class IntakeResult:
    case: Case
    created: bool


# --- Intake -----------------------------------------------------------------------------------------------


def case_create(*, request: IntakeRequest, within: Callable[[Case], None] | None = None) -> IntakeResult:
    """The one intake path. Validates everything first and reports every problem at once; creates nothing
    unless all is well. The same ``idempotency_key`` returns the case it first created, even when retries
    race each other, and refuses a different submission under a key already used.

    Triage decides outside any transaction; the write is one short transaction (plus the reference number's
    own, shorter one). A channel that must write rows of its own with the case (photos, an Open311
    submission, the message that brought it) passes ``within``, run inside that transaction for a new case
    only — callers never wrap this function in their own transaction, which would hold the write lock
    through triage."""
    intake = intake_validate(request)
    fingerprint = request.fingerprint()
    if request.idempotency_key:
        existing = _idempotent_replay(request.organization, request.idempotency_key, fingerprint)
        if existing is not None:
            return IntakeResult(existing, created=False)
    return case_write(intake, fingerprint=fingerprint, within=within)


def case_write(
    intake: ValidIntake,
    *,
    fingerprint: str,
    reference: str | None = None,
    within: Callable[[Case], None] | None = None,
) -> IntakeResult:
    """Decide and write a validated submission: ``case_create`` for a channel that waits for its case, and
    the worker for a report accepted earlier with its ``reference`` already given (cases/submissions.py)."""
    request = intake.request
    organization = request.organization
    key = request.idempotency_key
    now = clock.now()
    decision = triage_decide(intake, now=now)
    numbered = reference is not None
    if reference is None:
        # The number is taken in its own short transaction, so concurrent intakes do not queue behind each
        # other's whole transaction on the counter row; a failed insert leaves a gap, never a duplicate.
        reference = _allocate_reference(organization, now=now)
    try:
        with transaction.atomic():
            if key and not numbered:
                # Under SQLite's IMMEDIATE transactions this re-check is serialized with every other writer;
                # on PostgreSQL the unique index below settles a race that slips past it. (An accepted report
                # was checked when accepted: its submission's own unique key stands for it.)
                existing = _idempotent_replay(organization, key, fingerprint)
                if existing is not None:
                    return IntakeResult(existing, created=False)
            case = _insert_case(intake, decision, reference=reference, fingerprint=fingerprint, now=now)
            if within is not None:
                within(case)
    except IntegrityError:
        # A racing retry under the same key, or (for an accepted report) another worker that wrote it first.
        existing = Case.objects.filter(organization=organization, reference=reference).first()
        if existing is None and key:
            existing = _idempotent_replay(organization, key, fingerprint)
        if existing is None:
            raise
        return IntakeResult(existing, created=False)
    return IntakeResult(case, created=True)


def _idempotent_replay(organization: Organization, key: str, fingerprint: str) -> Case | None:
    existing = Case.objects.filter(organization=organization, idempotency_key=key).first()
    if existing is not None and existing.request_fingerprint != fingerprint:
        raise DomainError.single(
            "idempotency_key",
            "idempotency_key_reused",
            _("This idempotency key was already used for a different report."),
            status=409,
        )
    return existing


def _allocate_reference(organization: Organization, *, now: datetime.datetime) -> str:
    with transaction.atomic():
        return next_reference(organization, now=now)


def next_reference(organization: Organization, *, now: datetime.datetime) -> str:
    """The organization's next reference number for the year, in the caller's transaction: one
    ``UPDATE … RETURNING`` (which locks the counter row until the transaction commits)."""
    year = references.current_year(now)
    table = ReferenceCounter._meta.db_table
    with connection.cursor() as cursor:
        for _attempt in range(2):
            cursor.execute(
                f"UPDATE {table} SET last_value = last_value + 1 "  # noqa: S608 - the table name is ours
                "WHERE organization_id = %s AND year = %s RETURNING last_value",
                [organization.pk, year],
            )
            row = cursor.fetchone()
            if row is not None:
                return references.format_reference(year=year, sequence=row[0])
            # The year's first number: create the counter (a racing creator wins; then update again).
            try:
                with transaction.atomic():
                    ReferenceCounter.objects.create(organization=organization, year=year, last_value=0)
            except IntegrityError:
                pass
    raise RuntimeError("the reference counter could not be created")


def _insert_case(
    intake: ValidIntake,
    decision: triage.TriageDecision,
    *,
    reference: str,
    fingerprint: str,
    now: datetime.datetime,
) -> Case:
    request = intake.request
    department = decision.route.department if decision.route else None
    principal = intake.principal
    case = Case(
        organization=request.organization,
        reference=reference,
        kind=decision.kind,
        category=decision.category,
        description=intake.description,
        language=decision.language,
        channel=request.channel,
        service_point=intake.service_point,
        lat=intake.lat,
        lon=intake.lon,
        address=intake.address,
        area=decision.area,
        reporter_name=intake.reporter.name,
        reporter_phone=intake.reporter.phone,
        reporter_email=intake.reporter.email,
        priority=decision.priority,
        womens_section=request.womens_section,
        is_proxy=principal is not None,
        principal_name=principal.name if principal else "",
        principal_relationship=principal.relationship if principal else "",
        authorization_document=principal.document if principal else "",
        received_at=request.received_at or now,
        created_by=request.created_by,
        idempotency_key=request.idempotency_key or None,
        request_fingerprint=fingerprint,
        department=department,
        status=Status.TRIAGED if department is not None else Status.NEW,
        created_at=now,
        updated_at=now,
    )
    case.search_text = fold_for_search(f"{case.reference} {case.description} {case.address}")
    deadlines.save_with_targets(case, now=now)
    if request.phone_verification_key:
        verification.case_mark_phone_verified(case=case, key=request.phone_verification_key)
    latest = record_event(
        case,
        EventKind.CREATED,
        by=request.created_by,
        to_status=Status.NEW,
        public=True,
        label=case.channel,
        data={"place": intake.place.key} if intake.place is not None else None,
    )
    assessment = decision.assessment
    if assessment is not None:
        TriageResult.objects.create(
            case=case,
            language=assessment.language or "",
            language_confidence=assessment.language_confidence,
            category=assessment.category or "",
            confidence=assessment.confidence,
            alternatives=assessment.alternatives,
            applied=decision.applied,
            urgent_terms=assessment.urgent_terms,
            created_at=now,
        )
    if department is not None:
        data: dict[str, Any] = {
            "category": case.category.code,
            "department": department.code,
            "auto": decision.applied,
        }
        if decision.applied and assessment is not None:
            data["confidence"] = round(assessment.confidence or 0, 4)
        latest = record_event(
            case,
            EventKind.TRIAGED,
            by=None,
            from_status=Status.NEW,
            to_status=Status.TRIAGED,
            public=True,
            data=data,
        )
    notify.to_reporter(case, "received", event=latest, new_event=True)
    if decision.route is not None and decision.route.partner:
        # Outside our jurisdiction (a water leak, a power cut): referred at once, and the reporter is told.
        partner = decision.route.partner
        case = transition(
            case,
            Status.REFERRED,
            EventKind.REFERRED,
            by=None,
            data={"partner": partner, "auto": True},
            extra={"referred_to": partner},
        )
        notify.to_reporter(case, "referred", partner=partner)
    elif decision.duplicate_of is not None:
        # A report of the same problem nearby, still open: the reporter follows the original and hears when
        # it is fixed; staff review automatic links in their duplicates queue.
        original, distance = decision.duplicate_of
        case = transition(
            case,
            Status.DUPLICATE,
            EventKind.MARKED_DUPLICATE,
            by=None,
            data={"duplicate_of": original.reference, "auto": True, "distance_m": round(distance)},
            extra={"duplicate_of": original, "closed_at": now},
        )
        notify.to_reporter(case, "duplicate", original=original.reference)
    return case


# --- Lifecycle actions ------------------------------------------------------------------------------------


def record_event(
    case: Case,
    kind: str,
    *,
    by: User | None,
    from_status: str = "",
    to_status: str = "",
    public: bool = False,
    note: str = "",
    data: dict[str, Any] | None = None,
    label: str = "",
) -> CaseEvent:
    return CaseEvent.objects.create(
        organization_id=case.organization_id,
        case=case,
        kind=kind,
        actor=by,
        actor_label=label or ("" if by else "system"),
        from_status=from_status,
        to_status=to_status,
        is_public=public,
        note=note,
        data=data or {},
    )


def lock_case(case: Case) -> Case:
    """Re-read the case under a row lock so two people acting at once see each other's change."""
    return Case.objects.select_for_update().get(pk=case.pk)


def transition(
    case: Case,
    to_status: str,
    kind: str,
    *,
    by: User | None,
    note: str = "",
    public: bool = True,
    data: dict[str, Any] | None = None,
    extra: dict[str, Any] | None = None,
) -> Case:
    lifecycle.ensure_transition(case.status, to_status)
    from_status = case.status
    case.status = to_status
    for field, value in (extra or {}).items():
        setattr(case, field, value)
    case.updated_at = clock.now()
    deadlines.on_status_change(case, from_status=from_status, now=case.updated_at)
    case.save()
    deadlines.save_timer(case)
    record_event(
        case, kind, by=by, from_status=from_status, to_status=to_status, public=public, note=note, data=data
    )
    return case


def _required_text(field: str, value: str, message: Any) -> str:
    text = (value or "").strip()
    if not text:
        raise DomainError.single(field, "required", message)
    if len(text) > NOTE_MAX:
        raise DomainError.single(
            field, "too_long", _("The text is too long: at most %(max)d characters.") % {"max": NOTE_MAX}
        )
    return text


@transaction.atomic
def case_assign(
    *,
    case: Case,
    by: User | None,
    department: Department | None = None,
    assignee: User | None = None,
    note: str = "",
) -> Case:
    case = lock_case(case)
    if department is None and assignee is None:
        raise DomainError.single("department", "required", _("Choose a department or a person."))
    if department is not None and department.organization_id != case.organization_id:
        raise DomainError.single("department", "unknown_department", _("Unknown department."))
    if assignee is not None and (assignee.organization_id != case.organization_id or not assignee.is_active):
        raise DomainError.single("assignee", "unknown_user", _("Unknown user."))
    new_department = department or (
        assignee.department if assignee and assignee.department_id else case.department
    )
    data = {
        "department": [_code(case.department), _code(new_department)],
        "assignee": [
            case.assignee.username if case.assignee else None,
            assignee.username if assignee else None,
        ],
    }
    case = transition(
        case,
        Status.ASSIGNED,
        EventKind.ASSIGNED,
        by=by,
        note=note.strip(),
        public=False,
        data=data,
        extra={"department": new_department, "assignee": assignee},
    )
    if assignee is not None and assignee != by:
        notify.to_staff(case, "staff_assigned", [assignee], event=case.events.order_by("-id").first())
    return case


def _code(department: Department | None) -> str | None:
    return department.code if department else None


@transaction.atomic
def case_take(*, case: Case, by: User, note: str = "") -> Case:
    """A member of staff takes an unassigned case of their department: it becomes theirs. Two people
    taking at once: the row lock makes the second one see the first's name and be refused. A case on hold
    stays on hold (its clock stays paused); it is simply theirs when the answer comes."""
    case = lock_case(case)
    if case.assignee_id is not None:
        raise DomainError.single(
            "assignee", "already_assigned", _("Someone already has this case."), status=409
        )
    data = {"assignee": by.username, "department": _code(case.department)}
    if case.status == Status.ON_HOLD:
        case.assignee = by
        case.updated_at = clock.now()
        case.save(update_fields=["assignee", "updated_at"])
        record_event(case, EventKind.TAKEN, by=by, note=note.strip(), data=data)
        return case
    return transition(
        case,
        Status.ASSIGNED,
        EventKind.TAKEN,
        by=by,
        note=note.strip(),
        public=False,
        data=data,
        extra={"assignee": by},
    )


@transaction.atomic
def case_unassign(*, case: Case, by: User | None, note: str = "") -> Case:
    """Give a case back to its department: nobody has it any more, and it waits to be taken or assigned.
    Work that had started stops (in progress goes back to assigned); a held case stays on hold."""
    case = lock_case(case)
    if case.assignee_id is None:
        raise DomainError.single("assignee", "not_assigned", _("Nobody has this case."), status=409)
    data = {"assignee": case.assignee.username, "department": _code(case.department)}
    if case.status == Status.IN_PROGRESS:
        return transition(
            case,
            Status.ASSIGNED,
            EventKind.UNASSIGNED,
            by=by,
            note=note.strip(),
            public=False,
            data=data,
            extra={"assignee": None},
        )
    lifecycle.ensure_workable(case.status)
    case.assignee = None
    case.updated_at = clock.now()
    case.save(update_fields=["assignee", "updated_at"])
    record_event(case, EventKind.UNASSIGNED, by=by, note=note.strip(), data=data)
    return case


@transaction.atomic
def case_start(*, case: Case, by: User, note: str = "") -> Case:
    case = lock_case(case)
    return transition(
        case,
        Status.IN_PROGRESS,
        EventKind.STARTED,
        by=by,
        note=note.strip(),
        extra={"assignee": case.assignee or by},
    )


def _staff_language(by: User | None, case: Case) -> str:
    return by.language if by is not None and by.language else case.organization.default_language


def _said(case: Case, by: User | None, wording: Wording, readers: list[str]) -> tuple[str, dict[str, Any]]:
    """Staff's words for the event: the note in the acting person's language, and in ``data`` the reply,
    the texts each reader gets and what is translated or sent as written (cases/wording.py)."""
    wording.ensure_readable(readers)
    return wording.for_staff(_staff_language(by, case)), wording.event_data(readers)


def _words_maybe_public(
    *,
    case: Case,
    by: User | None,
    action: str,
    text: str,
    public: bool,
    reply: PreparedReply | None,
    send_untranslated: bool,
    required: Any,
) -> tuple[str, dict[str, Any], Wording | None]:
    """Words that go to the reporter when public (or a prepared reply), worded for each reader; otherwise
    an internal text, required. Returns the event's note, its data and the wording to send (or None)."""
    if not (public or reply is not None):
        return _required_text("note", text, required), {}, None
    wording = wording_for(
        case=case,
        action=action,
        by=by,
        text=text,
        reply=reply,
        send_untranslated=send_untranslated,
        required=required,
    )
    note, data = _said(case, by, wording, [case.language])
    return note, data, wording


@transaction.atomic
def case_hold(
    *,
    case: Case,
    by: User | None,
    reason: str = "",
    public: bool = True,
    reply: PreparedReply | None = None,
    send_untranslated: bool = False,
) -> Case:
    """On hold with a reason; public: a question the reporter is asked (free text or a prepared reply)."""
    case = lock_case(case)
    lifecycle.ensure_transition(case.status, Status.ON_HOLD)  # the state first, then the words
    required = _("Say why the case is on hold, or what you ask the reporter.")
    public = public or reply is not None
    text, data, wording = _words_maybe_public(
        case=case,
        by=by,
        action="hold",
        text=reason,
        public=public,
        reply=reply,
        send_untranslated=send_untranslated,
        required=required,
    )
    case = transition(
        case,
        Status.ON_HOLD,
        EventKind.HELD,
        by=by,
        note=text,
        public=public,
        data=data,
        extra={"status_before_hold": case.status},
    )
    if wording is not None:
        notify.to_reporter(case, "question", question=wording)
    return case


@transaction.atomic
def case_resume(*, case: Case, by: User | None, note: str = "") -> Case:
    case = lock_case(case)
    if case.status != Status.ON_HOLD:
        raise DomainError.single(
            "status", "invalid_transition", _("Only a case on hold can resume."), status=409
        )
    target = case.status_before_hold or (Status.TRIAGED if case.department_id else Status.NEW)
    return transition(
        case, target, EventKind.RESUMED, by=by, note=note.strip(), extra={"status_before_hold": ""}
    )


@transaction.atomic
def case_resolve(
    *,
    case: Case,
    by: User,
    note: str = "",
    reply: PreparedReply | None = None,
    send_untranslated: bool = False,
) -> Case:
    """Resolved: every reporter concerned — the case's own and those of its duplicates — hears what was
    done in their own language, with the after-photos in a WhatsApp chat; the case's reporter gets the
    closure code and the question "is it fixed?" (cases/closure.py)."""
    case = lock_case(case)
    lifecycle.ensure_transition(case.status, Status.RESOLVED)
    wording = wording_for(
        case=case,
        action="resolve",
        by=by,
        text=note,
        reply=reply,
        send_untranslated=send_untranslated,
        required=_("Describe what was done."),
    )
    # A link made before the privacy rule existed says nothing to that reporter.
    duplicates = [
        d for d in case.duplicates.filter(status=Status.DUPLICATE) if privacy.can_link_duplicate(d, case)
    ]
    text, data = _said(case, by, wording, [case.language, *(d.language for d in duplicates)])
    now = clock.now()
    code = closure_codes.issue_code(case, now=now)
    case = transition(
        case, Status.RESOLVED, EventKind.RESOLVED, by=by, note=text, data=data, extra={"resolved_at": now}
    )
    event = case.events.order_by("-id").first()
    photos = notify.after_photos(case, event)
    notify.to_reporter(case, "resolved", event=event, note=wording, code=code)
    notify.photos_to_reporter(case, photos, event=event)
    for duplicate in duplicates:
        notify.to_reporter(duplicate, "duplicate_fixed", event=event, note=wording)
        if privacy.is_public_problem(case):  # a private case's photos are for its own reporter alone
            notify.photos_to_reporter(duplicate, photos, event=event)
    return case


@transaction.atomic
def case_close(*, case: Case, by: User | None, note: str = "") -> Case:
    case = lock_case(case)
    case = transition(
        case,
        Status.CLOSED,
        EventKind.CLOSED,
        by=by,
        note=note.strip(),
        extra={
            "closed_at": clock.now(),
            "closure_outcome": "staff",
            "closure_due_at": None,
        },
    )
    notify.to_reporter(case, "rate")
    return case


@transaction.atomic
def case_reopen(*, case: Case, by: User | None, reason: str) -> Case:
    case = lock_case(case)
    text = _required_text("note", reason, _("Say why the case is reopened."))
    return transition(
        case,
        Status.REOPENED,
        EventKind.REOPENED,
        by=by,
        note=text,
        extra={"resolved_at": None, "closed_at": None},
    )


@transaction.atomic
def case_reject(
    *,
    case: Case,
    by: User,
    reason: str = "",
    reply: PreparedReply | None = None,
    send_untranslated: bool = False,
) -> Case:
    case = lock_case(case)
    lifecycle.ensure_transition(case.status, Status.REJECTED)
    wording = wording_for(
        case=case,
        action="reject",
        by=by,
        text=reason,
        reply=reply,
        send_untranslated=send_untranslated,
        required=_("Say why the report is rejected."),
    )
    text, data = _said(case, by, wording, [case.language])
    case = transition(
        case,
        Status.REJECTED,
        EventKind.REJECTED,
        by=by,
        note=text,
        data=data,
        extra={"closed_at": clock.now()},
    )
    notify.to_reporter(case, "rejected", reason=wording)
    return case


def _optional_words(
    case: Case,
    by: User | None,
    action: str,
    note: str,
    reply: PreparedReply | None,
    send_untranslated: bool,
) -> tuple[Wording | None, str, dict[str, Any]]:
    """Words that may go with a referral or a duplicate: sent to the reporter as an update when given."""
    wording = wording_for(
        case=case, action=action, by=by, text=note, reply=reply, send_untranslated=send_untranslated
    )
    if wording is None:
        return None, "", {}
    text, data = _said(case, by, wording, [case.language])
    return wording, text, data


@transaction.atomic
def case_mark_duplicate(
    *,
    case: Case,
    by: User | None,
    original: Case,
    note: str = "",
    reply: PreparedReply | None = None,
    send_untranslated: bool = False,
) -> Case:
    case = lock_case(case)
    if original.organization_id != case.organization_id:
        raise DomainError.single("duplicate_of", "not_found", _("No case has this reference number."))
    # Point at the root so chains of duplicates never form.
    while original.duplicate_of_id is not None:
        original = original.duplicate_of
    if original.pk == case.pk:
        raise DomainError.single("duplicate_of", "self", _("A case cannot be a duplicate of itself."))
    if not privacy.can_link_duplicate(case, original):
        raise DomainError.single(
            "duplicate_of",
            "private_original",
            _(
                "These two cases cannot be linked: a women's-section case links only to another one, and a "
                "complaint, an inquiry or a proxy's case is never the original of someone else's report."
            ),
        )
    lifecycle.ensure_transition(case.status, Status.DUPLICATE)
    wording, text, data = _optional_words(case, by, "duplicate", note, reply, send_untranslated)
    case = transition(
        case,
        Status.DUPLICATE,
        EventKind.MARKED_DUPLICATE,
        by=by,
        note=text,
        data={"duplicate_of": original.reference, **data},
        extra={"duplicate_of": original, "closed_at": clock.now()},
    )
    notify.to_reporter(case, "duplicate", original=original.reference)
    if wording is not None:
        notify.to_reporter(case, "update", note=wording)
    return case


@transaction.atomic
def case_refer(
    *,
    case: Case,
    by: User | None,
    partner: str,
    note: str = "",
    reply: PreparedReply | None = None,
    send_untranslated: bool = False,
) -> Case:
    """Referred to a partner entity. With words (a prepared reply names the partner and how to reach it in
    the reporter's language), the reporter gets those instead of the partner's name as staff typed it."""
    case = lock_case(case)
    lifecycle.ensure_transition(case.status, Status.REFERRED)
    partner = _required_text("partner", partner, _("Name the entity the case is referred to."))
    wording, text, data = _optional_words(case, by, "refer", note, reply, send_untranslated)
    case = transition(
        case,
        Status.REFERRED,
        EventKind.REFERRED,
        by=by,
        note=text,
        data={"partner": partner, **data},
        extra={"referred_to": partner},
    )
    if wording is not None:
        notify.to_reporter(case, "update", note=wording)
    else:
        notify.to_reporter(case, "referred", partner=partner)
    return case


@transaction.atomic
def case_set_priority(*, case: Case, by: User | None, priority: str, note: str = "") -> Case:
    case = lock_case(case)
    if priority not in Priority.values:
        raise DomainError.single("priority", "unknown_priority", _("Unknown priority."))
    lifecycle.ensure_workable(case.status)
    if priority == case.priority:
        return case
    old = case.priority
    case.priority = priority
    case.updated_at = clock.now()
    sla_change = deadlines.save_with_targets(case, now=case.updated_at)
    record_event(
        case, EventKind.PRIORITY_CHANGED, by=by, note=note.strip(), data={"priority": [old, priority]}
    )
    _record_sla_change(case, sla_change, by=by)
    return case


def _record_sla_change(case: Case, change: dict[str, Any] | None, *, by: User | None) -> None:
    """Every recomputation of targets is an event, so the timeline explains why a due date moved."""
    if change is not None:
        record_event(case, EventKind.SLA_CHANGED, by=by, data=change)


@transaction.atomic
def case_set_category(*, case: Case, by: User | None, category: str, note: str = "") -> Case:
    """Change the category. A person's change is kept as a correction, which triage learns from; a case not
    yet assigned is routed again to the new category's department."""
    case = lock_case(case)
    lifecycle.ensure_workable(case.status)
    new = org_selectors.category_get_active(organization=case.organization, code=category)
    if new is None:
        raise DomainError.single("category", "unknown_category", _("Unknown category."))
    if new.pk == case.category_id:
        return case
    old_code = case.category.code if case.category_id else None
    case.category = new
    data: dict[str, Any] = {"category": [old_code, new.code], "corrected": by is not None}
    destination = None
    if case.status in {Status.NEW, Status.TRIAGED}:
        # Routed again by the same rules as at intake (area, kind, partner), not just the category's default.
        destination = route(category=new, area_id=case.area_id, kind=case.kind)
        if destination.department is not None and destination.department != case.department:
            data["department"] = [_code(case.department), destination.department.code]
            case.department = destination.department
    case.updated_at = clock.now()
    sla_change = deadlines.save_with_targets(case, now=case.updated_at)
    record_event(case, EventKind.CATEGORY_CHANGED, by=by, note=note.strip(), data=data)
    _record_sla_change(case, sla_change, by=by)
    if destination is not None and destination.partner:
        # Outside the organization's work: referred at once, as intake would have done.
        case = transition(
            case,
            Status.REFERRED,
            EventKind.REFERRED,
            by=by,
            data={"partner": destination.partner, "auto": True},
            extra={"referred_to": destination.partner},
        )
        notify.to_reporter(case, "referred", partner=destination.partner)
    elif case.status == Status.NEW and case.department_id:
        transition(case, Status.TRIAGED, EventKind.TRIAGED, by=by, data={"category": new.code})
    return case


@transaction.atomic
def case_add_note(
    *,
    case: Case,
    by: User | None,
    text: str = "",
    public: bool = False,
    reply: PreparedReply | None = None,
    send_untranslated: bool = False,
) -> CaseEvent:
    """An internal note, or (public, or a prepared reply) an update the reporter is sent."""
    case = lock_case(case)
    required = _("Write the note.")
    public = public or reply is not None
    body, data, wording = _words_maybe_public(
        case=case,
        by=by,
        action="note",
        text=text,
        public=public,
        reply=reply,
        send_untranslated=send_untranslated,
        required=required,
    )
    case.updated_at = clock.now()
    case.save(update_fields=["updated_at"])
    event = record_event(case, EventKind.NOTE, by=by, note=body, public=public, data=data)
    if wording is not None:
        notify.to_reporter(case, "update", event=event, note=wording)
    return event
