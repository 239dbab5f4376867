"""Staff endpoints (Bearer API tokens). What each person sees and may do is decided in cases.access."""

from __future__ import annotations

import datetime
from typing import Literal

from django.http import FileResponse, HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from ninja import File, Form, Header, Query, Router, Status
from ninja.files import UploadedFile

from khidma.accounts.models import User
from khidma.api import presenters
from khidma.api.auth import StaffToken
from khidma.api.schemas import (
    ActionIn,
    AttachmentOut,
    CaseDetailOut,
    CasePageOut,
    ClassifyIn,
    ClassifyOut,
    ComplianceOut,
    ErrorsOut,
    ReplyOut,
    StaffCaseIn,
    WorkNoteIn,
)
from khidma.api.types import MAX_PAGE, Language, Moment
from khidma.cases import access, actions, services
from khidma.cases import selectors as case_selectors
from khidma.cases.attachments import attachment_add
from khidma.cases.intake import Principal, Reporter, staff_intake_request
from khidma.cases.models import Case, Channel, Priority, ReplyAction
from khidma.cases.models import Status as CaseStatus
from khidma.cases.references import parse_reference
from khidma.cases.triage import classify_text
from khidma.core.errors import DomainError, NotFound
from khidma.organizations.models import Area, Category, Department

router = Router(tags=["staff"], auth=StaffToken())

# The channel a case takes when the agent does not say: it follows from where the agent works.
_ERRORS = {400: ErrorsOut, 401: ErrorsOut, 403: ErrorsOut, 404: ErrorsOut, 409: ErrorsOut}


def _visible_case(user: User, reference: str) -> Case:
    return access.case_get_visible(user, parse_reference(reference))


def _detail(request: HttpRequest, case: Case, user: User) -> dict:
    body = presenters.staff_case(case, user)
    body["events"] = [presenters.staff_event(e) for e in case_selectors.case_events(case)]
    body["attachments"] = [presenters.attachment(a, request) for a in case.attachments.select_related("case")]
    return body


@router.get("/cases", response={200: CasePageOut, **_ERRORS})
def case_list(
    request: HttpRequest,
    status: list[CaseStatus] | None = Query(None),
    category: str | None = Query(None, max_length=50),
    department: str | None = Query(None, max_length=50),
    area: str | None = Query(None, max_length=50),
    channel: Channel | None = None,
    language: Language | None = None,
    priority: Priority | None = None,
    service_point: str | None = Query(None, max_length=50),
    received_from: Moment | None = None,
    received_to: Moment | None = None,
    q: str | None = Query(None, max_length=200),
    page: int = Query(1, ge=1, le=MAX_PAGE),
    page_size: int = Query(25, ge=1, le=100),
):
    """Cases the caller may see, newest first. An unknown status, channel, language or priority is a 400,
    never silently ignored."""
    user: User = request.auth
    filters = case_selectors.CaseFilters(
        status=status,
        category=category,
        department=department,
        area=area,
        channel=channel,
        language=language,
        priority=priority,
        service_point=service_point,
        received_from=received_from,
        received_to=received_to,
        q=q,
    )
    cases = case_selectors.case_filter(
        access.cases_visible_to(user), filters, search_contact=access.can_see_contact(user)
    )
    count = cases.count()
    start = (page - 1) * page_size
    items = case_selectors.case_list_related(cases)[start : start + page_size]
    return {
        "count": count,
        "page": page,
        "page_size": page_size,
        "items": [presenters.staff_case(c, user) for c in items],
    }


@router.post("/cases", response={201: CaseDetailOut, 200: CaseDetailOut, 413: ErrorsOut, **_ERRORS})
def case_create(
    request: HttpRequest,
    payload: StaffCaseIn,
    idempotency_key: str | None = Header(None, alias="Idempotency-Key"),
):
    """Take a case in on someone's behalf: by phone, at a counter, from a letter or an import. The channel
    defaults to the one of the caller's post, and the service point to the post when the case came in
    through the post's own channel; the women's section's own cases belong to it."""
    user: User = request.auth
    reporter = payload.reporter
    principal = payload.principal
    result = services.case_create(
        request=staff_intake_request(
            user=user,
            description=payload.description or "",
            channel=payload.channel,
            service_point=payload.service_point,
            womens_section=payload.womens_section,
            kind=payload.kind,
            category=payload.category,
            priority=payload.priority,
            language=payload.language,
            fallback_language=get_language(),
            lat=payload.lat,
            lon=payload.lon,
            address=payload.address or "",
            area=payload.area or None,
            reporter=Reporter(
                name=(reporter.name if reporter else None) or "",
                phone=(reporter.phone if reporter else None) or "",
                email=(reporter.email if reporter else None) or "",
            ),
            received_at=payload.received_at,
            principal=Principal(principal.name, principal.relationship or "", principal.document or "")
            if principal is not None
            else None,
            idempotency_key=idempotency_key,
        )
    )
    return Status(201 if result.created else 200, _detail(request, result.case, user))


@router.get("/cases/{reference}", response={200: CaseDetailOut, **_ERRORS})
def case_get(request: HttpRequest, reference: str):
    user: User = request.auth
    return _detail(request, _visible_case(user, reference), user)


@router.post(
    "/cases/{reference}/attachments", response={201: AttachmentOut, 413: ErrorsOut, 415: ErrorsOut, **_ERRORS}
)
def case_attach(request: HttpRequest, reference: str, file: File[UploadedFile], public: Form[bool] = False):
    """Attach a photo (JPEG, PNG, WebP) or a PDF. Public attachments (an after-photo) show on the timeline."""
    user: User = request.auth
    case = _visible_case(user, reference)
    access.ensure_can_act(user, case, "note")
    item = attachment_add(case=case, by=user, upload=file, public=public)
    return Status(201, presenters.attachment(item, request))


@router.get("/cases/{reference}/attachments/{attachment_id}", response={200: None, **_ERRORS})
def case_attachment_file(request: HttpRequest, reference: str, attachment_id: int):
    user: User = request.auth
    case = _visible_case(user, reference)
    item = case.attachments.filter(pk=attachment_id).first()
    if item is None:
        raise NotFound.single("attachment", "not_found", _("No such attachment."))
    return FileResponse(item.file.open("rb"), content_type=item.content_type)


@router.get("/cases/{reference}/replies", response={200: list[ReplyOut], **_ERRORS})
def case_replies(request: HttpRequest, reference: str, action: str | None = None):
    """The prepared replies that fit the case's category and, given `action` (resolve, hold, reject, refer,
    duplicate or note), that action. Send one's `id` as `reply` with the action."""
    user: User = request.auth
    case = _visible_case(user, reference)
    if action is not None and action not in ReplyAction.values:
        raise DomainError.single(
            "action", "invalid_choice", _("This value is not one of the allowed choices.")
        )
    by_action = case_selectors.prepared_replies_for_case(case)
    chosen = (
        by_action.get(action, [])
        if action
        else list({r.pk: r for rs in by_action.values() for r in rs}.values())
    )
    language = get_language()
    return [
        {
            "id": reply.pk,
            "key": reply.key,
            "title": reply.title_in(language),
            "text": reply.text.get(case.language),
            "languages": [code for code in reply.text if reply.text[code]],
            "reporter_language_missing": not reply.text.get(case.language),
            "actions": reply.actions,
            "categories": [c.code for c in reply.categories.all()],
        }
        for reply in sorted(chosen, key=lambda r: r.key)
    ]


@router.post("/triage/classify", response={200: ClassifyOut, **_ERRORS})
def triage_classify(request: HttpRequest, payload: ClassifyIn):
    """What triage makes of a text: its language, the category with its confidence, and two alternatives
    (the agent console shows these as the description is typed)."""
    if not payload.text.strip():
        raise DomainError.single("text", "required", _("This field is required."))
    return classify_text(payload.text[:4000])


@router.get("/stats/sla-compliance", response={200: ComplianceOut, **_ERRORS})
def sla_compliance(
    request: HttpRequest,
    group_by: Literal["category", "department", "area", "month"] = Query("category"),
    resolved_from: Moment | None = None,
    resolved_to: Moment | None = None,
):
    """Resolution targets met and missed, over the cases the caller may see, by when they were resolved."""
    user: User = request.auth
    tz = user.organization.tz
    rows = case_selectors.sla_compliance(
        access.cases_visible_to(user),
        group_by=group_by,
        resolved_from=resolved_from,
        resolved_to=resolved_to,
        tz=tz,
    )
    names = _group_names(user, group_by, [row["key"] for row in rows])
    return {
        "group_by": group_by,
        "resolved_from": resolved_from,
        "resolved_to": resolved_to,
        "rows": [
            {
                "key": _key_text(row["key"]),
                "name": names.get(row["key"], _key_text(row["key"]) or ""),
                "met": row["met"],
                "missed": row["missed"],
                "compliance": round(row["met"] / (row["met"] + row["missed"]), 4)
                if row["met"] + row["missed"]
                else None,
            }
            for row in rows
        ],
    }


def _key_text(key) -> str | None:
    if isinstance(key, datetime.datetime):
        return key.strftime("%Y-%m")
    return key


def _group_names(user: User, group_by: str, keys: list) -> dict:
    model = {"category": Category, "department": Department, "area": Area}.get(group_by)
    if model is None:
        return {}
    return {
        row.code: row.name_in()
        for row in model.objects.filter(organization_id=user.organization_id, code__in=keys)
    }


@router.post("/cases/{reference}/take", response={200: CaseDetailOut, **_ERRORS})
def case_take(request: HttpRequest, reference: str, payload: WorkNoteIn):
    """Take an unassigned case of your department: it becomes yours (field staff, department heads, the
    women's section, researchers). 409 `already_assigned` when someone has it; 403 for roles that hand work
    out instead of taking it."""
    user: User = request.auth
    case = _visible_case(user, reference)
    case = actions.perform(user, case, "take", actions.ActionInput(note=payload.note or ""))
    return _detail(request, case, user)


@router.post("/cases/{reference}/unassign", response={200: CaseDetailOut, **_ERRORS})
def case_unassign(request: HttpRequest, reference: str, payload: WorkNoteIn):
    """Give a case back to its department: nobody has it any more (work in progress stops; a held case stays
    on hold). 409 `not_assigned` when nobody has it."""
    user: User = request.auth
    case = _visible_case(user, reference)
    case = actions.perform(user, case, "unassign", actions.ActionInput(note=payload.note or ""))
    return _detail(request, case, user)


@router.post("/cases/{reference}/{action}", response={200: CaseDetailOut, **_ERRORS, 429: ErrorsOut})
def case_action(request: HttpRequest, reference: str, action: str, payload: ActionIn):
    """Run a lifecycle action: assign, start, hold, resume, resolve, close, reopen, reject, duplicate, refer,
    priority, category, note, confirm-closure (the reporter's closure code in `note`; after a few wrong codes
    the code is locked, 429 `code_locked`) or new-code (a new closure code to the reporter's phone or email on
    the report). An action the case's status does not allow answers 409. A person given a case must be able
    to work it (staff of the case's department, or of the department named): otherwise 400
    `cannot_work_case`. Words for the reporter are a prepared `reply` or a `note`; a note a reporter of
    another language could not read, untranslated, answers 409 `language_mismatch` unless
    `send_untranslated` is true."""
    user: User = request.auth
    case = _visible_case(user, reference)
    case = actions.perform(user, case, action, actions.ActionInput(**payload.dict()))
    return _detail(request, case, user)
