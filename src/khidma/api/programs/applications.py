"""Association requests: request types, applications and their steps, and the committee's meetings."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import File, Form, Router, Status
from ninja.files import UploadedFile

from khidma.accounts.models import User
from khidma.api.auth import StaffToken
from khidma.api.programs import presenters
from khidma.api.programs.lookups import scoped_get, visible_case
from khidma.api.programs.schemas import (
    ERRORS,
    AgendaIn,
    ApplicationDetailOut,
    ApplicationFileOut,
    ApplicationIn,
    ApplicationOut,
    ChecklistItemIn,
    ChecklistItemOut,
    CommitteeIn,
    CommitteeOut,
    DecideIn,
    DocumentsIn,
    IntakeIn,
    MeetingIn,
    MeetingOut,
    NoteIn,
    QuorumIn,
    RegisterIn,
    RequestTypeIn,
    RequestTypeOut,
    ResearchIn,
    VoteIn,
)
from khidma.api.schemas import ErrorsOut
from khidma.core.errors import NotFound
from khidma.core.files import private_file_response
from khidma.programs import access
from khidma.programs.applications import selectors, services
from khidma.programs.applications.checklist import checklist_for
from khidma.programs.committees import selectors as committee_selectors
from khidma.programs.committees import services as committee_services
from khidma.programs.models import Application, Committee, Meeting, Person, RequestType

router = Router(tags=["programs"], auth=StaffToken())


def _application(user: User, application_id: int, field: str = "application") -> Application:
    return scoped_get(
        user, selectors.application_detail(access.visible(user, Application)), application_id, field
    )


def _request_type(user: User, code: str) -> RequestType:
    request_type = selectors.request_type_find(access.visible(user, RequestType), code=code)
    if request_type is None:
        raise NotFound.single("request_type", "not_found", _("Unknown request type."))
    return request_type


@router.get("/checklist-items", response={200: list[ChecklistItemOut], **ERRORS})
def checklist_item_list(request: HttpRequest):
    """The documents request types may ask for — the built-in ones and the organization's own — with their
    names; an applicant's document named in any of these languages ticks the item."""
    return presenters.checklist_items(checklist_for(request.auth.organization))


@router.post("/checklist-items", response={200: ChecklistItemOut, **ERRORS})
def checklist_item_upsert(request: HttpRequest, payload: ChecklistItemIn):
    """Add a checklist item, or rename one, in the organization's languages (supervisors, administrators)."""
    user: User = request.auth
    access.ensure(user, "configure")
    item = services.checklist_item_upsert(
        organization=user.organization, code=payload.code, names=payload.names, by=user
    )
    checklist = checklist_for(user.organization)
    return {"code": item.code, "label": checklist.label(item.code), "names": checklist.names[item.code]}


@router.get("/request-types", response={200: list[RequestTypeOut], **ERRORS})
def request_type_list(request: HttpRequest):
    return [presenters.request_type(t) for t in access.visible(request.auth, RequestType)]


@router.post("/request-types", response={201: RequestTypeOut, **ERRORS})
def request_type_create(request: HttpRequest, payload: RequestTypeIn):
    user: User = request.auth
    access.ensure(user, "configure")
    item = services.request_type_create(organization=user.organization, by=user, **payload.dict())
    return Status(201, presenters.request_type(item))


@router.post("/applications", response={201: ApplicationDetailOut, **ERRORS})
def application_submit(request: HttpRequest, payload: ApplicationIn):
    """Submit an application on a case, with the applicant's declaration that the data is true."""
    user: User = request.auth
    access.ensure(user, "application_intake")
    request_type = selectors.request_type_find(access.visible(user, RequestType), code=payload.request_type)
    if request_type is None:
        raise NotFound.single("request_type", "not_found", _("Unknown request type."))
    person = scoped_get(user, Person, payload.person, "person") if payload.person else None
    item = services.application_submit(
        request_type=request_type,
        case=visible_case(user, payload.case),
        declaration_accepted=payload.declaration.accepted,
        declaration_channel=payload.declaration.channel,
        documents=payload.documents,
        person=person,
        by=user,
    )
    return Status(201, presenters.application_detail(item, user, request))


@router.post("/applications/intake", response={201: ApplicationDetailOut, **ERRORS})
def application_intake(request: HttpRequest, payload: IntakeIn):
    """A member who comes in or calls, in one step: the person (from the register, found by phone, or
    recorded), their request taken in as a case, and the application with their declaration and documents."""
    user: User = request.auth
    access.ensure(user, "application_intake")
    access.ensure(user, "person_manage")
    request_type = _request_type(user, payload.request_type)
    if payload.person:
        applicant = services.Applicant(person=scoped_get(user, Person, payload.person, "person"))
    else:
        given = payload.applicant
        applicant = services.Applicant(
            name=given.name if given else "",
            phone=given.phone if given else "",
            role=given.role if given else "",
        )
    post = user.service_point.code if user.service_point_id else None
    item = services.application_intake(
        organization=user.organization,
        request_type=request_type,
        applicant=applicant,
        channel=payload.channel,
        declaration_accepted=payload.declaration_accepted,
        documents=payload.documents,
        description=payload.description,
        service_point=payload.service_point or post,
        by=user,
    )
    return Status(201, presenters.application_detail(item, user, request))


@router.get("/applications", response={200: list[ApplicationOut], **ERRORS})
def application_list(request: HttpRequest, status: str | None = None):
    user: User = request.auth
    items = selectors.application_list(access.visible(user, Application), status=status)
    checklist = checklist_for(user.organization)
    return [presenters.application(a, checklist) for a in items[:200]]


@router.get("/applications/{application_id}", response={200: ApplicationDetailOut, **ERRORS})
def application_get(request: HttpRequest, application_id: int):
    return presenters.application_detail(_application(request.auth, application_id), request.auth, request)


@router.post(
    "/applications/{application_id}/files",
    response={201: ApplicationFileOut, 413: ErrorsOut, 415: ErrorsOut, **ERRORS},
)
def application_file_add(
    request: HttpRequest, application_id: int, file: File[UploadedFile], item: Form[str] = ""
):
    """Add a document as a file (PDF, JPEG or PNG, checked by its content), with the checklist item it
    satisfies (`item`, a code or a name in any language; empty for another document)."""
    user: User = request.auth
    access.ensure(user, "application_intake")
    application = _application(user, application_id)
    checklist = checklist_for(user.organization)
    code = (checklist.match(item) or item.strip()) if item else ""
    document = services.application_file_add(application=application, upload=file, item=code, by=user)
    return Status(201, presenters.application_file(document, checklist, request))


@router.get("/applications/{application_id}/files/{file_id}", response={200: None, **ERRORS})
def application_file_get(request: HttpRequest, application_id: int, file_id: int):
    """A document's file, for staff who may see the application."""
    application = _application(request.auth, application_id)
    document = selectors.application_file(application, file_id)
    if document is None:
        raise NotFound.single("file", "not_found", _("Not found."))
    return private_file_response(
        document.file, content_type=document.content_type, name=f"{document.pk}{document.extension}"
    )


@router.post("/applications/{application_id}/check", response={200: ApplicationDetailOut, **ERRORS})
def application_check(request: HttpRequest, application_id: int):
    """The completeness check: complete files go to social research, incomplete ones back to the applicant."""
    user: User = request.auth
    access.ensure(user, "application_intake")
    item = services.application_check(application=_application(user, application_id), by=user)
    return presenters.application_detail(item, user, request)


@router.post("/applications/{application_id}/documents", response={200: ApplicationDetailOut, **ERRORS})
def application_add_documents(request: HttpRequest, application_id: int, payload: DocumentsIn):
    user: User = request.auth
    access.ensure(user, "application_intake")
    item = services.application_add_documents(
        application=_application(user, application_id), documents=payload.documents, by=user
    )
    return presenters.application_detail(item, user, request)


@router.post("/applications/{application_id}/research", response={200: ApplicationDetailOut, **ERRORS})
def application_research(request: HttpRequest, application_id: int, payload: ResearchIn):
    user: User = request.auth
    access.ensure(user, "application_research")
    item = services.application_record_research(
        application=_application(user, application_id),
        assessment=payload.assessment,
        recommendation=payload.recommendation,
        by=user,
    )
    return presenters.application_detail(item, user, request)


@router.post("/applications/{application_id}/register", response={200: ApplicationDetailOut, **ERRORS})
def application_register(request: HttpRequest, application_id: int, payload: RegisterIn):
    user: User = request.auth
    access.ensure(user, "application_deliver")
    item = services.application_register(
        application=_application(user, application_id),
        registration_number=payload.registration_number,
        by=user,
    )
    return presenters.application_detail(item, user, request)


@router.post("/applications/{application_id}/deliver", response={200: ApplicationDetailOut, **ERRORS})
def application_deliver(request: HttpRequest, application_id: int, payload: NoteIn):
    user: User = request.auth
    access.ensure(user, "application_deliver")
    item = services.application_deliver(
        application=_application(user, application_id), note=payload.note, by=user
    )
    return presenters.application_detail(item, user, request)


# --- Committees and their meetings ---------------------------------------------------------------------


@router.get("/committees", response={200: list[CommitteeOut], **ERRORS})
def committee_list(request: HttpRequest):
    return [presenters.committee(c) for c in access.visible(request.auth, Committee)]


@router.post("/committees", response={201: CommitteeOut, **ERRORS})
def committee_create(request: HttpRequest, payload: CommitteeIn):
    user: User = request.auth
    access.ensure(user, "configure")
    item = committee_services.committee_create(
        organization=user.organization, name=payload.name, quorum=payload.quorum, by=user
    )
    return Status(201, presenters.committee(item))


@router.post("/committees/{committee_id}/quorum", response={200: CommitteeOut, **ERRORS})
def committee_set_quorum(request: HttpRequest, committee_id: int, payload: QuorumIn):
    """How many members must vote on a file before it is decided (supervisors, administrators)."""
    user: User = request.auth
    access.ensure(user, "configure")
    committee = scoped_get(user, Committee, committee_id, "committee")
    item = committee_services.committee_set_quorum(committee=committee, quorum=payload.quorum, by=user)
    return presenters.committee(item)


def _meeting(user: User, meeting: Meeting) -> dict:
    agenda = committee_selectors.agenda(meeting, access.visible(user, Application))
    return presenters.meeting(meeting, list(agenda))


@router.post("/meetings", response={201: MeetingOut, **ERRORS})
def meeting_create(request: HttpRequest, payload: MeetingIn):
    user: User = request.auth
    access.ensure(user, "meeting_manage")
    committee = scoped_get(user, Committee, payload.committee, "committee") if payload.committee else None
    meeting = committee_services.meeting_create(
        organization=user.organization,
        title=payload.title,
        held_at=payload.held_at,
        committee=committee,
        by=user,
    )
    return Status(201, _meeting(user, meeting))


@router.get("/meetings/{meeting_id}", response={200: MeetingOut, **ERRORS})
def meeting_get(request: HttpRequest, meeting_id: int):
    """A meeting's agenda (the files the caller may see) with each member's vote, and its minutes."""
    user: User = request.auth
    return _meeting(user, scoped_get(user, Meeting, meeting_id, "meeting"))


@router.post("/meetings/{meeting_id}/agenda", response={200: MeetingOut, **ERRORS})
def meeting_add_to_agenda(request: HttpRequest, meeting_id: int, payload: AgendaIn):
    user: User = request.auth
    access.ensure(user, "meeting_manage")
    meeting = scoped_get(user, Meeting, meeting_id, "meeting")
    meeting = committee_services.meeting_add_to_agenda(
        meeting=meeting, application=_application(user, payload.application), by=user
    )
    return _meeting(user, meeting)


@router.post("/meetings/{meeting_id}/votes", response={200: MeetingOut, **ERRORS})
def meeting_vote(request: HttpRequest, meeting_id: int, payload: VoteIn):
    user: User = request.auth
    access.ensure(user, "meeting_vote")
    meeting = scoped_get(user, Meeting, meeting_id, "meeting")
    committee_services.meeting_vote(
        meeting=meeting, application=_application(user, payload.application), vote=payload.vote, by=user
    )
    return _meeting(user, meeting)


@router.post("/meetings/{meeting_id}/decide", response={200: MeetingOut, **ERRORS})
def meeting_decide(request: HttpRequest, meeting_id: int, payload: DecideIn):
    """Decide the agenda (a recorded decision, or the members' majority) and write the minutes. Refused whole
    with 409 `no_quorum` when fewer members than the committee's quorum voted on a file, and `too_early`
    while any application is younger than its request type's minimum days."""
    user: User = request.auth
    access.ensure(user, "meeting_manage")
    meeting = scoped_get(user, Meeting, meeting_id, "meeting")
    decisions = [
        committee_services.Decision(
            application=_application(user, d.application), decision=d.decision, reasons=d.reasons
        )
        for d in payload.decisions
    ]
    meeting = committee_services.meeting_decide(
        meeting=meeting, decisions=decisions, minutes=payload.minutes, by=user
    )
    return _meeting(user, meeting)
