"""Association applications on screen: the files by status; taking an application in for a member who comes
in or calls (the person found or recorded, the request type, the checklist); and a file's page with the
checklist, the documents as files, the dates, the audit trail and the steps the person's role allows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from khidma.accounts.models import User
from khidma.backoffice.programs.common import Outcome, attempt, audit_lines, denied, page, visible_or_404
from khidma.backoffice.programs.forms import (
    ApplicationFilterForm,
    DeliverForm,
    DocumentsForm,
    EmptyForm,
    FileForm,
    IntakeForm,
    IntakeLookupForm,
    RegisterForm,
    ResearchForm,
)
from khidma.backoffice.views import staff_required
from khidma.core.files import private_file_response
from khidma.core.languages import pick_name
from khidma.programs import access, audit
from khidma.programs.applications import selectors, services
from khidma.programs.applications.checklist import checklist_for
from khidma.programs.models import (
    Application,
    ApplicationStatus,
    Person,
    PersonRole,
    Recommendation,
    RequestType,
)
from khidma.programs.people import selectors as people_selectors
from khidma.programs.units import selectors as unit_selectors

LIST_MAX = 200


def _type_name(request_type: RequestType, language: str) -> str:
    return pick_name(request_type.names, language) or request_type.code


@staff_required
def applications(request: HttpRequest) -> HttpResponse:
    user: User = request.user
    form = ApplicationFilterForm(request.GET)
    wanted = form.cleaned_data["status"] if form.is_valid() else ""
    items = selectors.application_list(access.visible(user, Application), status=wanted or None)
    language = request.LANGUAGE_CODE
    return page(
        request,
        "applications.html",
        {
            "applications": [
                {"application": a, "type_name": _type_name(a.request_type, language)}
                for a in items[:LIST_MAX]
            ],
            "statuses": ApplicationStatus.choices,
            "wanted": wanted,
            "can_take_in": access.can(user, "application_intake") and access.can(user, "person_manage"),
        },
    )


# --- Taking an application in -------------------------------------------------------------------------------


@staff_required
def application_new(request: HttpRequest) -> HttpResponse:
    """A member who comes in or calls: find them (by phone or name) or record them, choose the request type,
    tick the documents they brought (or type their names in any language), take their declaration."""
    user: User = request.user
    if not (access.can(user, "application_intake") and access.can(user, "person_manage")):
        return denied(request)
    language = request.LANGUAGE_CODE
    lookup = IntakeLookupForm(request.GET)
    wanted = lookup.cleaned_data if lookup.is_valid() else {"q": "", "person": None, "type": ""}
    person = access.get_visible(user, Person, wanted["person"]) if wanted["person"] else None
    query = wanted["q"].strip()
    found = list(people_selectors.people_search(access.visible(user, Person), query)) if query else []
    types = list(selectors.request_types_offered(access.visible(user, RequestType)))
    request_type = next((t for t in types if t.code == wanted["type"]), types[0] if len(types) == 1 else None)
    checklist = checklist_for(user.organization)
    items = [
        (code, checklist.label(code)) for code in (request_type.required_documents if request_type else [])
    ]
    points = (
        [] if user.service_point_id else unit_selectors.points_people_come_to(organization=user.organization)
    )
    # What was searched for and not found is usually the new person's number or name.
    looks_like_phone = sum(ch.isdigit() for ch in query) >= people_selectors.PHONE_DIGITS
    form = IntakeForm(
        request.POST if request.method == "POST" else None,
        initial={"phone": query} if looks_like_phone else {"name": query},
        items=items,
        points=[(p.code, p.name_in(language)) for p in points if p.is_active],
    )
    outcome = Outcome()
    if request.method == "POST":
        if request_type is None:
            raise Http404

        def take_in(data: dict[str, Any]) -> Application:
            applicant = services.Applicant(
                person=person, name=data["name"], phone=data["phone"], role=data["role"] or PersonRole.MEMBER
            )
            post = user.service_point.code if user.service_point_id else data["service_point"] or None
            return services.application_intake(
                organization=user.organization,
                request_type=request_type,
                applicant=applicant,
                channel=data["channel"],
                declaration_accepted=data["declaration"],
                documents=form.handed_in(),
                description=data["description"],
                service_point=post,
                by=user,
            )

        outcome = attempt(
            request, form, take_in, permission=None, done=str(_("The application is recorded."))
        )
        if outcome.done:
            return redirect("backoffice:programs:application", pk=outcome.result.pk)
    earlier = list(people_selectors.person_applications(person)) if person else []
    return page(
        request,
        "application_new.html",
        {
            "query": query,
            "found": found,
            "person": person,
            "earlier": [
                {"application": a, "type_name": _type_name(a.request_type, language)} for a in earlier
            ],
            "types": [(t.code, _type_name(t, language)) for t in types],
            "request_type": request_type,
            "type_name": _type_name(request_type, language) if request_type else "",
            "form": form,
            "needs_point": not user.service_point_id,
            "errors": outcome.errors,
        },
        status=outcome.status,
    )


# --- A file's page ------------------------------------------------------------------------------------------

# One step of a file: (permission, form, what the service does with the form's data, message on success).
Step = tuple[str, type[forms.Form], Callable[[Application, User, dict[str, Any]], Any], Any]

STEPS: dict[str, Step] = {
    "check": (
        "application_intake",
        EmptyForm,
        lambda a, user, _data: services.application_check(application=a, by=user),
        _("The completeness check is recorded."),
    ),
    "documents": (
        "application_intake",
        DocumentsForm,
        lambda a, user, data: services.application_add_documents(
            application=a, documents=data["documents"], by=user
        ),
        _("Documents added."),
    ),
    "research": (
        "application_research",
        ResearchForm,
        lambda a, user, data: services.application_record_research(
            application=a, assessment=data["assessment"], recommendation=data["recommendation"], by=user
        ),
        _("The social research is recorded."),
    ),
    "register": (
        "application_deliver",
        RegisterForm,
        lambda a, user, data: services.application_register(
            application=a, registration_number=data["registration_number"], by=user
        ),
        _("Registered."),
    ),
    "deliver": (
        "application_deliver",
        DeliverForm,
        lambda a, user, data: services.application_deliver(application=a, note=data["note"], by=user),
        _("The service is recorded as delivered."),
    ),
}


@staff_required
def application(request: HttpRequest, pk: int) -> HttpResponse:
    """The applicant's file: the checklist with the documents handed in (as names or files), the
    completeness check, the social research, registration and delivery, with the audit trail."""
    user: User = request.user
    item = visible_or_404(user, selectors.application_detail(access.visible(user, Application)), pk)
    checklist = checklist_for(item.organization_id)
    required = item.request_type.required_documents
    items = [(code, checklist.label(code)) for code in required]
    outcome = Outcome()
    bound: forms.Form | None = None
    # The file most likely to come next: the first item still missing.
    missing = next((code for code in required if code not in item.documents), "")
    upload = FileForm(items=items, initial={"item": missing})
    if request.method == "POST":
        op = request.POST.get("op", "")
        if op == "file":
            bound = upload = FileForm(request.POST, request.FILES, items=items)
            outcome = attempt(
                request,
                upload,
                lambda data: services.application_file_add(
                    application=item, upload=data["file"], item=data["item"], by=user
                ),
                permission="application_intake",
                done=str(_("The document is added.")),
            )
        elif op in STEPS:
            permission, form_class, action, done = STEPS[op]
            bound = form_class(request.POST)
            outcome = attempt(
                request, bound, lambda data: action(item, user, data), permission=permission, done=str(done)
            )
        if outcome.done:
            return redirect("backoffice:programs:application", pk=pk)
    files = selectors.application_files(item)
    return page(
        request,
        "application.html",
        {
            "application": item,
            "type_name": _type_name(item.request_type, request.LANGUAGE_CODE),
            "checklist": [
                {
                    "label": label,
                    "given": code in item.documents,
                    "files": [f for f in files if f.item == code],
                }
                for code, label in items
            ],
            "extra": [checklist.label(d) for d in item.documents if d not in required],
            "other_files": [f for f in files if f.item not in required],
            "earliest": selectors.earliest_decision_at(item),
            "events": audit_lines(audit.events_for("application", item), checklist),
            "recommendations": Recommendation.choices,
            "takes_documents": item.status in services.DOCUMENT_STATUSES,
            "upload": upload,
            "can": {
                p: access.can(user, p)
                for p in ("application_intake", "application_research", "application_deliver")
            },
            "posted": bound.data if bound is not None else {},
            "errors": outcome.errors,
            "tz": user.organization.time_zone,
        },
        status=outcome.status,
    )


@staff_required
def application_file(request: HttpRequest, pk: int, file_pk: int) -> FileResponse:
    """A document's file, only for staff who may see the application; never from a public address."""
    item = visible_or_404(request.user, Application, pk)
    document = selectors.application_file(item, file_pk)
    if document is None:
        raise Http404
    return private_file_response(
        document.file, content_type=document.content_type, name=f"{document.pk}{document.extension}"
    )
