"""Service programs (staff, Bearer API tokens): home visits, proxy services, association requests with their
committee meetings, and people. Who may do what is decided in programs.access and cases.access."""

from __future__ import annotations

import datetime
import zoneinfo
from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import Router, Schema, Status

from khidma.accounts.models import User
from khidma.api.auth import StaffToken
from khidma.api.schemas import ErrorsOut
from khidma.cases import access as case_access
from khidma.cases.models import Case
from khidma.cases.references import parse_reference
from khidma.core.errors import DomainError, NotFound
from khidma.core.masking import mask_identifier
from khidma.core.phones import mask_phone
from khidma.organizations.models import ServicePoint
from khidma.programs import access, schedules, selectors, services
from khidma.programs.models import (
    Application,
    Authorization,
    Meeting,
    Person,
    RequestType,
    Team,
    UnitStop,
    Visit,
    WalkIn,
)

M = TypeVar("M", bound=Model)
router = Router(tags=["programs"], auth=StaffToken())
_ERRORS = {400: ErrorsOut, 401: ErrorsOut, 403: ErrorsOut, 404: ErrorsOut, 409: ErrorsOut}


# --- Inputs ----------------------------------------------------------------------------------------------


class TeamIn(Schema):
    name: str


class VisitIn(Schema):
    case: str
    reason: str
    note: str = ""


class ScheduleIn(Schema):
    team: int
    starts_at: datetime.datetime
    ends_at: datetime.datetime


class CompleteIn(Schema):
    work_done: str = ""
    documents: list[str] = []


class AuthorizationIn(Schema):
    principal_name: str = ""
    principal_phone: str = ""
    relationship: str = ""
    document_reference: str = ""
    expires_on: datetime.date | None = None
    proxy: str | None = None


class ProxyCaseIn(Schema):
    description: str = ""
    channel: str
    kind: str | None = None
    category: str | None = None
    language: str | None = None
    service_point: str | None = None


class ProxyActIn(Schema):
    case: str
    action: str
    note: str = ""


class RequestTypeIn(Schema):
    code: str
    names: dict[str, str]
    required_documents: list[str] = []
    min_decision_days: int = 14
    max_decision_days: int = 30


class DeclarationIn(Schema):
    accepted: bool = False
    channel: str


class ApplicationIn(Schema):
    request_type: str
    case: str
    person: int | None = None
    documents: list[str] = []
    declaration: DeclarationIn


class DocumentsIn(Schema):
    documents: list[str]


class ResearchIn(Schema):
    assessment: str = ""
    recommendation: str = ""


class RegisterIn(Schema):
    registration_number: str = ""


class NoteIn(Schema):
    note: str = ""


class MeetingIn(Schema):
    title: str = ""
    held_at: datetime.datetime


class AgendaIn(Schema):
    application: int


class VoteIn(Schema):
    application: int
    vote: str


class DecisionIn(Schema):
    application: int
    decision: str | None = None
    reasons: str = ""


class DecideIn(Schema):
    minutes: str = ""
    decisions: list[DecisionIn]


class PersonIn(Schema):
    name: str = ""
    phone: str = ""
    roles: list[str] = []


class LinkIn(Schema):
    case: str


# --- Lookups (organization isolation: another organization's rows are "not found") ----------------------


def _get(user: User, queryset: QuerySet[M], pk: int, field: str) -> M:
    item = access.scoped(user, queryset).filter(pk=pk).first()
    if item is None:
        raise NotFound.single(field, "not_found", _("Not found."))
    return item


def _case(user: User, reference: str) -> Case:
    return case_access.case_get_visible(user, parse_reference(reference))


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _event_data(data: dict, user: User, visible: set[str]) -> dict:
    """An audit row's data as this reader may see it: the authorization document masked for roles that do
    not see contact details, and no reference of a case the reader may not see."""
    shown = dict(data)
    if "document" in shown and not access.can_see_contact(user):
        shown["document"] = mask_identifier(str(shown["document"]))
    if "case" in shown and shown["case"] not in visible:
        shown["case"] = None
    return shown


def _events(subject: str, obj: Any, user: User) -> list[dict]:
    events = list(selectors.events_for(subject, obj))
    references = {e.data["case"] for e in events if isinstance(e.data.get("case"), str)}
    visible = set(
        case_access.cases_visible_to(user)
        .filter(reference__in=references)
        .values_list("reference", flat=True)
    )
    return [
        {
            "kind": e.kind,
            "at": _iso(e.created_at),
            "actor": e.actor.username if e.actor else None,
            "note": e.note,
            "data": _event_data(e.data, user, visible),
        }
        for e in events
    ]


# --- Presenters ------------------------------------------------------------------------------------------


def _team(team: Team) -> dict:
    return {"id": team.pk, "name": team.name, "is_active": team.is_active}


def _visit(visit: Visit, user: User, *, events: bool = True) -> dict:
    body = {
        "id": visit.pk,
        "case": visit.case.reference,
        "reason": visit.reason,
        "reason_note": visit.reason_note,
        "status": visit.status,
        "team": _team(visit.team) if visit.team_id else None,
        "starts_at": _iso(visit.starts_at),
        "ends_at": _iso(visit.ends_at),
        "work_done": visit.work_done,
        "documents_collected": visit.documents_collected,
        "completed_at": _iso(visit.completed_at),
    }
    if events:
        body["events"] = _events("visit", visit, user)
    return body


def _authorization(item: Authorization, user: User) -> dict:
    contact = access.can_see_contact(user)
    return {
        "id": item.pk,
        "principal_name": item.principal_name,
        "principal_phone": item.principal_phone if contact else mask_phone(item.principal_phone),
        "relationship": item.relationship,
        "document_reference": (
            item.document_reference if contact else mask_identifier(item.document_reference)
        ),
        "expires_on": item.expires_on.isoformat(),
        "valid": item.expires_on >= services.local_today(item.organization),
        "proxy": item.proxy.username,
        "events": _events("authorization", item, user),
    }


def _request_type(item: RequestType) -> dict:
    return {
        "id": item.pk,
        "code": item.code,
        "names": item.names,
        "required_documents": item.required_documents,
        "min_decision_days": item.min_decision_days,
        "max_decision_days": item.max_decision_days,
        "is_active": item.is_active,
    }


def _application(item: Application, user: User, *, events: bool = True) -> dict:
    body = {
        "id": item.pk,
        "case": item.case.reference,
        "request_type": item.request_type.code,
        "person": item.person_id,
        "status": item.status,
        "declaration": {"at": _iso(item.declared_at), "channel": item.declaration_channel},
        "submitted_at": _iso(item.submitted_at),
        "earliest_decision_at": _iso(services.earliest_decision_at(item)),
        "decision_due_at": _iso(item.decision_due_at),
        "documents": item.documents,
        "missing_documents": item.missing_documents,
        "research": item.research,
        "recommendation": item.recommendation,
        "researcher": item.researcher.username if item.researcher_id else None,
        "meeting": item.meeting_id,
        "decision_reasons": item.decision_reasons,
        "decided_at": _iso(item.decided_at),
        "registration_number": item.registration_number,
        "registered_at": _iso(item.registered_at),
        "delivered_at": _iso(item.delivered_at),
    }
    if events:
        body["events"] = _events("application", item, user)
    return body


def _meeting(meeting: Meeting, user: User) -> dict:
    agenda = []
    items = access.scoped(user, meeting.agenda.select_related("case", "request_type"))
    for item in items.order_by("submitted_at", "id"):
        votes = [v for v in meeting.votes.select_related("member") if v.application_id == item.pk]
        agenda.append(
            {
                "application": item.pk,
                "case": item.case.reference,
                "status": item.status,
                "recommendation": item.recommendation,
                "earliest_decision_at": _iso(services.earliest_decision_at(item)),
                "votes": {v.member.username: v.vote for v in votes},
            }
        )
    return {
        "id": meeting.pk,
        "title": meeting.title,
        "held_at": _iso(meeting.held_at),
        "status": meeting.status,
        "minutes": meeting.minutes,
        "agenda": agenda,
    }


def _person(person: Person, user: User) -> dict:
    phone = person.phone if access.can_see_person_contact(user) else mask_phone(person.phone)
    return {"id": person.pk, "name": person.name, "phone": phone, "roles": person.roles}


# --- Home visits -----------------------------------------------------------------------------------------


@router.get("/teams", response={200: list[dict], **_ERRORS})
def team_list(request: HttpRequest):
    return [_team(t) for t in access.scoped(request.auth, Team.objects.all())]


@router.post("/teams", response={201: dict, **_ERRORS})
def team_create(request: HttpRequest, payload: TeamIn):
    user: User = request.auth
    access.ensure(user, "configure")
    team = services.team_create(organization=user.organization, name=payload.name, by=user)
    return Status(201, _team(team))


@router.get("/teams/{team_id}/calendar", response={200: dict, **_ERRORS})
def team_calendar(request: HttpRequest, team_id: int, start: datetime.date, end: datetime.date):
    """The team's visits from `start` to `end` (dates in the organization's time zone, both included)."""
    user: User = request.auth
    team = _get(user, Team.objects.all(), team_id, "team")
    if end < start or (end - start).days > 92:
        raise DomainError.single(
            "end", "invalid", _("Give a range of at most three months, end after start.")
        )
    tz = zoneinfo.ZoneInfo(user.organization.time_zone)
    since = datetime.datetime.combine(start, datetime.time(), tzinfo=tz)
    until = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time(), tzinfo=tz)
    visits = access.scoped(user, selectors.team_calendar(team, start=since, end=until))
    return {
        "team": _team(team),
        "start": start.isoformat(),
        "end": end.isoformat(),
        "visits": [_visit(v, user, events=False) for v in visits],
    }


@router.post("/visits", response={201: dict, **_ERRORS})
def visit_create(request: HttpRequest, payload: VisitIn):
    """Record that the person is eligible for a home visit (elderly, disabled, ill, no transport)."""
    user: User = request.auth
    access.ensure(user, "visit_schedule")
    case = _case(user, payload.case)
    visit = services.visit_record_eligibility(case=case, reason=payload.reason, note=payload.note, by=user)
    return Status(201, _visit(visit, user))


@router.get("/visits/{visit_id}", response={200: dict, **_ERRORS})
def visit_get(request: HttpRequest, visit_id: int):
    return _visit(
        _get(request.auth, Visit.objects.select_related("case", "team"), visit_id, "visit"), request.auth
    )


@router.post("/visits/{visit_id}/schedule", response={200: dict, **_ERRORS})
def visit_schedule(request: HttpRequest, visit_id: int, payload: ScheduleIn):
    """Book a team for a window; a team already booked in an overlapping window answers 409."""
    user: User = request.auth
    access.ensure(user, "visit_schedule")
    visit = _get(user, Visit.objects.all(), visit_id, "visit")
    team = _get(user, Team.objects.all(), payload.team, "team")
    visit = services.visit_schedule(
        visit=visit, team=team, starts_at=payload.starts_at, ends_at=payload.ends_at, by=user
    )
    return _visit(visit, user)


@router.post("/visits/{visit_id}/complete", response={200: dict, **_ERRORS})
def visit_complete(request: HttpRequest, visit_id: int, payload: CompleteIn):
    user: User = request.auth
    access.ensure(user, "visit_complete")
    visit = _get(user, Visit.objects.all(), visit_id, "visit")
    visit = services.visit_complete(
        visit=visit, work_done=payload.work_done, documents=payload.documents, by=user
    )
    return _visit(visit, user)


# --- Proxy services --------------------------------------------------------------------------------------


@router.post("/authorizations", response={201: dict, **_ERRORS})
def authorization_create(request: HttpRequest, payload: AuthorizationIn):
    user: User = request.auth
    access.ensure(user, "authorization_manage")
    proxy = user
    if payload.proxy:
        proxy = User.objects.filter(organization_id=user.organization_id, username=payload.proxy).first()
        if proxy is None:
            raise DomainError.single("proxy", "unknown_user", _("Unknown user."))
    item = services.authorization_create(
        organization=user.organization,
        principal_name=payload.principal_name,
        principal_phone=payload.principal_phone,
        relationship=payload.relationship,
        document_reference=payload.document_reference,
        expires_on=payload.expires_on,
        proxy=proxy,
        by=user,
    )
    return Status(201, _authorization(item, user))


@router.get("/authorizations/{authorization_id}", response={200: dict, **_ERRORS})
def authorization_get(request: HttpRequest, authorization_id: int):
    return _authorization(
        _get(request.auth, Authorization.objects.select_related("proxy"), authorization_id, "authorization"),
        request.auth,
    )


@router.post("/authorizations/{authorization_id}/cases", response={201: dict, **_ERRORS})
def proxy_case_create(request: HttpRequest, authorization_id: int, payload: ProxyCaseIn):
    """Submit a request for the principal (needs a valid authorization held by the caller)."""
    user: User = request.auth
    access.ensure(user, "proxy_act")
    if not case_access.can_create_cases(user):
        raise DomainError.single("", "forbidden", _("Your role does not allow creating cases."), status=403)
    item = _get(user, Authorization.objects.all(), authorization_id, "authorization")
    post = user.service_point
    case = services.proxy_case_create(
        authorization=item,
        by=user,
        description=payload.description,
        channel=payload.channel,
        kind=payload.kind,
        category=payload.category,
        language=payload.language,
        service_point=payload.service_point or (post.code if post else None),
    )
    return Status(
        201,
        {
            "case": case.reference,
            "status": case.status,
            "principal": case.principal_name,
            "authorization": _authorization(item, user),
        },
    )


@router.post("/authorizations/{authorization_id}/act", response={200: dict, **_ERRORS})
def proxy_case_act(request: HttpRequest, authorization_id: int, payload: ProxyActIn):
    """Take a case action (`note`, `hold`, `resolve`, …) for the principal."""
    user: User = request.auth
    access.ensure(user, "proxy_act")
    item = _get(user, Authorization.objects.all(), authorization_id, "authorization")
    case = _case(user, payload.case)
    case = services.proxy_case_act(
        authorization=item, case=case, by=user, action=payload.action, note=payload.note
    )
    return {"case": case.reference, "status": case.status, "authorization": _authorization(item, user)}


# --- Association requests --------------------------------------------------------------------------------


@router.get("/request-types", response={200: list[dict], **_ERRORS})
def request_type_list(request: HttpRequest):
    return [_request_type(t) for t in access.scoped(request.auth, RequestType.objects.all())]


@router.post("/request-types", response={201: dict, **_ERRORS})
def request_type_create(request: HttpRequest, payload: RequestTypeIn):
    user: User = request.auth
    access.ensure(user, "configure")
    item = services.request_type_create(organization=user.organization, by=user, **payload.dict())
    return Status(201, _request_type(item))


@router.post("/applications", response={201: dict, **_ERRORS})
def application_submit(request: HttpRequest, payload: ApplicationIn):
    """Submit an application on a case, with the applicant's declaration that the data is true."""
    user: User = request.auth
    access.ensure(user, "application_intake")
    request_type = access.scoped(user, RequestType.objects.all()).filter(code=payload.request_type).first()
    if request_type is None:
        raise NotFound.single("request_type", "not_found", _("Unknown request type."))
    person = _get(user, Person.objects.all(), payload.person, "person") if payload.person else None
    item = services.application_submit(
        request_type=request_type,
        case=_case(user, payload.case),
        declaration_accepted=payload.declaration.accepted,
        declaration_channel=payload.declaration.channel,
        documents=payload.documents,
        person=person,
        by=user,
    )
    return Status(201, _application(item, user))


@router.get("/applications", response={200: list[dict], **_ERRORS})
def application_list(request: HttpRequest, status: str | None = None):
    items = selectors.application_list(access.scoped(request.auth, Application.objects.all()), status=status)
    return [_application(a, request.auth, events=False) for a in items[:200]]


def _app(user: User, application_id: int) -> Application:
    return _get(
        user, Application.objects.select_related("case", "request_type"), application_id, "application"
    )


@router.get("/applications/{application_id}", response={200: dict, **_ERRORS})
def application_get(request: HttpRequest, application_id: int):
    return _application(_app(request.auth, application_id), request.auth)


@router.post("/applications/{application_id}/check", response={200: dict, **_ERRORS})
def application_check(request: HttpRequest, application_id: int):
    """The completeness check: complete files go to social research, incomplete ones back to the applicant."""
    user: User = request.auth
    access.ensure(user, "application_intake")
    return _application(services.application_check(application=_app(user, application_id), by=user), user)


@router.post("/applications/{application_id}/documents", response={200: dict, **_ERRORS})
def application_add_documents(request: HttpRequest, application_id: int, payload: DocumentsIn):
    user: User = request.auth
    access.ensure(user, "application_intake")
    item = services.application_add_documents(
        application=_app(user, application_id), documents=payload.documents, by=user
    )
    return _application(item, user)


@router.post("/applications/{application_id}/research", response={200: dict, **_ERRORS})
def application_research(request: HttpRequest, application_id: int, payload: ResearchIn):
    user: User = request.auth
    access.ensure(user, "application_research")
    item = services.application_record_research(
        application=_app(user, application_id),
        assessment=payload.assessment,
        recommendation=payload.recommendation,
        by=user,
    )
    return _application(item, user)


@router.post("/applications/{application_id}/register", response={200: dict, **_ERRORS})
def application_register(request: HttpRequest, application_id: int, payload: RegisterIn):
    user: User = request.auth
    access.ensure(user, "application_deliver")
    item = services.application_register(
        application=_app(user, application_id), registration_number=payload.registration_number, by=user
    )
    return _application(item, user)


@router.post("/applications/{application_id}/deliver", response={200: dict, **_ERRORS})
def application_deliver(request: HttpRequest, application_id: int, payload: NoteIn):
    user: User = request.auth
    access.ensure(user, "application_deliver")
    item = services.application_deliver(application=_app(user, application_id), note=payload.note, by=user)
    return _application(item, user)


@router.post("/meetings", response={201: dict, **_ERRORS})
def meeting_create(request: HttpRequest, payload: MeetingIn):
    user: User = request.auth
    access.ensure(user, "meeting_manage")
    meeting = services.meeting_create(
        organization=user.organization, title=payload.title, held_at=payload.held_at, by=user
    )
    return Status(201, _meeting(meeting, user))


@router.get("/meetings/{meeting_id}", response={200: dict, **_ERRORS})
def meeting_get(request: HttpRequest, meeting_id: int):
    return _meeting(_get(request.auth, Meeting.objects.all(), meeting_id, "meeting"), request.auth)


@router.post("/meetings/{meeting_id}/agenda", response={200: dict, **_ERRORS})
def meeting_add_to_agenda(request: HttpRequest, meeting_id: int, payload: AgendaIn):
    user: User = request.auth
    access.ensure(user, "meeting_manage")
    meeting = _get(user, Meeting.objects.all(), meeting_id, "meeting")
    meeting = services.meeting_add_to_agenda(
        meeting=meeting, application=_app(user, payload.application), by=user
    )
    return _meeting(meeting, user)


@router.post("/meetings/{meeting_id}/votes", response={200: dict, **_ERRORS})
def meeting_vote(request: HttpRequest, meeting_id: int, payload: VoteIn):
    user: User = request.auth
    access.ensure(user, "meeting_vote")
    meeting = _get(user, Meeting.objects.all(), meeting_id, "meeting")
    services.meeting_vote(
        meeting=meeting, application=_app(user, payload.application), vote=payload.vote, by=user
    )
    return _meeting(meeting, user)


@router.post("/meetings/{meeting_id}/decide", response={200: dict, **_ERRORS})
def meeting_decide(request: HttpRequest, meeting_id: int, payload: DecideIn):
    """Decide the agenda (a recorded decision, or the members' majority) and write the minutes. Refused with
    409 `too_early` while any application is younger than its request type's minimum days."""
    user: User = request.auth
    access.ensure(user, "meeting_manage")
    meeting = _get(user, Meeting.objects.all(), meeting_id, "meeting")
    decisions = [
        services.Decision(application=_app(user, d.application), decision=d.decision, reasons=d.reasons)
        for d in payload.decisions
    ]
    meeting = services.meeting_decide(meeting=meeting, decisions=decisions, minutes=payload.minutes, by=user)
    return _meeting(meeting, user)


# --- People ----------------------------------------------------------------------------------------------


@router.post("/people", response={201: dict, **_ERRORS})
def person_create(request: HttpRequest, payload: PersonIn):
    user: User = request.auth
    access.ensure(user, "person_manage")
    person = services.person_create(
        organization=user.organization, name=payload.name, phone=payload.phone, roles=payload.roles, by=user
    )
    return Status(201, _person(person, user))


@router.post("/people/{person_id}/cases", response={200: dict, **_ERRORS})
def person_link_case(request: HttpRequest, person_id: int, payload: LinkIn):
    user: User = request.auth
    access.ensure(user, "person_manage")
    person = _get(user, Person.objects.all(), person_id, "person")
    return _person(services.person_link_case(person=person, case=_case(user, payload.case), by=user), user)


@router.get("/people/{person_id}/history", response={200: dict, **_ERRORS})
def person_history(request: HttpRequest, person_id: int):
    """Everything the person asked for: their cases (the ones the caller may see) and applications."""
    user: User = request.auth
    person = _get(user, Person.objects.all(), person_id, "person")
    visible = case_access.cases_visible_to(user)
    cases = selectors.person_cases(person).filter(pk__in=visible.values("pk"))
    return {
        "person": _person(person, user),
        "cases": [
            {"reference": c.reference, "kind": c.kind, "status": c.status, "received_at": _iso(c.received_at)}
            for c in cases
        ],
        "applications": [
            _application(a, user, events=False)
            for a in access.scoped(user, selectors.person_applications(person))
        ],
    }


# --- Mobile units, counters and walk-ins -----------------------------------------------------------------


class StopIn(Schema):
    unit: str
    place_names: dict[str, str]
    lat: float | None = None
    lon: float | None = None
    weekdays: list[str] = []
    date: datetime.date | None = None
    starts: datetime.time | None = None
    ends: datetime.time | None = None
    valid_from: datetime.date | None = None
    valid_until: datetime.date | None = None


class WalkInIn(Schema):
    service: str
    language: str
    service_point: str | None = None
    category: str | None = None
    case: str | None = None
    at: datetime.datetime | None = None
    note: str = ""


def _point(user: User, code: str, field: str = "service_point") -> ServicePoint:
    point = access.scoped(user, ServicePoint.objects.all()).filter(code=code).first()
    if point is None:
        raise NotFound.single(field, "not_found", _("Not found."))
    return point


def _stop(stop: UnitStop) -> dict:
    return {
        "id": stop.pk,
        "unit": stop.unit.code,
        "place_names": stop.place_names,
        "lat": stop.lat,
        "lon": stop.lon,
        "weekdays": stop.weekdays,
        "date": _iso(stop.date),
        "starts": stop.starts.strftime("%H:%M"),
        "ends": stop.ends.strftime("%H:%M"),
        "valid_from": _iso(stop.valid_from),
        "valid_until": _iso(stop.valid_until),
        "is_active": stop.is_active,
    }


def _walkin(item: WalkIn) -> dict:
    return {
        "id": item.pk,
        "service_point": item.service_point.code,
        "service": item.service,
        "category": item.category.code if item.category_id else None,
        "language": item.language,
        "case": item.case.reference if item.case_id else None,
        "at": _iso(item.at),
        "out_of_hours": item.out_of_hours,
        "note": item.note,
        "recorded_by": item.recorded_by.username,
    }


@router.get("/stops", response={200: list[dict], **_ERRORS})
def stop_list(request: HttpRequest, unit: str | None = None):
    """The mobile units' stops: which car is at which place, on which days and hours."""
    stops = access.scoped(request.auth, UnitStop.objects.filter(is_active=True)).select_related("unit")
    if unit:
        stops = stops.filter(unit__code=unit)
    return [_stop(s) for s in stops.order_by("unit__code", "starts", "id")]


@router.post("/stops", response={201: dict, **_ERRORS})
def stop_create(request: HttpRequest, payload: StopIn):
    """Plan a stop; a car already somewhere else at an overlapping time on a shared day answers 409."""
    user: User = request.auth
    access.ensure(user, "schedule_manage")
    stop = services.unit_stop_create(
        unit=_point(user, payload.unit, "unit"), by=user, **payload.dict(exclude={"unit"})
    )
    return Status(201, _stop(stop))


@router.delete("/stops/{stop_id}", response={200: dict, **_ERRORS})
def stop_deactivate(request: HttpRequest, stop_id: int):
    user: User = request.auth
    access.ensure(user, "schedule_manage")
    stop = _get(user, UnitStop.objects.select_related("unit"), stop_id, "stop")
    return _stop(services.unit_stop_deactivate(stop=stop, by=user))


@router.get("/points/{code}/schedule", response={200: dict, **_ERRORS})
def point_schedule(request: HttpRequest, code: str, start: datetime.date | None = None, days: int = 7):
    """When a service point is open, day by day (mosque counters from the prayer times; mobile cars at their
    stops, with the place)."""
    user: User = request.auth
    point = _point(user, code)
    if not 1 <= days <= 31:
        raise DomainError.single("days", "invalid", _("Give between 1 and 31 days."))
    tz = zoneinfo.ZoneInfo(user.organization.time_zone)
    start = start or services.local_today(user.organization)
    stops = schedules.point_stops(point)
    result = []
    for offset in range(days):
        day = start + datetime.timedelta(days=offset)
        result.append(
            {
                "date": day.isoformat(),
                "openings": [
                    {"opens": _iso(o.opens), "closes": _iso(o.closes)}
                    for o in schedules.openings_on(point, day, tz, stops=stops)
                ],
                "stops": [
                    {"place_names": s.place_names, "lat": s.lat, "lon": s.lon}
                    for s in schedules.stops_on(stops, day)
                ],
            }
        )
    return {"service_point": point.code, "kind": point.kind, "days": result}


@router.post("/walk-ins", response={201: dict, **_ERRORS})
def walkin_record(request: HttpRequest, payload: WalkInIn):
    """Record a person served at a counter or mobile unit (default: the caller's post). Recorded also out of
    the point's hours, flagged `out_of_hours`."""
    user: User = request.auth
    access.ensure(user, "walkin_record")
    if payload.service_point:
        point = _point(user, payload.service_point)
    elif user.service_point_id:
        point = user.service_point
    else:
        raise DomainError.single("service_point", "required", _("Give the service point."))
    access.ensure_can_record_at(user, point)
    item = services.walkin_record(
        service_point=point,
        by=user,
        service=payload.service,
        language=payload.language,
        category=payload.category,
        case=_case(user, payload.case) if payload.case else None,
        at=payload.at,
        note=payload.note,
    )
    return Status(201, _walkin(item))


@router.get("/walk-ins", response={200: list[dict], **_ERRORS})
def walkin_list(request: HttpRequest, service_point: str | None = None, date: datetime.date | None = None):
    """Walk-ins of one local day (default today) at a point (default the caller's post; all points for
    supervisors and administrators when none is given)."""
    user: User = request.auth
    tz = zoneinfo.ZoneInfo(user.organization.time_zone)
    day = date or services.local_today(user.organization)
    since = datetime.datetime.combine(day, datetime.time(), tzinfo=tz)
    until = since + datetime.timedelta(days=1)
    items = access.scoped(user, WalkIn.objects.filter(at__gte=since, at__lt=until))
    if service_point:
        items = items.filter(service_point=_point(user, service_point))
    elif not access.can(user, "volume_view"):
        items = items.filter(service_point_id=user.service_point_id)
    items = items.select_related("service_point", "category", "case", "recorded_by").order_by("-at", "-id")
    return [_walkin(w) for w in items[:500]]


@router.get("/volume", response={200: dict, **_ERRORS})
def volume(request: HttpRequest, start: datetime.date, end: datetime.date, service_point: str | None = None):
    """Walk-ins and cases received per service point, hour of day and weekday (supervisors)."""
    user: User = request.auth
    access.ensure(user, "volume_view")
    if end < start or (end - start).days > 92:
        raise DomainError.single(
            "end", "invalid", _("Give a range of at most three months, end after start.")
        )
    point = _point(user, service_point) if service_point else None
    result = selectors.volume(user.organization, start=start, end=end, point=point)
    return {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "walk_ins": result.walk_ins,
        "cases": result.cases,
        "total": result.total,
        "hour_totals": result.hour_totals,
        "points": [
            {
                "code": p.point.code,
                "kind": p.point.kind,
                "walk_ins": p.walk_ins,
                "cases": p.cases,
                "total": p.total,
                "by_hour": p.by_hour,
            }
            for p in result.points
        ],
        "by_weekday": [
            {"weekday": schedules.DAY_KEYS[iso - 1], "by_hour": row, "total": total}
            for iso, row, total in zip(selectors.WEEK, result.by_weekday, result.weekday_totals, strict=True)
        ],
    }
