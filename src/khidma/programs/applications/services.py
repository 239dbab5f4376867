"""Association requests (neighbourhood centres, housing cooperatives): the kinds of request, an application
submitted with the applicant's declaration, the completeness check, documents handed in later, the social
research, and — after the committee's decision (``programs.committees``) — registration and delivery."""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from khidma.accounts.models import User
from khidma.cases import services as case_services
from khidma.cases.intake import Reporter, staff_intake_request
from khidma.cases.models import IN_PERSON_CHANNELS, Case, Channel, Status
from khidma.core import clock, files
from khidma.core.errors import Conflict, DomainError, FieldError
from khidma.core.files import read_checked
from khidma.core.languages import is_supported, pick_name
from khidma.core.phones import normalize_phone
from khidma.core.validation import clean_text, clean_text_list
from khidma.organizations.models import CaseKind, Organization
from khidma.programs import audit, casework
from khidma.programs.access import ensure_same_organization
from khidma.programs.applications.checklist import checklist_for
from khidma.programs.models import (
    Application,
    ApplicationDocument,
    ApplicationStatus,
    ChecklistItem,
    Person,
    PersonRole,
    Recommendation,
    RequestType,
)
from khidma.programs.people.selectors import person_by_phone
from khidma.programs.people.services import NAME_MAX, person_create

# send_untranslated=True: these words go to the applicant as written when no translation backend can
# translate them; the program screens do not yet offer the confirmation the case page asks for
# (cases/wording.py). Texts made with casework.in_language() are already in the applicant's language.

TEXT_MAX = 4000
DOCUMENT_MAX = 200
REGISTRATION_MAX = 40
CODE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


@transaction.atomic
def checklist_item_upsert(
    *, organization: Organization, code: str, names: dict[str, str], by: User | None
) -> ChecklistItem:
    """Add a document to the organization's checklist items, or rename one (a built-in one too), in its
    languages. Applicants' documents then tick it by any of these names."""
    errors: list[FieldError] = []
    code = (code or "").strip()
    if not CODE.match(code):
        errors.append(FieldError("code", "invalid", _("Use lower-case letters, digits, - and _.")))
    names = {
        language: clean_text(text, field=f"names.{language}", limit=DOCUMENT_MAX, errors=errors)
        for language, text in (names or {}).items()
        if is_supported(language) and str(text or "").strip()
    }
    if not names:
        errors.append(FieldError("names", "required", _("Name the document in at least one language.")))
    if errors:
        raise DomainError(*errors)
    item, created = ChecklistItem.objects.update_or_create(
        organization=organization, code=code, defaults={"names": names, "is_active": True}
    )
    audit.record("checklist_item", item, "created" if created else "renamed", by=by, data={"names": names})
    return item


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
    if not CODE.match(code):
        errors.append(FieldError("code", "invalid", _("Use lower-case letters, digits, - and _.")))
    names = {k: str(v).strip() for k, v in (names or {}).items() if str(v).strip()}
    if not names:
        errors.append(FieldError("names", "required", _("Name the request type in at least one language.")))
    if min_decision_days < 0:
        errors.append(FieldError("min_decision_days", "invalid", _("This value is not valid.")))
    checklist = checklist_for(organization)
    required = checklist.tick(clean_text_list(required_documents, limit=DOCUMENT_MAX))
    for entry in required:
        if not checklist.knows(entry):
            errors.append(
                FieldError(
                    "required_documents",
                    "unknown_checklist_item",
                    _("Unknown checklist item: %(item)s. Name it in the checklist items first.")
                    % {"item": entry},
                )
            )
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
        required_documents=required,
        min_decision_days=min_decision_days,
        max_decision_days=max_decision_days,
    )
    audit.record(
        "request_type",
        item,
        "created",
        by=by,
        data={"code": code, "required_documents": item.required_documents},
    )
    return item


def lock_application(application: Application) -> Application:
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
    ensure_same_organization("case", case, request_type.organization_id)
    if person is not None:
        ensure_same_organization("person", person, request_type.organization_id)
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
    casework.ensure_case_open(case)
    if Application.objects.filter(case=case).exists():
        raise Conflict.single("case", "already_exists", _("This case already has an application."))
    now = clock.now()
    checklist = checklist_for(request_type.organization_id)
    supplied = checklist.tick(clean_text_list(documents, limit=DOCUMENT_MAX))
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
    audit.record(
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
        text=casework.in_language(
            case.language,
            _("Application for %(type)s submitted with the applicant's declaration (%(channel)s)."),
            type=request_type.names.get(case.language) or request_type.code,
            channel=Channel(declaration_channel).label,
        ),
        public=False,
    )
    return application


def bad_step(message: Any, code: str = "invalid_transition") -> DomainError:
    return Conflict.single("status", code, message)


@transaction.atomic
def application_check(*, application: Application, by: User) -> Application:
    """The completeness check against the request type's list. An incomplete file goes back to the applicant
    with what is missing (the case waits on hold, and the applicant is told); nothing supplied is lost."""
    application = lock_application(application)
    if application.status != ApplicationStatus.SUBMITTED:
        raise bad_step(_("Only a submitted file can be checked."))
    missing = [d for d in application.request_type.required_documents if d not in application.documents]
    application.missing_documents = missing
    if missing:
        application.status = ApplicationStatus.INCOMPLETE
        application.save(update_fields=["status", "missing_documents"])
        audit.record("application", application, "returned_incomplete", by=by, data={"missing": missing})
        case = application.case
        reason = casework.in_language(
            case.language,
            _("Your application is incomplete. Please bring: %(list)s. What you already gave is kept."),
            list=", ".join(checklist_for(application.organization_id).labels(missing, case.language)),
        )
        case_services.case_hold(case=case, by=by, reason=reason, public=True, send_untranslated=True)
    else:
        application.status = ApplicationStatus.IN_RESEARCH
        application.save(update_fields=["status", "missing_documents"])
        audit.record("application", application, "complete", by=by)
        case_services.case_add_note(
            case=application.case,
            by=by,
            text=casework.in_language(
                application.case.language, _("The file is complete; social research follows.")
            ),
            public=False,
        )
    return application


# Before the social research is done, documents may still come in (by name or as files).
DOCUMENT_STATUSES = frozenset(
    {ApplicationStatus.SUBMITTED, ApplicationStatus.INCOMPLETE, ApplicationStatus.IN_RESEARCH}
)


def _ensure_takes_documents(application: Application) -> None:
    if application.status not in DOCUMENT_STATUSES:
        raise bad_step(_("Documents can be added only before the social research is done."))


def _take_documents(
    application: Application,
    added: list[str],
    *,
    by: User,
    data: dict[str, Any],
    kind: str = "documents_added",
) -> None:
    """Record documents handed in on a locked application: a file returned as incomplete is submitted again
    (the case resumes); nothing already given is lost."""
    application.documents = [*application.documents, *added]
    resubmitted = application.status == ApplicationStatus.INCOMPLETE and bool(added)
    if resubmitted:
        application.status = ApplicationStatus.SUBMITTED
    application.missing_documents = [d for d in application.missing_documents if d not in added]
    application.save(update_fields=["documents", "status", "missing_documents"])
    audit.record(
        "application", application, kind, by=by, data={"added": added, "resubmitted": resubmitted, **data}
    )
    case = application.case
    case.refresh_from_db()
    if resubmitted and case.status == Status.ON_HOLD:
        labels = checklist_for(application.organization_id).labels(added, case.language)
        case_services.case_resume(
            case=case,
            by=by,
            note=casework.in_language(case.language, _("Documents added: %(list)s."), list=", ".join(labels)),
        )


@transaction.atomic
def application_add_documents(*, application: Application, documents: list[str], by: User) -> Application:
    """Documents handed in later, named in any language (a name ticks its checklist item); a file returned as
    incomplete is submitted again for the check."""
    application = lock_application(application)
    _ensure_takes_documents(application)
    typed = checklist_for(application.organization_id).tick(clean_text_list(documents, limit=DOCUMENT_MAX))
    added = [d for d in typed if d not in application.documents]
    if not added:
        raise DomainError.single("documents", "required", _("Give at least one new document."))
    _take_documents(application, added, by=by, data={})
    return application


def _unsupported_document() -> Any:
    return _("Only PDF documents and photos (JPEG, PNG) can be added.")


@transaction.atomic
def application_file_add(
    *, application: Application, upload: UploadedFile | None, item: str = "", by: User
) -> ApplicationDocument:
    """A document handed in as a file (a PDF, or a photo of the paper), with the checklist item it
    satisfies (empty: a document that is not on the checklist). The file is checked by its content and kept
    through the storage API, named by its content; the item counts as given."""
    application = lock_application(application)
    _ensure_takes_documents(application)
    checklist = checklist_for(application.organization_id)
    item = (item or "").strip()
    if item and not checklist.knows(item):
        raise DomainError.single("item", "unknown_checklist_item", _("Choose an item of the checklist."))
    content, kind = read_checked(
        upload,
        allowed={files.PDF, files.JPEG, files.PNG},
        field="file",
        unsupported=_unsupported_document(),
    )
    digest = hashlib.sha256(content).hexdigest()
    document = ApplicationDocument(
        organization_id=application.organization_id,
        application=application,
        item=item,
        original_name=(getattr(upload, "name", "") or "")[:255],
        content_type=kind.content_type,
        extension=kind.extension,
        size=len(content),
        sha256=digest,
        uploaded_by=by,
        uploaded_at=clock.now(),
    )
    document.file.save(f"document{kind.extension}", ContentFile(content), save=False)
    document.save()
    added = [item] if item and item not in application.documents else []
    _take_documents(application, added, by=by, data={"file": document.pk, "item": item}, kind="file_added")
    return document


@transaction.atomic
def application_record_research(
    *, application: Application, assessment: str, recommendation: str, by: User
) -> Application:
    application = lock_application(application)
    if application.status in {ApplicationStatus.SUBMITTED, ApplicationStatus.INCOMPLETE}:
        raise bad_step(
            _("The file must pass the completeness check before the social research."), "incomplete"
        )
    if application.status not in {ApplicationStatus.IN_RESEARCH, ApplicationStatus.RESEARCHED}:
        raise bad_step(_("The social research can no longer change."))
    assessment = clean_text(
        assessment, field="assessment", limit=TEXT_MAX, required=_("Write the researcher's assessment.")
    )
    if recommendation not in Recommendation.values:
        raise DomainError.single(
            "recommendation", "invalid_choice", _("This value is not one of the allowed choices.")
        )
    application.research, application.recommendation, application.researcher = assessment, recommendation, by
    application.status = ApplicationStatus.RESEARCHED
    application.save(update_fields=["research", "recommendation", "researcher", "status"])
    audit.record(
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
        text=casework.in_language(
            application.case.language,
            _("Social research done; recommendation: %(recommendation)s."),
            recommendation=Recommendation(recommendation).label,
        ),
        public=False,
    )
    return application


@transaction.atomic
def application_register(*, application: Application, by: User, registration_number: str = "") -> Application:
    application = lock_application(application)
    if application.status != ApplicationStatus.APPROVED:
        raise bad_step(_("Only an approved application can be registered."))
    number = clean_text(registration_number, field="registration_number", limit=REGISTRATION_MAX)
    application.registration_number = number or application.case.reference
    application.registered_at = clock.now()
    application.status = ApplicationStatus.REGISTERED
    application.save(update_fields=["registration_number", "registered_at", "status"])
    audit.record(
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
        text=casework.in_language(
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
    application = lock_application(application)
    if application.status != ApplicationStatus.REGISTERED:
        raise bad_step(_("Only a registered application can be delivered."))
    note = clean_text(note, field="note", limit=TEXT_MAX, required=_("Describe what was delivered."))
    application.status, application.delivered_at = ApplicationStatus.DELIVERED, clock.now()
    application.save(update_fields=["status", "delivered_at"])
    audit.record("application", application, "delivered", by=by, note=note)
    case = casework.take_case(application.case, by)
    case_services.case_resolve(case=case, by=by, note=note, send_untranslated=True)
    return application


# --- Taking an application in, in one step ------------------------------------------------------------------

DESCRIPTION_MAX = 4000


@dataclass(frozen=True)
class Applicant:
    """Who applies: a person already on the register, or one to record now (found by phone if the register
    already knows the number)."""

    person: Person | None = None
    name: str = ""
    phone: str = ""
    role: str = PersonRole.MEMBER


def application_intake(
    *,
    organization: Organization,
    request_type: RequestType,
    applicant: Applicant,
    channel: str,
    declaration_accepted: bool,
    documents: list[str] | None = None,
    description: str = "",
    service_point: str | None = None,
    by: User,
) -> Application:
    """A member who comes in or calls: their request taken in as a case, the person found on the register or
    recorded, and the application attached with their declaration and the documents they brought (named in
    any language). Every problem is reported at once, before anything is created.

    The case goes through the one intake path, with the staff intake rules (``staff_intake_request``); the
    person and the application are written inside the case's own transaction (``within``), so triage runs
    before any write lock and nothing is left half made."""
    ensure_same_organization("request_type", request_type, organization.pk)
    errors: list[FieldError] = []
    name, phone = "", ""
    if applicant.person is not None:
        ensure_same_organization("person", applicant.person, organization.pk)
        name, phone = applicant.person.name, applicant.person.phone
    else:
        name = clean_text(
            applicant.name,
            field="person.name",
            limit=NAME_MAX,
            required=_("Give the person's name."),
            errors=errors,
        )
        if applicant.phone and applicant.phone.strip():
            try:
                phone = normalize_phone(applicant.phone)
            except ValueError:
                errors.append(
                    FieldError("person.phone", "invalid_phone", _("This phone number is not valid."))
                )
        if applicant.role not in PersonRole.values:
            errors.append(
                FieldError(
                    "person.role", "invalid_choice", _("This value is not one of the allowed choices.")
                )
            )
    if not request_type.is_active:
        errors.append(FieldError("request_type", "inactive", _("This request type is not offered now.")))
    if not declaration_accepted:
        errors.append(
            FieldError(
                "declaration", "declaration_required", _("The applicant must declare that the data is true.")
            )
        )
    if channel not in Channel.values:
        errors.append(FieldError("channel", "unknown_channel", _("Unknown channel.")))
    elif channel in IN_PERSON_CHANNELS and not service_point:
        errors.append(
            FieldError("service_point", "required", _("Say at which service point the person came in."))
        )
    description = clean_text(description, field="description", limit=DESCRIPTION_MAX, errors=errors)
    if errors:
        raise DomainError(*errors)
    language = None if description else organization.default_language
    if not description:
        type_name = pick_name(request_type.names, organization.default_language) or request_type.code
        description = casework.in_language(
            organization.default_language, _("Application: %(type)s"), type=type_name
        )
    request = staff_intake_request(
        user=by,
        description=description,
        channel=channel,
        service_point=service_point if channel in IN_PERSON_CHANNELS else None,
        kind=CaseKind.SERVICE_REQUEST,
        language=language,
        reporter=Reporter(name=name, phone=phone),
    )
    taken: list[Application] = []

    def attach(case: Case) -> None:
        # In the case's own transaction: the case, the person and the application are made together or
        # not at all.
        person = applicant.person or person_by_phone(organization=organization, phone=phone)
        if person is None:
            person = person_create(
                organization=organization, name=name, phone=phone, roles=[applicant.role], by=by
            )
        taken.append(
            application_submit(
                request_type=request_type,
                case=case,
                declaration_accepted=declaration_accepted,
                declaration_channel=channel,
                documents=documents,
                person=person,
                by=by,
            )
        )

    case_services.case_create(request=request, within=attach)
    return taken[0]
