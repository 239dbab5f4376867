"""The public portal's first pages: the front door and tracking a report by its number."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from khidma.cases import selectors as case_selectors
from khidma.cases.references import parse_reference
from khidma.core.errors import DomainError
from khidma.organizations import selectors as org_selectors


def _organization():
    return org_selectors.organization_get_active(slug=settings.KHIDMA_DEFAULT_ORGANIZATION)


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/home.html", {"organization": _organization()})


def track_form(request: HttpRequest) -> HttpResponse:
    reference = request.GET.get("reference", "").strip()
    if reference:
        return redirect("portal:track", reference=reference)
    return redirect("portal:home")


def track(request: HttpRequest, reference: str) -> HttpResponse:
    organization = _organization()
    context: dict = {"organization": organization, "reference": reference}
    try:
        canonical = parse_reference(reference)
    except DomainError as exc:
        context["error"] = exc.errors[0].message
        return render(request, "portal/track.html", context, status=400)
    case = (
        case_selectors.case_get_public(organization=organization, reference=canonical)
        if organization
        else None
    )
    if case is None:
        context["not_found"] = True
        return render(request, "portal/track.html", context, status=404)
    context.update({"case": case, "timeline": case_selectors.case_public_timeline(case)})
    return render(request, "portal/track.html", context)
