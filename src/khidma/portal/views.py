"""The public portal's first pages: the front door and tracking a report by its number."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from khidma.cases import closure
from khidma.cases import selectors as case_selectors
from khidma.cases.models import Channel, Status
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
    context: dict = {
        "organization": organization,
        "reference": reference,
        "notice": request.session.pop("portal_notice", None),
        "form_error": request.session.pop("portal_error", None),
    }
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
    context.update(
        {
            "case": case,
            "timeline": case_selectors.case_public_timeline(case),
            "awaiting_confirmation": case.status == Status.RESOLVED and bool(case.closure_code_hash),
            "can_rate": case.status == Status.CLOSED
            and bool(case.closure_code_hash)
            and not hasattr(case, "satisfaction"),
            "ratings": range(1, 6),
        }
    )
    return render(request, "portal/track.html", context)


@require_POST
def answer(request: HttpRequest, reference: str) -> HttpResponse:
    """The reporter's answer on the tracking page: is it fixed (with the closure code), or a rating."""
    organization = _organization()
    try:
        canonical = parse_reference(reference)
    except DomainError:
        return redirect("portal:track", reference=reference)
    case = (
        case_selectors.case_get_public(organization=organization, reference=canonical)
        if organization
        else None
    )
    if case is None:
        return redirect("portal:track", reference=reference)
    code = request.POST.get("code", "").strip()
    try:
        if not closure.code_matches(case, code):
            raise DomainError.single("code", "wrong_code", _("This closure code is not right."))
        if "rating" in request.POST:
            rating = int(request.POST["rating"]) if request.POST["rating"].isdigit() else 0
            closure.case_rate(
                case=case, rating=rating, channel=Channel.WEB, comment=request.POST.get("comment", "")
            )
            notice = _("Thank you for your rating.")
        elif request.POST.get("fixed") == "yes":
            closure.case_confirm_closure(case=case, code=code, channel=Channel.WEB)
            notice = _("Thank you. The report is now closed.")
        else:
            closure.case_reject_closure(
                case=case, channel=Channel.WEB, reason=request.POST.get("comment", "")
            )
            notice = _("The report was reopened and sent to the follow-up unit.")
    except DomainError as exc:
        request.session["portal_error"] = str(exc.errors[0].message)
        return redirect("portal:track", reference=case.reference)
    request.session["portal_notice"] = str(notice)
    return redirect("portal:track", reference=case.reference)
