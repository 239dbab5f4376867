"""One dispatcher for the lifecycle actions that interfaces offer by name (API, back office), so each
action is spelled and validated once. Authorization is checked here, through cases.access."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from khidma.accounts.models import User
from khidma.cases import access, closure, services
from khidma.cases.attachments import attachment_add
from khidma.cases.closure_guard import case_closure_code_resend, closure_code_check
from khidma.cases.models import Case, PreparedReply
from khidma.cases.references import parse_reference
from khidma.core import validation
from khidma.core.errors import DomainError
from khidma.organizations.models import Department


@dataclass(frozen=True)
class ActionInput:
    note: str = ""
    public: bool | None = None
    department: str | None = None
    assignee: str | None = None
    priority: str | None = None
    category: str | None = None
    duplicate_of: str | None = None
    partner: str | None = None
    # A photo sent with a note or a resolution (the after-photo): shown to the reporter on the timeline.
    photo: UploadedFile | None = None
    # A prepared reply (its id) to send instead of typed words, in each reporter's own language.
    reply: int | None = None
    # Typed words that would reach a reporter in another language untranslated: sent only when confirmed.
    send_untranslated: bool = False


# The actions whose words may go to the reporter: they take a prepared reply.
REPLY_ACTIONS = ("resolve", "hold", "reject", "refer", "duplicate", "note")


PHOTO_ACTIONS = frozenset({"resolve", "note"})


def _department(user: User, code: str | None) -> Department | None:
    if not code:
        return None
    department = Department.objects.filter(
        organization_id=user.organization_id, code=code, is_active=True
    ).first()
    if department is None:
        raise DomainError.single("department", "unknown_department", _("Unknown department."))
    return department


def _assignee(user: User, username: str | None) -> User | None:
    if not username:
        return None
    person = User.objects.filter(
        organization_id=user.organization_id, username=username, is_active=True
    ).first()
    if person is None:
        raise DomainError.single("assignee", "unknown_user", _("Unknown user."))
    return person


def _reply(user: User, reply_id: int | None) -> PreparedReply | None:
    if reply_id is None:
        return None
    reply = access.replies_visible_to(user).filter(pk=reply_id, is_active=True).first()
    if reply is None:
        raise DomainError.single("reply", "unknown_reply", _("Unknown prepared reply."))
    return reply


def perform(user: User, case: Case, action: str, given: ActionInput) -> Case:
    access.ensure_can_act(user, case, action)
    errors = validation.text_errors(
        note=given.note,
        department=given.department,
        assignee=given.assignee,
        priority=given.priority,
        category=given.category,
        duplicate_of=given.duplicate_of,
        partner=given.partner,
    )
    if errors:
        raise DomainError(*errors)
    if action == "confirm-closure":
        # Checked (and a wrong code counted) before the transaction below, which a wrong code rolls back.
        closure_code_check(case=case, code=(given.note or "").strip())
    if action == "take":
        access.ensure_can_take(user, case)
    # The photo and the change land together or not at all: a refused photo never leaves a case resolved
    # without the proof the officer meant to attach, and a refused resolution keeps no stray photo.
    with transaction.atomic():
        if given.photo is not None and action in PHOTO_ACTIONS:
            attachment_add(
                case=case, by=user, upload=given.photo, public=action == "resolve" or bool(given.public)
            )
        _dispatch(user, case, action, given)
    case.refresh_from_db()
    return case


def _dispatch(user: User, case: Case, action: str, given: ActionInput) -> None:
    note = given.note or ""
    words = {}
    if action in REPLY_ACTIONS:
        words = {"reply": _reply(user, given.reply), "send_untranslated": given.send_untranslated}
    match action:
        case "take":
            services.case_take(case=case, by=user, note=note)
        case "assign":
            department, assignee = _department(user, given.department), _assignee(user, given.assignee)
            access.ensure_can_assign_to(user, case, assignee, department=department)
            services.case_assign(case=case, by=user, department=department, assignee=assignee, note=note)
        case "unassign":
            services.case_unassign(case=case, by=user, note=note)
        case "start":
            services.case_start(case=case, by=user, note=note)
        case "hold":
            services.case_hold(case=case, by=user, reason=note, public=given.public is not False, **words)
        case "resume":
            services.case_resume(case=case, by=user, note=note)
        case "resolve":
            services.case_resolve(case=case, by=user, note=note, **words)
        case "close":
            services.case_close(case=case, by=user, note=note)
        case "reopen":
            services.case_reopen(case=case, by=user, reason=note)
        case "reject":
            services.case_reject(case=case, by=user, reason=note, **words)
        case "duplicate":
            if not given.duplicate_of:
                raise DomainError.single(
                    "duplicate_of", "required", _("Give the reference of the original case.")
                )
            original = access.case_get_visible(user, parse_reference(given.duplicate_of))
            services.case_mark_duplicate(case=case, by=user, original=original, note=note, **words)
        case "refer":
            services.case_refer(case=case, by=user, partner=given.partner or "", note=note, **words)
        case "priority":
            services.case_set_priority(case=case, by=user, priority=given.priority or "", note=note)
        case "category":
            services.case_set_category(case=case, by=user, category=given.category or "", note=note)
        case "note":
            services.case_add_note(case=case, by=user, text=note, public=bool(given.public), **words)
        case "confirm-closure":
            closure.case_confirm_closure(case=case, code=note.strip(), channel=case.channel, by=user)
        case "new-code":
            case_closure_code_resend(case=case, by=user, channel=case.channel)
