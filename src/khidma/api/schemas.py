"""Input and output shapes of API v1. Validation of meaning (a valid phone, a known category) happens in
the domain services so that every channel gives the same answers; these schemas check only shapes."""

from __future__ import annotations

import datetime

from ninja import Schema
from pydantic import Field

from khidma.api.types import InputSchema, Moment
from khidma.cases.intake import ADDRESS_MAX, DESCRIPTION_MAX, NAME_MAX
from khidma.cases.services import NOTE_MAX


class ErrorItem(Schema):
    field: str
    code: str
    message: str


class ErrorsOut(Schema):
    errors: list[ErrorItem]


class CodeName(Schema):
    code: str
    name: str


class ReporterIn(InputSchema):
    name: str | None = Field(None, max_length=NAME_MAX)
    phone: str | None = Field(None, max_length=40)
    email: str | None = Field(None, max_length=254)


class ReportIn(InputSchema):
    description: str | None = Field(None, max_length=DESCRIPTION_MAX, description="Required; not only blanks")
    category: str | None = Field(None, max_length=50, description="A code from GET /categories")
    kind: str | None = Field(None, max_length=30)
    # Ranges stated here, enforced by the domain: its errors say more (invalid_coordinates, outside_area).
    lat: float | None = Field(None, json_schema_extra={"minimum": -90, "maximum": 90})
    lon: float | None = Field(None, json_schema_extra={"minimum": -180, "maximum": 180})
    address: str | None = Field(None, max_length=ADDRESS_MAX)
    place: str | None = Field(
        None,
        max_length=80,
        description="A place's key from GET /places: without lat/lon, the report takes its point and area",
    )
    language: str | None = Field(None, max_length=8, description="ar, en, ur, id, hi, ms, fa, bn, tr or fr")
    reporter: ReporterIn | None = None
    organization: str | None = Field(
        None, max_length=50, description="Organization slug; the installation's default if omitted"
    )
    channel: str | None = Field(
        None, max_length=30, description="Only for trusted applications that send an API token"
    )


class ReportCreatedOut(Schema):
    reference: str = Field(description="The report's number: give it to the reporter at once")
    status: str = Field(
        description='"received" (202): accepted, being triaged and routed — follow it at tracking_url or '
        "GET /reports/{reference}; otherwise (201, 200) the case's status"
    )
    category: CodeName | None = None
    department: CodeName | None = None
    area: CodeName | None = None
    language: str | None = None
    priority: str | None = None
    tracking_url: str


class TimelineItem(Schema):
    at: datetime.datetime
    kind: str
    label: str
    status: str | None
    note: str


class PublicReportOut(Schema):
    reference: str
    status: str
    status_label: str
    kind: str
    category: CodeName | None
    department: CodeName | None
    area: CodeName | None
    received_at: datetime.datetime
    updated_at: datetime.datetime
    expected_at: datetime.datetime | None = Field(description="When the service level promises a resolution")
    timeline: list[TimelineItem]


class CategoryOut(Schema):
    code: str
    name: str
    kind: str
    department: CodeName | None


class AreaOut(Schema):
    code: str
    name: str


class PlaceOut(Schema):
    key: str = Field(description="The place's stable key in the gazetteer")
    name: str = Field(description="The name in the asked language (or the nearest one its readers read)")
    kind: str = Field(description="holy_site, gate, landmark, street, neighbourhood, hospital, station, …")
    lat: float
    lon: float
    area: str | None = Field(
        description="The area (sub-municipality) it lies in, named in the asked language"
    )


class PrincipalIn(InputSchema):
    name: str = Field(max_length=NAME_MAX)
    relationship: str | None = Field(None, max_length=100)
    document: str | None = Field(None, max_length=200)


class StaffCaseIn(ReportIn):
    channel: str | None = Field(None, max_length=30)  # defaults from the agent's post
    service_point: str | None = Field(None, max_length=50)
    # The sub-municipality (area code) when the caller gives no point, as the agent console does.
    area: str | None = Field(None, max_length=50)
    priority: str | None = Field(None, max_length=20)
    received_at: Moment | None = None
    womens_section: bool = False
    principal: PrincipalIn | None = None


class ReporterOut(Schema):
    name: str
    phone: str
    phone_verified: bool = False  # proved with a code sent by SMS (the portal's optional step)
    email: str


class PrincipalOut(Schema):
    name: str
    relationship: str
    document: str


class SlaTargetOut(Schema):
    due_at: datetime.datetime | None
    done_at: datetime.datetime | None
    remaining_seconds: int | None = Field(description="Working seconds left; negative when overdue")


class SlaOut(Schema):
    policy: str | None
    state: str = Field(description="on_track, at_risk, breached, met, missed, paused or none")
    first_response: SlaTargetOut
    resolution: SlaTargetOut
    escalation_level: int


class CaseOut(Schema):
    reference: str
    status: str
    kind: str
    priority: str
    category: CodeName | None
    department: CodeName | None
    area: CodeName | None
    service_point: CodeName | None
    channel: str
    language: str
    description: str
    address: str
    lat: float | None
    lon: float | None
    assignee: str | None
    reporter: ReporterOut
    womens_section: bool
    principal: PrincipalOut | None
    duplicate_of: str | None
    referred_to: str
    received_at: datetime.datetime
    created_at: datetime.datetime
    updated_at: datetime.datetime
    resolved_at: datetime.datetime | None
    closed_at: datetime.datetime | None
    sla: SlaOut


class EventOut(Schema):
    at: datetime.datetime
    kind: str
    label: str
    actor: str
    from_status: str
    to_status: str
    public: bool
    note: str
    data: dict


class AttachmentOut(Schema):
    id: int
    content_type: str
    size: int
    public: bool
    url: str


class CaseDetailOut(CaseOut):
    events: list[EventOut]
    attachments: list[AttachmentOut]


class CasePageOut(Schema):
    count: int
    page: int
    page_size: int
    items: list[CaseOut]


class ActionIn(InputSchema):
    note: str | None = Field(None, max_length=NOTE_MAX)
    public: bool | None = None
    department: str | None = None
    assignee: str | None = None
    priority: str | None = None
    category: str | None = None
    duplicate_of: str | None = None
    partner: str | None = None
    reply: int | None = Field(
        None,
        description="A prepared reply's id (GET /cases/{reference}/replies) for resolve, hold, reject, "
        "refer, duplicate or note, instead of `note`: each reporter concerned receives it in their own "
        "language",
    )
    send_untranslated: bool = Field(
        False,
        description="Send `note` as written to a reporter who reads another language, when no translation "
        "is available; without it such a note answers 409 `language_mismatch` and nothing changes",
    )


class ReplyOut(Schema):
    id: int
    key: str
    title: str = Field(description="In the request's language (else the reply's best-written one)")
    text: str | None = Field(description="The words the case's reporter would receive, in their language")
    languages: list[str] = Field(description="The languages the reply is written in")
    reporter_language_missing: bool = Field(
        description="The reply lacks the reporter's language: it is machine-translated, or needs "
        "`send_untranslated` without a translation backend"
    )
    actions: list[str]
    categories: list[str]


class WorkNoteIn(Schema):
    """Taking or giving back a case: an optional note for the timeline."""

    note: str | None = Field(None, max_length=4000)


class ComplianceRow(Schema):
    key: str | None
    name: str
    met: int
    missed: int
    compliance: float | None = Field(description="met / (met + missed)")


class ComplianceOut(Schema):
    group_by: str
    resolved_from: datetime.datetime | None
    resolved_to: datetime.datetime | None
    rows: list[ComplianceRow]


class ClosureAnswerIn(InputSchema):
    code: str = Field(max_length=20)
    fixed: bool
    comment: str | None = Field(None, max_length=NOTE_MAX)


class RatingIn(InputSchema):
    code: str = Field(max_length=20)
    rating: int = Field(json_schema_extra={"minimum": 1, "maximum": 5})  # invalid_rating otherwise
    comment: str | None = Field(None, max_length=NOTE_MAX)


class NearbyOut(Schema):
    reference: str
    status: str
    category: CodeName | None
    distance_m: int
    received_at: datetime.datetime


class ClassifyIn(InputSchema):
    text: str = Field(max_length=DESCRIPTION_MAX)


class AlternativeOut(Schema):
    category: str
    confidence: float


class ClassifyOut(Schema):
    language: str | None
    category: str | None
    confidence: float | None
    alternatives: list[AlternativeOut]
