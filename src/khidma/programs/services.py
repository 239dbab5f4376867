"""Every write in the service programs. Keyword-only functions named ``<entity>_<verb>``; each appends a
ProgramEvent in the same transaction, and steps on a case also go through the case services so the case's
timeline shows them (and the reporter hears what they should).

Authorization is checked by the interfaces through ``khidma.programs.access`` (and ``khidma.cases.access``
for the case itself); these functions check what the records may become.
"""

from __future__ import annotations

import datetime
import re
import zoneinfo
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import formats, translation
from django.utils.translation import gettext_lazy as _

from khidma.accounts.models import Role, User
from khidma.cases import access as case_access
from khidma.cases import actions as case_actions
from khidma.cases import lifecycle, notify
from khidma.cases import services as case_services
from khidma.cases.intake import IntakeRequest, Principal, Reporter
from khidma.cases.messages import TEMPLATES
from khidma.cases.models import Case, Channel, Status
from khidma.core import clock
from khidma.core.errors import Conflict, DomainError, FieldError, NotFound
from khidma.core.languages import is_supported, pick_name
from khidma.core.phones import normalize_phone
from khidma.organizations.models import CaseKind, Category, Organization, ServicePoint
from khidma.programs import schedules
from khidma.programs.models import (
    Application,
    ApplicationStatus,
    Authorization,
    EligibilityReason,
    Meeting,
    Person,
    PersonRole,
    ProgramEvent,
    Recommendation,
    RequestType,
    Team,
    UnitStop,
    Visit,
    VisitStatus,
    Vote,
    WalkIn,
    WalkInService,
)

TEXT_MAX = 4000
NAME_MAX = 200
# The outbound template that tells a person the date of their visit (cases/messages.py). A person who can
# be reached only by email, or not at all, gets the date as a public case note instead.
VISIT_TEMPLATE = "visit_scheduled"
_LEADS = frozenset({Role.SUPERVISOR, Role.ORG_ADMIN})
_CODE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


# --- Helpers ---------------------------------------------------------------------------------------------


def _event(
    subject: str,
    obj: Any,
    kind: str,
    *,
    by: User | None,
    note: str = "",
    data: dict[str, Any] | None = None,
) -> ProgramEvent:
    return ProgramEvent.objects.create(
        organization_id=obj.organization_id,
        subject=subject,
        subject_id=obj.pk,
        kind=kind,
        actor=by,
        created_at=clock.now(),
        note=note,
        data=data or {},
    )


def _text(
    field: str, value: str | None, message: Any, *, required: bool = True, limit: int = TEXT_MAX
) -> str:
    text = (value or "").strip()
    if required and not text:
        raise DomainError.single(field, "required", message)
    if len(text) > limit:
        raise DomainError.single(
            field, "too_long", _("The text is too long: at most %(max)d characters.") % {"max": limit}
        )
    return text


def _aware(field: str, value: datetime.datetime | None) -> datetime.datetime:
    if value is None:
        raise DomainError.single(field, "required", _("This field is required."))
    if value.tzinfo is None:
        raise DomainError.single(field, "naive_datetime", _("Give the time with its UTC offset."))
    return value


def _same_org(field: str, obj: Any, organization_id: int) -> None:
    if obj.organization_id != organization_id:
        raise NotFound.single(field, "not_found", _("Not found."))


def _documents(values: list[str] | None) -> list[str]:
    seen: list[str] = []
    for value in values or []:
        text = str(value).strip()
        if text and text not in seen:
            seen.append(text[:200])
    return seen


def _ensure_open(case: Case) -> None:
    if case.status not in lifecycle.OPEN_STATUSES:
        raise Conflict.single("case", "case_not_open", _("This case is no longer open."))


def _ensure_assigned(case: Case, by: User) -> Case:
    """A case taken into a program is someone's work: assign it to the person acting when nobody has it."""
    case.refresh_from_db()
    if case.status in {Status.NEW, Status.TRIAGED}:
        case = case_services.case_assign(case=case, by=by, assignee=by)
    return case


def _in_language(language: str, message: Any, **values: Any) -> str:
    with translation.override(language):
        return str(message) % values


def local_today(organization: Organization) -> datetime.date:
    return clock.now().astimezone(zoneinfo.ZoneInfo(organization.time_zone)).date()


# --- Home visits (Wajibuna) ------------------------------------------------------------------------------


@transaction.atomic
def team_create(*, organization: Organization, name: str, by: User | None) -> Team:
    name = _text("name", name, _("Name the team."), limit=NAME_MAX)
    if Team.objects.filter(organization=organization, name=name).exists():
        raise Conflict.single("name", "already_exists", _("A team with this name already exists."))
    team = Team.objects.create(organization=organization, name=name, created_at=clock.now())
    _event("team", team, "created", by=by, data={"name": name})
    return team


@transaction.atomic
def visit_record_eligibility(*, case: Case, reason: str, note: str = "", by: User) -> Visit:
    """A person who cannot come (elderly, disabled, ill, no transport) is served at home."""
    if case.kind != CaseKind.SERVICE_REQUEST:
        raise DomainError.single(
            "case", "not_service_request", _("Home visits are for service requests only.")
        )
    if reason not in EligibilityReason.values:
        raise DomainError.single(
            "reason", "invalid_choice", _("This value is not one of the allowed choices.")
        )
    _ensure_open(case)
    note = _text("note", note, "", required=False)
    visit = Visit.objects.create(
        organization_id=case.organization_id,
        case=case,
        reason=reason,
        reason_note=note,
        created_at=clock.now(),
    )
    _event(
        "visit",
        visit,
        "eligibility_recorded",
        by=by,
        note=note,
        data={"case": case.reference, "reason": reason},
    )
    label = _in_language(
        case.language, _("Eligible for a home visit: %(reason)s."), reason=EligibilityReason(reason).label
    )
    case_services.case_add_note(case=case, by=by, text=f"{label} {note}".strip(), public=False)
    return visit


def _local(moment: datetime.datetime, organization: Organization) -> datetime.datetime:
    return moment.astimezone(zoneinfo.ZoneInfo(organization.time_zone))


@transaction.atomic
def visit_schedule(
    *, visit: Visit, team: Team, starts_at: datetime.datetime, ends_at: datetime.datetime, by: User
) -> Visit:
    """Book a team for a time window. A team already out on another visit in that window is refused."""
    visit = Visit.objects.select_for_update().select_related("case", "organization").get(pk=visit.pk)
    _same_org("team", team, visit.organization_id)
    if visit.status == VisitStatus.COMPLETED:
        raise Conflict.single("status", "invalid_transition", _("This visit is already completed."))
    if not team.is_active:
        raise DomainError.single("team", "inactive", _("This team is not active."))
    starts_at, ends_at = _aware("starts_at", starts_at), _aware("ends_at", ends_at)
    if ends_at <= starts_at:
        raise DomainError.single("ends_at", "invalid", _("The window must end after it starts."))
    if ends_at <= clock.now():
        raise DomainError.single("starts_at", "in_past", _("The window is in the past."))
    _ensure_open(visit.case)
    # Lock the team so two people booking it at once see each other's booking.
    team = Team.objects.select_for_update().get(pk=team.pk)
    clash = (
        Visit.objects.filter(
            team=team, status=VisitStatus.SCHEDULED, starts_at__lt=ends_at, ends_at__gt=starts_at
        )
        .exclude(pk=visit.pk)
        .select_related("case")
        .first()
    )
    if clash is not None:
        start, end = _local(clash.starts_at, visit.organization), _local(clash.ends_at, visit.organization)
        raise Conflict.single(
            "starts_at",
            "team_double_booked",
            _("%(team)s already has a visit from %(start)s to %(end)s. Choose another time or team.")
            % {"team": team.name, "start": start.strftime("%Y-%m-%d %H:%M"), "end": end.strftime("%H:%M")},
        )
    rescheduled = visit.status == VisitStatus.SCHEDULED
    visit.team, visit.starts_at, visit.ends_at, visit.status = team, starts_at, ends_at, VisitStatus.SCHEDULED
    visit.save(update_fields=["team", "starts_at", "ends_at", "status"])
    _event(
        "visit",
        visit,
        "rescheduled" if rescheduled else "scheduled",
        by=by,
        data={"team": team.pk, "starts_at": starts_at.isoformat(), "ends_at": ends_at.isoformat()},
    )
    case = _ensure_assigned(visit.case, by)
    _tell_visit_date(visit, case, by=by)
    return visit


def _tell_visit_date(visit: Visit, case: Case, *, by: User) -> None:
    start, end = _local(visit.starts_at, visit.organization), _local(visit.ends_at, visit.organization)
    with translation.override(case.language):
        values = {
            "date": formats.date_format(start.date(), "DATE_FORMAT"),
            "start": formats.time_format(start.time(), "TIME_FORMAT"),
            "end": formats.time_format(end.time(), "TIME_FORMAT"),
        }
        text = str(_("Your home visit is booked for %(date)s, between %(start)s and %(end)s.") % values)
    address = notify.reporter_address(case)
    if VISIT_TEMPLATE in TEMPLATES and case.reporter_phone and address is not None:
        notify.reply(
            case,
            channel=address[0],
            recipient=case.reporter_phone,
            language=case.language,
            template=VISIT_TEMPLATE,
            ref=case.reference,
            **values,
        )
        case_services.case_add_note(case=case, by=by, text=text, public=False)
    else:
        # A public note reaches the reporter (SMS, WhatsApp or email) and shows on their tracking page.
        case_services.case_add_note(case=case, by=by, text=text, public=True)


@transaction.atomic
def visit_complete(*, visit: Visit, work_done: str, documents: list[str] | None = None, by: User) -> Visit:
    """The team was there: what was done and which documents were collected. The case is resolved, which
    starts the closure confirmation and rating flow."""
    visit = Visit.objects.select_for_update().select_related("case").get(pk=visit.pk)
    if visit.status != VisitStatus.SCHEDULED:
        raise Conflict.single("status", "not_scheduled", _("Only a scheduled visit can be completed."))
    work_done = _text("work_done", work_done, _("Describe what was done."))
    collected = _documents(documents)
    visit.status, visit.work_done, visit.documents_collected = VisitStatus.COMPLETED, work_done, collected
    visit.completed_at = clock.now()
    visit.save(update_fields=["status", "work_done", "documents_collected", "completed_at"])
    _event("visit", visit, "completed", by=by, note=work_done, data={"documents": collected})
    case = _ensure_assigned(visit.case, by)
    note = work_done
    if collected:
        note += " " + _in_language(
            case.language, _("Documents collected: %(list)s."), list=", ".join(collected)
        )
    case_services.case_resolve(case=case, by=by, note=note)
    return visit


# --- Proxy services (Mansurin, Mutmainnun) --------------------------------------------------------------


@transaction.atomic
def authorization_create(
    *,
    organization: Organization,
    principal_name: str,
    relationship: str,
    document_reference: str,
    expires_on: datetime.date | None,
    proxy: User,
    principal_phone: str = "",
    by: User,
) -> Authorization:
    errors: list[FieldError] = []

    def required(field: str, value: str, message: Any, limit: int) -> str:
        text = (value or "").strip()
        if not text:
            errors.append(FieldError(field, "required", message))
        elif len(text) > limit:
            errors.append(FieldError(field, "too_long", _("This value is too long.")))
        return text

    principal_name = required("principal_name", principal_name, _("Name the principal."), NAME_MAX)
    relationship = required("relationship", relationship, _("Give the relationship to the principal."), 100)
    document_reference = required(
        "document_reference", document_reference, _("Give the authorization document's reference."), 200
    )
    phone = ""
    if principal_phone and principal_phone.strip():
        try:
            phone = normalize_phone(principal_phone)
        except ValueError:
            errors.append(
                FieldError("principal_phone", "invalid_phone", _("This phone number is not valid."))
            )
    if expires_on is None:
        errors.append(FieldError("expires_on", "required", _("Give the date the authorization expires.")))
    elif expires_on < local_today(organization):
        errors.append(FieldError("expires_on", "in_past", _("This authorization has already expired.")))
    if proxy.organization_id != organization.pk or not proxy.is_active:
        errors.append(FieldError("proxy", "unknown_user", _("Unknown user.")))
    if errors:
        raise DomainError(*errors)
    item = Authorization.objects.create(
        organization=organization,
        principal_name=principal_name,
        principal_phone=phone,
        relationship=relationship,
        document_reference=document_reference,
        expires_on=expires_on,
        proxy=proxy,
        created_at=clock.now(),
    )
    _event(
        "authorization",
        item,
        "created",
        by=by,
        data={"principal": principal_name, "proxy": proxy.username, "expires_on": expires_on.isoformat()},
    )
    return item


def authorization_ensure_usable(*, authorization: Authorization, by: User) -> None:
    """Only the named proxy (or a supervisor or administrator) acts, and only while it is valid."""
    if authorization.proxy_id != by.pk and by.role not in _LEADS:
        raise DomainError.single(
            "authorization",
            "not_the_proxy",
            _("Only the named proxy employee may act for this principal."),
            status=403,
        )
    if authorization.expires_on < local_today(authorization.organization):
        raise Conflict.single(
            "authorization",
            "authorization_expired",
            _("This authorization expired on %(date)s. Ask the principal for a new one.")
            % {"date": authorization.expires_on.isoformat()},
        )


def _proxy_data(authorization: Authorization, by: User, case: Case, action: str) -> dict[str, Any]:
    return {
        "employee": by.username,
        "principal": authorization.principal_name,
        "relationship": authorization.relationship,
        "document": authorization.document_reference,
        "authorization": authorization.pk,
        "case": case.reference,
        "action": action,
    }


def proxy_case_create(
    *,
    authorization: Authorization,
    by: User,
    description: str,
    channel: str,
    kind: str | None = None,
    category: str | None = None,
    language: str | None = None,
    service_point: str | None = None,
) -> Case:
    """Submit a request for the principal: the case records them, and the audit records both people (in the
    case's own transaction, so triage runs before any write lock is taken)."""
    authorization_ensure_usable(authorization=authorization, by=by)

    def audit(case: Case) -> None:
        _event(
            "authorization",
            authorization,
            "proxy_action",
            by=by,
            data=_proxy_data(authorization, by, case, "create"),
        )

    result = case_services.case_create(
        request=IntakeRequest(
            organization=authorization.organization,
            description=description,
            channel=channel,
            kind=kind,
            category=category,
            language=language,
            service_point=service_point,
            principal=Principal(
                name=authorization.principal_name,
                relationship=authorization.relationship,
                document=authorization.document_reference,
            ),
            created_by=by,
            reporter=Reporter(name=authorization.principal_name, phone=authorization.principal_phone),
            # As for any case staff take in: the women's section's own requests stay in the section.
            womens_section=by.role == Role.WOMENS_SECTION,
        ),
        within=audit,
    )
    return result.case


@transaction.atomic
def proxy_case_act(
    *, authorization: Authorization, case: Case, by: User, action: str, note: str = ""
) -> Case:
    """A case action taken for the principal. The case timeline says for whom and under which document."""
    authorization_ensure_usable(authorization=authorization, by=by)
    _same_org("case", case, authorization.organization_id)
    on_behalf = _in_language(
        case.language,
        _("On behalf of %(principal)s (%(relationship)s), authorization %(document)s."),
        principal=authorization.principal_name,
        relationship=authorization.relationship,
        document=authorization.document_reference,
    )
    if action == "note":
        case_access.ensure_can_act(by, case, "note")
        body = _text("note", note, _("Write the note."))
        case_services.case_add_note(case=case, by=by, text=f"{on_behalf} {body}", public=False)
    else:
        case = case_actions.perform(by, case, action, case_actions.ActionInput(note=note))
        case_services.case_add_note(case=case, by=by, text=on_behalf, public=False)
    _event(
        "authorization",
        authorization,
        "proxy_action",
        by=by,
        note=note,
        data=_proxy_data(authorization, by, case, action),
    )
    case.refresh_from_db()
    return case


# --- Association requests --------------------------------------------------------------------------------


@transaction.atomic
def request_type_create(
    *,
    organization: Organization,
    code: str,
    names: dict[str, str],
    required_documents: list[str] | None = None,
    min_decision_days: int = 14,
    max_decision_days: int = 30,
    by: User | None,
) -> RequestType:
    errors: list[FieldError] = []
    code = (code or "").strip()
    if not _CODE.match(code):
        errors.append(FieldError("code", "invalid", _("Use lower-case letters, digits, - and _.")))
    names = {k: str(v).strip() for k, v in (names or {}).items() if str(v).strip()}
    if not names:
        errors.append(FieldError("names", "required", _("Name the request type in at least one language.")))
    if min_decision_days < 0:
        errors.append(FieldError("min_decision_days", "invalid", _("This value is not valid.")))
    if max_decision_days < max(min_decision_days, 1):
        errors.append(
            FieldError(
                "max_decision_days",
                "invalid",
                _("The decision cannot be due before the earliest decision day."),
            )
        )
    if errors:
        raise DomainError(*errors)
    if RequestType.objects.filter(organization=organization, code=code).exists():
        raise Conflict.single("code", "already_exists", _("A request type with this code already exists."))
    item = RequestType.objects.create(
        organization=organization,
        code=code,
        names=names,
        required_documents=_documents(required_documents),
        min_decision_days=min_decision_days,
        max_decision_days=max_decision_days,
    )
    _event(
        "request_type",
        item,
        "created",
        by=by,
        data={"code": code, "required_documents": item.required_documents},
    )
    return item


def _lock(application: Application) -> Application:
    return (
        Application.objects.select_for_update()
        .select_related("case", "request_type", "organization")
        .get(pk=application.pk)
    )


@transaction.atomic
def application_submit(
    *,
    request_type: RequestType,
    case: Case,
    declaration_accepted: bool,
    declaration_channel: str,
    documents: list[str] | None = None,
    person: Person | None = None,
    by: User,
) -> Application:
    """The applicant declares that the data is true (the time and channel are kept) and hands in documents."""
    _same_org("case", case, request_type.organization_id)
    if person is not None:
        _same_org("person", person, request_type.organization_id)
    errors: list[FieldError] = []
    if not request_type.is_active:
        errors.append(FieldError("request_type", "inactive", _("This request type is not offered now.")))
    if not declaration_accepted:
        errors.append(
            FieldError(
                "declaration", "declaration_required", _("The applicant must declare that the data is true.")
            )
        )
    if declaration_channel not in Channel.values:
        errors.append(FieldError("declaration.channel", "unknown_channel", _("Unknown channel.")))
    if errors:
        raise DomainError(*errors)
    _ensure_open(case)
    if Application.objects.filter(case=case).exists():
        raise Conflict.single("case", "already_exists", _("This case already has an application."))
    now = clock.now()
    supplied = _documents(documents)
    application = Application.objects.create(
        organization_id=request_type.organization_id,
        request_type=request_type,
        case=case,
        person=person,
        declared_at=now,
        declaration_channel=declaration_channel,
        submitted_at=now,
        decision_due_at=now + datetime.timedelta(days=request_type.max_decision_days),
        documents=supplied,
    )
    if person is not None:
        person.cases.add(case)
    _event(
        "application",
        application,
        "submitted",
        by=by,
        data={
            "case": case.reference,
            "request_type": request_type.code,
            "documents": supplied,
            "declaration": {"at": now.isoformat(), "channel": declaration_channel},
        },
    )
    case_services.case_add_note(
        case=case,
        by=by,
        text=_in_language(
            case.language,
            _("Application for %(type)s submitted with the applicant's declaration (%(channel)s)."),
            type=request_type.names.get(case.language) or request_type.code,
            channel=Channel(declaration_channel).label,
        ),
        public=False,
    )
    return application


def _bad_step(message: Any, code: str = "invalid_transition") -> DomainError:
    return Conflict.single("status", code, message)


@transaction.atomic
def application_check(*, application: Application, by: User) -> Application:
    """The completeness check against the request type's list. An incomplete file goes back to the applicant
    with what is missing (the case waits on hold, and the applicant is told); nothing supplied is lost."""
    application = _lock(application)
    if application.status != ApplicationStatus.SUBMITTED:
        raise _bad_step(_("Only a submitted file can be checked."))
    missing = [d for d in application.request_type.required_documents if d not in application.documents]
    application.missing_documents = missing
    if missing:
        application.status = ApplicationStatus.INCOMPLETE
        application.save(update_fields=["status", "missing_documents"])
        _event("application", application, "returned_incomplete", by=by, data={"missing": missing})
        case = application.case
        reason = _in_language(
            case.language,
            _("Your application is incomplete. Please bring: %(list)s. What you already gave is kept."),
            list=", ".join(missing),
        )
        case_services.case_hold(case=case, by=by, reason=reason, public=True)
    else:
        application.status = ApplicationStatus.IN_RESEARCH
        application.save(update_fields=["status", "missing_documents"])
        _event("application", application, "complete", by=by)
        case_services.case_add_note(
            case=application.case,
            by=by,
            text=_in_language(application.case.language, _("The file is complete; social research follows.")),
            public=False,
        )
    return application


@transaction.atomic
def application_add_documents(*, application: Application, documents: list[str], by: User) -> Application:
    """Documents handed in later; a file returned as incomplete is submitted again for the check."""
    application = _lock(application)
    if application.status not in {
        ApplicationStatus.SUBMITTED,
        ApplicationStatus.INCOMPLETE,
        ApplicationStatus.IN_RESEARCH,
    }:
        raise _bad_step(_("Documents can be added only before the social research is done."))
    added = [d for d in _documents(documents) if d not in application.documents]
    if not added:
        raise DomainError.single("documents", "required", _("Give at least one new document."))
    application.documents = [*application.documents, *added]
    resubmitted = application.status == ApplicationStatus.INCOMPLETE
    if resubmitted:
        application.status = ApplicationStatus.SUBMITTED
    application.missing_documents = [d for d in application.missing_documents if d not in added]
    application.save(update_fields=["documents", "status", "missing_documents"])
    _event(
        "application",
        application,
        "documents_added",
        by=by,
        data={"added": added, "resubmitted": resubmitted},
    )
    case = application.case
    case.refresh_from_db()
    if resubmitted and case.status == Status.ON_HOLD:
        case_services.case_resume(
            case=case,
            by=by,
            note=_in_language(case.language, _("Documents added: %(list)s."), list=", ".join(added)),
        )
    return application


@transaction.atomic
def application_record_research(
    *, application: Application, assessment: str, recommendation: str, by: User
) -> Application:
    application = _lock(application)
    if application.status in {ApplicationStatus.SUBMITTED, ApplicationStatus.INCOMPLETE}:
        raise _bad_step(
            _("The file must pass the completeness check before the social research."), "incomplete"
        )
    if application.status not in {ApplicationStatus.IN_RESEARCH, ApplicationStatus.RESEARCHED}:
        raise _bad_step(_("The social research can no longer change."))
    assessment = _text("assessment", assessment, _("Write the researcher's assessment."))
    if recommendation not in Recommendation.values:
        raise DomainError.single(
            "recommendation", "invalid_choice", _("This value is not one of the allowed choices.")
        )
    application.research, application.recommendation, application.researcher = assessment, recommendation, by
    application.status = ApplicationStatus.RESEARCHED
    application.save(update_fields=["research", "recommendation", "researcher", "status"])
    _event(
        "application",
        application,
        "researched",
        by=by,
        note=assessment,
        data={"recommendation": recommendation},
    )
    case_services.case_add_note(
        case=application.case,
        by=by,
        text=_in_language(
            application.case.language,
            _("Social research done; recommendation: %(recommendation)s."),
            recommendation=Recommendation(recommendation).label,
        ),
        public=False,
    )
    return application


@transaction.atomic
def meeting_create(
    *, organization: Organization, title: str, held_at: datetime.datetime, by: User
) -> Meeting:
    title = _text("title", title, _("Give the meeting a title."), limit=NAME_MAX)
    held_at = _aware("held_at", held_at)
    meeting = Meeting.objects.create(
        organization=organization, title=title, held_at=held_at, created_at=clock.now()
    )
    _event("meeting", meeting, "created", by=by, data={"title": title, "held_at": held_at.isoformat()})
    return meeting


def _open_meeting(meeting: Meeting) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status != Meeting.State.OPEN:
        raise _bad_step(_("This meeting has already decided."))
    return meeting


@transaction.atomic
def meeting_add_to_agenda(*, meeting: Meeting, application: Application, by: User) -> Meeting:
    """Committee review: an application whose social research is done goes on a meeting's agenda."""
    meeting = _open_meeting(meeting)
    _same_org("application", application, meeting.organization_id)
    application = _lock(application)
    if application.status != ApplicationStatus.RESEARCHED:
        raise _bad_step(
            _("Only an application whose social research is done is ready for decision."), "not_ready"
        )
    application.meeting, application.status = meeting, ApplicationStatus.IN_COMMITTEE
    application.save(update_fields=["meeting", "status"])
    _event("application", application, "on_agenda", by=by, data={"meeting": meeting.pk})
    _event("meeting", meeting, "agenda_added", by=by, data={"application": application.pk})
    return meeting


def _on_agenda(meeting: Meeting, application: Application) -> Application:
    if application.meeting_id != meeting.pk or application.status != ApplicationStatus.IN_COMMITTEE:
        raise _bad_step(_("This application is not on the meeting's agenda."), "not_on_agenda")
    return application


@transaction.atomic
def meeting_vote(*, meeting: Meeting, application: Application, vote: str, by: User) -> Vote:
    meeting = _open_meeting(meeting)
    _same_org("application", application, meeting.organization_id)
    _on_agenda(meeting, application)
    if vote not in Recommendation.values:
        raise DomainError.single("vote", "invalid_choice", _("This value is not one of the allowed choices."))
    item, _created = Vote.objects.update_or_create(
        meeting=meeting,
        application=application,
        member=by,
        defaults={"vote": vote, "created_at": clock.now()},
    )
    _event("meeting", meeting, "vote", by=by, data={"application": application.pk, "vote": vote})
    return item


@dataclass(frozen=True)
class Decision:
    application: Application
    reasons: str
    # approve / reject as recorded by the chair; None: the majority of the members' votes.
    decision: str | None = None


def earliest_decision_at(application: Application) -> datetime.datetime:
    return application.submitted_at + datetime.timedelta(days=application.request_type.min_decision_days)


@transaction.atomic
def meeting_decide(*, meeting: Meeting, decisions: list[Decision], minutes: str, by: User) -> Meeting:
    """Decide the agenda: each application approved or rejected with reasons, from the recorded decision or
    the members' votes. Nothing is decided unless every decision may be made: none earlier than the request
    type's minimum days after submission. Each applicant is told."""
    meeting = _open_meeting(meeting)
    minutes = _text("minutes", minutes, _("Write the minutes of the meeting."), limit=20000)
    if not decisions:
        raise DomainError.single("decisions", "required", _("Decide at least one application."))
    now = clock.now()
    errors: list[FieldError] = []
    early: list[FieldError] = []
    plan: list[tuple[Application, str, str]] = []
    for index, item in enumerate(decisions):
        field = f"decisions.{index}"
        _same_org(f"{field}.application", item.application, meeting.organization_id)
        application = _lock(item.application)
        _on_agenda(meeting, application)
        outcome = item.decision
        if outcome is None:
            tally = Counter(v.vote for v in Vote.objects.filter(meeting=meeting, application=application))
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
                        "date": _local(earliest, meeting.organization).strftime("%Y-%m-%d %H:%M"),
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
    _event(
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
    _event(
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
        text = _in_language(case.language, _("Your application was approved: %(reasons)s"), reasons=reasons)
        case_services.case_add_note(case=case, by=by, text=text, public=True)
    elif lifecycle.can_transition(case.status, Status.REJECTED):
        # The rejection is a public timeline event and the applicant is told the reasons.
        case_services.case_reject(case=case, by=by, reason=reasons)
    else:
        text = _in_language(
            case.language, _("Your application was not approved: %(reasons)s"), reasons=reasons
        )
        case_services.case_add_note(case=case, by=by, text=text, public=True)


@transaction.atomic
def application_register(*, application: Application, by: User, registration_number: str = "") -> Application:
    application = _lock(application)
    if application.status != ApplicationStatus.APPROVED:
        raise _bad_step(_("Only an approved application can be registered."))
    number = _text("registration_number", registration_number, "", required=False, limit=40)
    application.registration_number = number or application.case.reference
    application.registered_at = clock.now()
    application.status = ApplicationStatus.REGISTERED
    application.save(update_fields=["registration_number", "registered_at", "status"])
    _event(
        "application",
        application,
        "registered",
        by=by,
        data={"registration_number": application.registration_number},
    )
    if application.person_id:
        person = Person.objects.select_for_update().get(pk=application.person_id)
        if PersonRole.BENEFICIARY not in person.roles:
            person.roles = [*person.roles, PersonRole.BENEFICIARY.value]
            person.save(update_fields=["roles"])
    case_services.case_add_note(
        case=application.case,
        by=by,
        text=_in_language(
            application.case.language,
            _("Registered under number %(number)s."),
            number=application.registration_number,
        ),
        public=False,
    )
    return application


@transaction.atomic
def application_deliver(*, application: Application, note: str, by: User) -> Application:
    """The service was delivered: the case is resolved, which asks the applicant to confirm and rate it."""
    application = _lock(application)
    if application.status != ApplicationStatus.REGISTERED:
        raise _bad_step(_("Only a registered application can be delivered."))
    note = _text("note", note, _("Describe what was delivered."))
    application.status, application.delivered_at = ApplicationStatus.DELIVERED, clock.now()
    application.save(update_fields=["status", "delivered_at"])
    _event("application", application, "delivered", by=by, note=note)
    case = _ensure_assigned(application.case, by)
    case_services.case_resolve(case=case, by=by, note=note)
    return application


# --- People ------------------------------------------------------------------------------------------------


def _roles(values: list[str] | None) -> list[str]:
    roles = []
    for value in values or []:
        if value not in PersonRole.values:
            raise DomainError.single(
                "roles", "invalid_choice", _("This value is not one of the allowed choices.")
            )
        if value not in roles:
            roles.append(value)
    return roles


@transaction.atomic
def person_create(
    *, organization: Organization, name: str, phone: str = "", roles: list[str] | None = None, by: User | None
) -> Person:
    name = _text("name", name, _("Give the person's name."), limit=NAME_MAX)
    normalized = ""
    if phone and phone.strip():
        try:
            normalized = normalize_phone(phone)
        except ValueError as exc:
            raise DomainError.single("phone", "invalid_phone", _("This phone number is not valid.")) from exc
    person = Person.objects.create(
        organization=organization, name=name, phone=normalized, roles=_roles(roles), created_at=clock.now()
    )
    _event("person", person, "created", by=by, data={"roles": person.roles})
    return person


@transaction.atomic
def person_link_case(*, person: Person, case: Case, by: User | None) -> Person:
    _same_org("case", case, person.organization_id)
    if not person.cases.filter(pk=case.pk).exists():
        person.cases.add(case)
        _event("person", person, "case_linked", by=by, data={"case": case.reference})
    return person


# --- Mobile units and walk-ins (Hadirin, Itlala, Mustamirun) ---------------------------------------------

# A walk-in may be entered late (a busy evening written up the next morning), but not a week later.
WALKIN_LATE_DAYS = 7


def _times_overlap(a: UnitStop, b: UnitStop) -> bool:
    def minutes(stop: UnitStop) -> tuple[int, int]:
        start = stop.starts.hour * 60 + stop.starts.minute
        end = stop.ends.hour * 60 + stop.ends.minute
        return start, end if end > start else end + 24 * 60

    (a1, a2), (b1, b2) = minutes(a), minutes(b)
    return a1 < b2 and b1 < a2


def _days_overlap(a: UnitStop, b: UnitStop) -> bool:
    lo = max(a.valid_from or datetime.date.min, b.valid_from or datetime.date.min)
    hi = min(a.valid_until or datetime.date.max, b.valid_until or datetime.date.max)
    if lo > hi:
        return False
    if a.date and b.date:
        return a.date == b.date
    if a.date or b.date:
        dated, weekly = (a, b) if a.date else (b, a)
        return schedules.stop_applies(weekly, dated.date)
    return bool(set(a.weekdays) & set(b.weekdays))


@transaction.atomic
def unit_stop_create(
    *,
    unit: ServicePoint,
    place_names: dict[str, str],
    lat: float | None,
    lon: float | None,
    starts: datetime.time | None,
    ends: datetime.time | None,
    weekdays: list[str] | None = None,
    date: datetime.date | None = None,
    valid_from: datetime.date | None = None,
    valid_until: datetime.date | None = None,
    by: User | None,
) -> UnitStop:
    """A mobile car stands at a place (a park, with its coordinates) on some weekdays or on one date. A car
    cannot be in two places at once: a stop overlapping another of the same car is refused."""
    errors: list[FieldError] = []
    if unit.kind != ServicePoint.Kind.MOBILE_CAR:
        errors.append(FieldError("unit", "not_mobile", _("Stops are for mobile service cars only.")))
    names = {k: str(v).strip()[:200] for k, v in (place_names or {}).items() if str(v).strip()}
    if not names:
        errors.append(FieldError("place_names", "required", _("Name the place in at least one language.")))
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        errors.append(FieldError("lat", "invalid", _("Give the place's coordinates.")))
    elif not unit.organization.contains_point(lat, lon):
        errors.append(FieldError("lat", "outside_boundary", _("This place is outside the area served.")))
    days = []
    for day in weekdays or []:
        if day not in schedules.DAY_KEYS:
            errors.append(FieldError("weekdays", "invalid_choice", _("Unknown day: %(day)s.") % {"day": day}))
        elif day not in days:
            days.append(day)
    if bool(days) == (date is not None):
        errors.append(FieldError("weekdays", "required", _("Give either weekdays or one date.")))
    if starts is None or ends is None:
        errors.append(FieldError("starts", "required", _("Give the hours of the stop.")))
    elif starts == ends:
        errors.append(FieldError("ends", "invalid", _("The stop must end after it starts.")))
    if valid_from and valid_until and valid_until < valid_from:
        errors.append(FieldError("valid_until", "invalid", _("The end of validity is before its start.")))
    if errors:
        raise DomainError(*errors)
    stop = UnitStop(
        organization_id=unit.organization_id,
        unit=unit,
        place_names=names,
        lat=lat,
        lon=lon,
        weekdays=days,
        date=date,
        starts=starts,
        ends=ends,
        valid_from=valid_from,
        valid_until=valid_until,
    )
    # Lock the unit's stops so two people planning the same car see each other's stop.
    for other in UnitStop.objects.select_for_update().filter(unit=unit, is_active=True):
        if _days_overlap(stop, other) and _times_overlap(stop, other):
            raise Conflict.single(
                "starts",
                "unit_double_booked",
                _("This car is already at %(place)s from %(start)s to %(end)s on one of these days.")
                % {
                    "place": pick_name(other.place_names),
                    "start": other.starts.strftime("%H:%M"),
                    "end": other.ends.strftime("%H:%M"),
                },
            )
    stop.save()
    _event(
        "unit_stop",
        stop,
        "created",
        by=by,
        data={
            "unit": unit.code,
            "place": names,
            "weekdays": days,
            "date": date.isoformat() if date else None,
            "hours": [starts.strftime("%H:%M"), ends.strftime("%H:%M")],
        },
    )
    return stop


@transaction.atomic
def unit_stop_deactivate(*, stop: UnitStop, by: User | None) -> UnitStop:
    stop.is_active = False
    stop.save(update_fields=["is_active"])
    _event("unit_stop", stop, "deactivated", by=by)
    return stop


def walkin_record(
    *,
    service_point: ServicePoint,
    by: User,
    service: str,
    language: str,
    category: str | None = None,
    case: Case | None = None,
    at: datetime.datetime | None = None,
    note: str = "",
) -> WalkIn:
    """One person served at a counter or a mobile unit. Recorded also outside the point's hours (people
    still in the queue at closing time are served): such a walk-in is kept and flagged ``out_of_hours``.
    The row is its own audit record (who recorded it, when, for when): no ProgramEvent is written."""
    errors: list[FieldError] = []
    now = clock.now()
    at = now if at is None else at
    if at.tzinfo is None:
        errors.append(FieldError("at", "naive_datetime", _("Give the time with its UTC offset.")))
    elif at > now + datetime.timedelta(minutes=5):
        errors.append(FieldError("at", "in_future", _("This time is in the future.")))
    elif at < now - datetime.timedelta(days=WALKIN_LATE_DAYS):
        errors.append(
            FieldError(
                "at",
                "too_old",
                _("Walk-ins older than %(days)d days cannot be recorded.") % {"days": WALKIN_LATE_DAYS},
            )
        )
    if service not in WalkInService.values:
        errors.append(
            FieldError("service", "invalid_choice", _("This value is not one of the allowed choices."))
        )
    if not is_supported(language or ""):
        errors.append(FieldError("language", "unsupported_language", _("Unsupported language.")))
    if not service_point.is_active:
        errors.append(FieldError("service_point", "inactive", _("This service point is not active.")))
    chosen = None
    if category:
        chosen = Category.objects.filter(
            organization_id=service_point.organization_id, code=category, is_active=True
        ).first()
        if chosen is None:
            errors.append(FieldError("category", "unknown_category", _("Unknown category.")))
    note = (note or "").strip()
    if len(note) > 500:
        errors.append(FieldError("note", "too_long", _("This value is too long.")))
    if errors:
        raise DomainError(*errors)
    if case is not None:
        _same_org("case", case, service_point.organization_id)
    tz = zoneinfo.ZoneInfo(service_point.organization.time_zone)
    open_then = schedules.is_open_at(service_point, at, tz, stops=schedules.point_stops(service_point))
    return WalkIn.objects.create(
        organization_id=service_point.organization_id,
        service_point=service_point,
        service=service,
        category=chosen,
        language=language,
        case=case,
        at=at,
        out_of_hours=not open_then,
        note=note,
        recorded_by=by,
        created_at=now,
    )
