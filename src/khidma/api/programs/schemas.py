"""Input and output shapes of the programs' endpoints (``/api/v1/programs``). The schemas check shapes; the
meaning (an allowed reason, a valid phone, a known team) is checked by the domain services, so every channel
answers the same codes."""

from __future__ import annotations

import datetime

from ninja import Schema
from pydantic import Field

from khidma.api.schemas import ErrorsOut

# The refusals every programs endpoint may answer, in the API's one error shape.
ERRORS = {400: ErrorsOut, 401: ErrorsOut, 403: ErrorsOut, 404: ErrorsOut, 409: ErrorsOut}
# --- Shared -------------------------------------------------------------------------------------------------


class ProgramEventOut(Schema):
    kind: str
    label: str = Field(description="The kind in words, in the request's language")
    at: datetime.datetime
    actor: str | None = Field(description="Username of the member of staff; null for the system")
    note: str
    data: dict


# --- Home visits ------------------------------------------------------------------------------------------


class TeamIn(Schema):
    name: str


class TeamOut(Schema):
    id: int
    name: str
    is_active: bool


class VisitIn(Schema):
    case: str = Field(description="The case's reference number")
    reason: str = Field(description="elderly, disabled, ill or no_transport")
    note: str = ""


class ScheduleIn(Schema):
    team: int
    starts_at: datetime.datetime = Field(description="With its UTC offset")
    ends_at: datetime.datetime = Field(description="With its UTC offset")


class CompleteIn(Schema):
    work_done: str = ""
    documents: list[str] = []


class VisitOut(Schema):
    id: int
    case: str
    reason: str
    reason_note: str
    status: str = Field(description="eligible, scheduled or completed")
    team: TeamOut | None
    starts_at: datetime.datetime | None
    ends_at: datetime.datetime | None
    work_done: str
    documents_collected: list[str]
    completed_at: datetime.datetime | None


class VisitDetailOut(VisitOut):
    events: list[ProgramEventOut]


class TeamCalendarOut(Schema):
    team: TeamOut
    start: datetime.date
    end: datetime.date
    visits: list[VisitOut]


# --- Proxy services ---------------------------------------------------------------------------------------


class AuthorizationIn(Schema):
    principal_name: str = ""
    principal_phone: str = ""
    relationship: str = ""
    document_reference: str = ""
    expires_on: datetime.date | None = None
    proxy: str | None = Field(None, description="Username of the employee who acts; default: the caller")


class AuthorizationOut(Schema):
    id: int
    principal_name: str
    principal_phone: str = Field(description="Masked for roles that do not see reporters' phones")
    relationship: str
    document_reference: str = Field(description="Masked for roles that do not see reporters' phones")
    expires_on: datetime.date
    valid: bool
    proxy: str
    events: list[ProgramEventOut]


class ProxyCaseIn(Schema):
    description: str = ""
    channel: str
    kind: str | None = None
    category: str | None = None
    language: str | None = None
    service_point: str | None = None


class ProxyCaseOut(Schema):
    case: str
    status: str
    principal: str
    authorization: AuthorizationOut


class ProxyActIn(Schema):
    case: str
    action: str = Field(description="A case action: note, hold, resolve, …")
    note: str = ""


class ProxyActOut(Schema):
    case: str
    status: str
    authorization: AuthorizationOut


# --- Association requests and committees ------------------------------------------------------------------


class ChecklistItemIn(Schema):
    code: str
    names: dict[str, str] = Field(description="Per language code; at least one")


class ChecklistItemOut(Schema):
    code: str
    label: str = Field(description="The name in the request's language")
    names: dict[str, str]


class RequestTypeIn(Schema):
    code: str
    names: dict[str, str]
    required_documents: list[str] = Field(
        [], description="Checklist items, by code or by name in any language (see /checklist-items)"
    )
    min_decision_days: int = 14
    max_decision_days: int = 30


class RequestTypeOut(Schema):
    id: int
    code: str
    names: dict[str, str]
    required_documents: list[str]
    min_decision_days: int
    max_decision_days: int
    is_active: bool


class DeclarationIn(Schema):
    accepted: bool = False
    channel: str


class ApplicationIn(Schema):
    request_type: str
    case: str
    person: int | None = None
    documents: list[str] = Field([], description="Documents handed in; a name in any language ticks its item")
    declaration: DeclarationIn


class ApplicantIn(Schema):
    name: str = ""
    phone: str = ""
    role: str = Field("member", description="member, beneficiary, supporter or volunteer")


class IntakeIn(Schema):
    """A member who comes in or calls: the person (on the register, or new), the request and the documents."""

    request_type: str
    person: int | None = Field(None, description="A person on the register; else `applicant` is recorded")
    applicant: ApplicantIn | None = None
    channel: str = Field(description="How they came: counter, phone_940, letter, web, email, …")
    service_point: str | None = Field(None, description="Where they came in (default: the caller's post)")
    description: str = ""
    documents: list[str] = Field([], description="Documents handed in; a name in any language ticks its item")
    declaration_accepted: bool = False


class DocumentsIn(Schema):
    documents: list[str] = Field(description="Documents handed in; a name in any language ticks its item")


class ResearchIn(Schema):
    assessment: str = ""
    recommendation: str = Field("", description="approve or reject")


class RegisterIn(Schema):
    registration_number: str = ""


class NoteIn(Schema):
    note: str = ""


class DeclarationOut(Schema):
    at: datetime.datetime
    channel: str


class ChecklistEntryOut(Schema):
    item: str
    label: str
    given: bool


class ApplicationFileOut(Schema):
    id: int
    item: str = Field(description="The checklist item the file satisfies; empty for another document")
    item_label: str
    content_type: str
    size: int
    uploaded_at: datetime.datetime
    uploaded_by: str | None
    url: str


class ApplicationOut(Schema):
    id: int
    case: str
    request_type: str
    person: int | None
    status: str
    declaration: DeclarationOut
    submitted_at: datetime.datetime
    earliest_decision_at: datetime.datetime
    decision_due_at: datetime.datetime
    documents: list[str]
    missing_documents: list[str]
    research: str
    recommendation: str
    researcher: str | None
    meeting: int | None
    decision_reasons: str
    decided_at: datetime.datetime | None
    registration_number: str
    registered_at: datetime.datetime | None
    delivered_at: datetime.datetime | None
    checklist: list[ChecklistEntryOut] = Field(description="The request type's items, each given or missing")


class ApplicationDetailOut(ApplicationOut):
    files: list[ApplicationFileOut]
    events: list[ProgramEventOut]


class CommitteeIn(Schema):
    name: str = ""
    quorum: int = Field(2, description="How many members must vote on a file before it is decided")


class QuorumIn(Schema):
    quorum: int


class CommitteeOut(Schema):
    id: int
    name: str
    quorum: int
    is_active: bool


class MeetingIn(Schema):
    title: str = ""
    held_at: datetime.datetime
    committee: int | None = Field(None, description="Default: the organization's only active committee")


class AgendaIn(Schema):
    application: int


class VoteIn(Schema):
    application: int
    vote: str = Field(description="approve or reject")


class DecisionIn(Schema):
    application: int
    decision: str | None = Field(None, description="approve or reject; null: the members' majority")
    reasons: str = ""


class DecideIn(Schema):
    minutes: str = ""
    decisions: list[DecisionIn]


class BallotOut(Schema):
    member: str = Field(description="Username")
    name: str = Field(description="The member's full name")
    vote: str
    label: str = Field(description="The vote in words")


class AgendaItemOut(Schema):
    application: int
    case: str
    status: str
    recommendation: str
    earliest_decision_at: datetime.datetime
    votes: dict[str, str] = Field(description="Each member's vote, by username")
    ballots: list[BallotOut]
    quorum_met: bool


class MeetingOut(Schema):
    id: int
    title: str
    committee: CommitteeOut | None
    quorum: int
    held_at: datetime.datetime
    status: str
    minutes: str
    agenda: list[AgendaItemOut]


# --- People -----------------------------------------------------------------------------------------------


class PersonIn(Schema):
    name: str = ""
    phone: str = ""
    roles: list[str] = Field([], description="member, beneficiary, supporter, volunteer")


class LinkIn(Schema):
    case: str


class PersonOut(Schema):
    id: int
    name: str
    phone: str = Field(description="Masked for roles that neither see reporters' phones nor keep people")
    roles: list[str]


class PersonCaseOut(Schema):
    reference: str
    kind: str
    status: str
    received_at: datetime.datetime


class PersonHistoryOut(Schema):
    person: PersonOut
    cases: list[PersonCaseOut]
    applications: list[ApplicationOut]


# --- Mobile units, counters and walk-ins ------------------------------------------------------------------


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


class StopOut(Schema):
    id: int
    unit: str
    place_names: dict[str, str]
    lat: float
    lon: float
    weekdays: list[str]
    date: datetime.date | None
    starts: str = Field(description="HH:MM, local time")
    ends: str = Field(description="HH:MM, local time")
    valid_from: datetime.date | None
    valid_until: datetime.date | None
    is_active: bool


class OpeningOut(Schema):
    opens: datetime.datetime
    closes: datetime.datetime


class StopPlaceOut(Schema):
    place_names: dict[str, str]
    lat: float
    lon: float


class ScheduleDayOut(Schema):
    date: datetime.date
    openings: list[OpeningOut]
    stops: list[StopPlaceOut]


class PointScheduleOut(Schema):
    service_point: str
    kind: str
    days: list[ScheduleDayOut]


class WalkInIn(Schema):
    service: str
    language: str
    service_point: str | None = None
    category: str | None = None
    case: str | None = None
    at: datetime.datetime | None = None
    note: str = ""


class WalkInOut(Schema):
    id: int
    service_point: str
    service: str
    category: str | None
    language: str
    case: str | None
    at: datetime.datetime
    out_of_hours: bool
    note: str
    recorded_by: str


class VolumePointOut(Schema):
    code: str
    kind: str
    walk_ins: int
    cases: int
    total: int
    by_hour: list[int]


class VolumeWeekdayOut(Schema):
    weekday: str
    by_hour: list[int]
    total: int


class VolumeOut(Schema):
    start: datetime.date
    end: datetime.date
    walk_ins: int
    cases: int
    total: int
    hour_totals: list[int]
    points: list[VolumePointOut]
    by_weekday: list[VolumeWeekdayOut]
