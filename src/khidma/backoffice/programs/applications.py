"""Association applications on screen: the files by status, and a file's page with the checklist, the dates,
the audit trail and the steps the person's role allows at the file's status."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from khidma.accounts.models import User
from khidma.backoffice.programs.common import Outcome, attempt, page, visible_or_404
from khidma.backoffice.programs.forms import (
    ApplicationFilterForm,
    DeliverForm,
    DocumentsForm,
    EmptyForm,
    RegisterForm,
    ResearchForm,
)
from khidma.backoffice.views import staff_required
from khidma.core.languages import pick_name
from khidma.programs import access, audit
from khidma.programs.applications import selectors, services
from khidma.programs.models import Application, ApplicationStatus, Recommendation

LIST_MAX = 200


@staff_required
def applications(request: HttpRequest) -> HttpResponse:
    user: User = request.user
    form = ApplicationFilterForm(request.GET)
    wanted = form.cleaned_data["status"] if form.is_valid() else ""
    items = selectors.application_list(access.visible(user, Application), status=wanted or None)
    return page(
        request,
        "applications.html",
        {"applications": items[:LIST_MAX], "statuses": ApplicationStatus.choices, "wanted": wanted},
    )


# One step of a file: (permission, form, what the service does with the form's data, message on success).
Step = tuple[str, type[forms.Form], Callable[[Application, User, dict[str, Any]], Any], str]

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
    """The applicant's file: the checklist, the completeness check, documents, research, registration and
    delivery, with the audit trail."""
    user: User = request.user
    item = visible_or_404(user, selectors.application_detail(access.visible(user, Application)), pk)
    outcome = Outcome()
    bound: forms.Form | None = None
    if request.method == "POST":
        step = STEPS.get(request.POST.get("op", ""))
        if step is None:
            return redirect("backoffice:programs:application", pk=pk)
        permission, form_class, action, done = step
        bound = form_class(request.POST)
        outcome = attempt(
            request, bound, lambda data: action(item, user, data), permission=permission, done=str(done)
        )
        if outcome.done:
            return redirect("backoffice:programs:application", pk=pk)
    checklist = [{"name": d, "given": d in item.documents} for d in item.request_type.required_documents]
    extra = [d for d in item.documents if d not in item.request_type.required_documents]
    return page(
        request,
        "application.html",
        {
            "application": item,
            "type_name": pick_name(item.request_type.names, request.LANGUAGE_CODE) or item.request_type.code,
            "checklist": checklist,
            "extra": extra,
            "earliest": selectors.earliest_decision_at(item),
            "events": audit.events_for("application", item),
            "recommendations": Recommendation.choices,
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
