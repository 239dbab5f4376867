"""The public portal: the front door, reporting a problem, tracking a report, and help finding a service.

Views only read the request, call the portal's helpers or the domain's services and selectors, and render.
Pages are sent gzipped (a third of their size on a slow mobile link); Django adds random bytes to every
compressed response against BREACH, and the forms' CSRF tokens are masked anew for each response.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_GET, require_POST

from khidma.cases import closure, limits, privacy, submissions, tracking
from khidma.cases import selectors as case_selectors
from khidma.cases.models import Case, Channel, EventKind, Status
from khidma.cases.references import parse_reference
from khidma.cases.wording import public_notes
from khidma.core import clock
from khidma.core.clientip import client_ip
from khidma.core.errors import DomainError
from khidma.core.languages import pick_name
from khidma.core.phones import mask_phone
from khidma.core.ratelimit import RateLimited
from khidma.organizations import selectors as org_selectors
from khidma.organizations.models import ServicePoint
from khidma.portal import hours, maps, places
from khidma.portal.forms import MAX_PHOTOS, AreaLookupForm, ReportForm
from khidma.portal.icons import category_icon
from khidma.portal.reporting import PHONE_ACTIONS, phone_step, submit_report
from khidma.programs import schedules


def _organization():
    return org_selectors.organization_get_active(slug=settings.KHIDMA_DEFAULT_ORGANIZATION)


def _organization_or_404():
    organization = _organization()
    if organization is None:
        raise Http404
    return organization


@gzip_page
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/home.html", {"organization": _organization()})


def _retry_after(response: HttpResponse, exc: RateLimited) -> HttpResponse:
    response["Retry-After"] = str(exc.retry_after)
    return response


def track_form(request: HttpRequest) -> HttpResponse:
    reference = request.GET.get("reference", "").strip()
    if reference:
        return redirect("portal:track", reference=reference)
    return redirect("portal:home")


@gzip_page
def track(request: HttpRequest, reference: str) -> HttpResponse:
    organization = _organization()
    context: dict = {
        "organization": organization,
        "reference": reference,
        "notice": request.session.pop("portal_notice", None),
        "form_error": request.session.pop("portal_error", None),
    }
    try:
        limits.lookup_allow(ip=client_ip(request))
        canonical = parse_reference(reference)
    except RateLimited as exc:
        context["limited"] = exc.errors[0].message
        return _retry_after(render(request, "portal/track.html", context, status=429), exc)
    except DomainError as exc:
        context["error"] = exc.errors[0].message
        return render(request, "portal/track.html", context, status=400)
    case = (
        case_selectors.case_get_public(organization=organization, reference=canonical)
        if organization
        else None
    )
    if case is None:
        waiting = (
            submissions.submission_get_waiting(organization=organization, reference=canonical)
            if organization
            else None
        )
        if waiting is not None:
            # Accepted moments ago and being routed: the number is right, the details follow shortly.
            context["received"] = waiting
            return render(request, "portal/track.html", context)
        context["not_found"] = True
        return render(request, "portal/track.html", context, status=404)
    if privacy.reporter_key_matches(case, request.GET.get(tracking.KEY_PARAMETER)):
        _remember_reporter(request, case)
    with_notes = privacy.notes_visible(case, reporter=_is_reporter(request, case))
    story = _story(case, reader=case, with_notes=with_notes)
    original = case_selectors.case_public_original(case) if case.status == Status.DUPLICATE else None
    context.update(
        {
            "case": case,
            "self_story": story,
            "timeline": story["timeline"],
            "area_name": story["area_name"],
            "notes_hidden": not with_notes,
            "awaiting_confirmation": case.status == Status.RESOLVED and bool(case.closure_code_hash),
            "can_rate": case.status == Status.CLOSED
            and bool(case.closure_code_hash)
            and not hasattr(case, "satisfaction"),
            "ratings": range(1, 6),
            # A duplicate follows the earlier report of the same problem, unless that one is private.
            "original": _story(original, reader=case) if original is not None else None,
            "original_hidden": case.status == Status.DUPLICATE and original is None,
            "place": _place(case) if with_notes else None,  # a private case's place is its reporter's
            "map": maps.map_options(),
        }
    )
    return render(request, "portal/track.html", context)


_REPORTER_SESSION_KEY = "portal_reporter_of"


def _remember_reporter(request: HttpRequest, case) -> None:
    """This browser showed the reporter's key (their tracking link) or the closure code: it may read the
    case's notes even when the case is private (cases/privacy.py)."""
    known = request.session.get(_REPORTER_SESSION_KEY, [])
    if case.reference not in known:
        request.session[_REPORTER_SESSION_KEY] = [*known, case.reference][-20:]


def _is_reporter(request: HttpRequest, case) -> bool:
    return case.reference in request.session.get(_REPORTER_SESSION_KEY, [])


def _story(case: Case, *, reader: Case, with_notes: bool = True) -> dict:
    """What the tracking page tells of a case: its names in the reader's language, the expected time, the
    public timeline with staff's words in the reader's language (the page's, else the one ``reader``
    reported in), the fix and the photos marked for the reporter. Without ``with_notes`` (a private case
    read by someone who has not shown the reporter's key) only the steps: no words, no photos."""
    events = case_selectors.case_public_timeline(case, with_notes=with_notes)
    notes = public_notes(events, language=get_language(), reporter_language=reader.language)
    timeline = [{"event": event, "note": notes.get(event.pk)} for event in events]
    fix = _last(timeline, EventKind.RESOLVED) if case.status in (Status.RESOLVED, Status.CLOSED) else None
    open_now = case.status not in (Status.RESOLVED, Status.CLOSED, Status.REJECTED, Status.DUPLICATE)
    return {
        "story_case": case,
        "status_label": Status(case.status).label,
        "category_name": pick_name(case.category.names) if case.category_id else "",
        "department_name": pick_name(case.department.names) if case.department_id else "",
        "area_name": pick_name(case.area.names) if case.area_id else "",
        "expected_at": case.resolution_due_at if open_now and case.status != Status.REFERRED else None,
        "timeline": timeline,
        "fix": fix,
        "photos": list(case_selectors.case_public_photos(case)) if with_notes else [],
    }


def _last(timeline: list[dict], kind: str) -> dict | None:
    found = [item for item in timeline if item["event"].kind == kind]
    return found[-1] if found else None


def _place(case: Case) -> dict | None:
    """The problem's place for the page's small map, to about ten metres: enough to recognise the spot,
    and no finer than what the reporter's phone told us."""
    if not case.has_location:
        return None
    return {"lat": round(case.lat, 4), "lon": round(case.lon, 4)}


@require_GET
def track_photo(request: HttpRequest, reference: str, pk: int) -> FileResponse:
    """A photo staff marked for the reporter (stored without metadata), of this report or, for a duplicate,
    of the earlier report it follows when that one is not private. A private case's photos only to the
    browser that showed its reporter's key. Nothing else is ever served here."""
    organization = _organization_or_404()
    try:
        canonical = parse_reference(reference)
    except DomainError as exc:
        raise Http404 from exc
    case = case_selectors.case_get_public(organization=organization, reference=canonical)
    if case is None:
        raise Http404
    photo = None
    if privacy.notes_visible(case, reporter=_is_reporter(request, case)):
        photo = case_selectors.case_public_photos(case).filter(pk=pk).first()
    original = case_selectors.case_public_original(case) if case.status == Status.DUPLICATE else None
    if photo is None and original is not None:
        photo = case_selectors.case_public_photos(original).filter(pk=pk).first()
    if photo is None:
        raise Http404
    response = FileResponse(photo.file.open("rb"), content_type=photo.content_type)
    response["Content-Disposition"] = f'inline; filename="{photo.pk}{photo.extension}"'
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


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
    comment = request.POST.get("comment", "")
    ip = client_ip(request)  # wrong codes are counted per case and per address (cases/closure_guard.py)
    try:
        if "rating" in request.POST:
            rating = int(request.POST["rating"]) if request.POST["rating"].isdigit() else 0
            closure.case_rate(
                case=case, code=code, rating=rating, channel=Channel.WEB, comment=comment, ip=ip
            )
            notice = _("Thank you for your rating.")
        elif request.POST.get("fixed") == "yes":
            closure.case_confirm_closure(case=case, code=code, channel=Channel.WEB, ip=ip)
            notice = _("Thank you. The report is now closed.")
        else:
            closure.case_reject_closure(case=case, code=code, channel=Channel.WEB, reason=comment, ip=ip)
            notice = _("The report was reopened and sent to the follow-up unit.")
        # The code was right: this browser belongs to the reporter (the private notes are theirs to read).
        _remember_reporter(request, case)
    except DomainError as exc:
        request.session["portal_error"] = str(exc.errors[0].message)
        return redirect("portal:track", reference=case.reference)
    request.session["portal_notice"] = str(notice)
    return redirect("portal:track", reference=case.reference)


# --- Reporting a problem ------------------------------------------------------------------------------------


@gzip_page
def report(request: HttpRequest) -> HttpResponse:
    """The report form. Works without JavaScript (a typed address or landmark); with it, the person can use
    their location or put a pin on the map, and is offered open reports nearby before sending."""
    organization = _organization_or_404()
    categories = list(org_selectors.category_list_active(organization=organization))
    status = 200
    kept: list[str] = []
    errors: dict = {}
    limited: list[str] = []  # refused by the per-address limit: shown above the form, not as a mistake
    verification: dict = {}
    notice = ""
    action = request.POST.get("action", "") if request.method == "POST" else ""
    if action in PHONE_ACTIONS:
        # "Send me a code" / "check the code": a step inside the form (JSON when the page's script asks).
        form = ReportForm(request.POST, categories=categories)
        wants_json = request.headers.get("Accept", "").startswith("application/json")
        step = phone_step(
            organization=organization,
            action=action,
            data=request.POST,
            language=get_language(),
            ip=client_ip(request),
            uploads=[] if wants_json else request.FILES.getlist("photos"),
            kept_tokens=[] if wants_json else request.POST.getlist("kept_photo"),
        )
        if wants_json:
            return JsonResponse(step.as_json(), status=step.status)
        kept, errors, status = step.kept, dict(step.errors), step.status
        verification, notice = step.verification, step.notice
    elif request.method == "POST":
        form = ReportForm(request.POST, categories=categories)
        outcome = submit_report(
            organization=organization,
            form=form,
            uploads=request.FILES.getlist("photos"),
            kept_tokens=request.POST.getlist("kept_photo"),
            language=get_language(),
            verification_key=request.POST.get("verification", "")[:32],
            ip=client_ip(request),
        )
        if outcome.case is not None:
            request.session["portal_report"] = {
                "reference": outcome.case.reference,
                "phone": mask_phone(outcome.case.reporter_phone) if outcome.case.reporter_phone else "",
                "place_from_photo": outcome.place_from_photo,
                "place_from_name": outcome.place_from_name,
                "phone_verified": outcome.case.reporter_phone_verified,
            }
            return redirect("portal:report-sent")
        kept, errors, status = outcome.kept, dict(outcome.errors), 429 if outcome.retry_after else 400
        limited = errors.pop("limit", [])
        verification = outcome.verification
    else:
        form = ReportForm(initial={"submission": uuid.uuid4().hex}, categories=categories)
    selected = form.data.get("category", "") if form.is_bound else ""
    options = [
        {
            "code": c.code,
            "name": c.name_for(),
            "icon": category_icon(c.code),
            "checked": c.code == selected,
        }
        for c in categories
    ]
    context = {
        "organization": organization,
        "form": form,
        "options": options,
        "unsure_icon": category_icon(""),
        "errors": errors,
        "limited": limited,
        "kept": kept,
        "photo_slots": range(max(0, MAX_PHOTOS - len(kept))),
        "max_photos": MAX_PHOTOS,
        "max_photo_mb": settings.KHIDMA_MAX_ATTACHMENT_BYTES // (1024 * 1024),
        "map": maps.map_options(),
        "status_names": dict(Status.choices),
        "verification": verification,
        "verification_required": settings.KHIDMA_PHONE_VERIFICATION_REQUIRED,
        "notice": notice,
    }
    response = render(request, "portal/report.html", context, status=status)
    if status == 429 and request.method == "POST" and action not in PHONE_ACTIONS:
        response["Retry-After"] = str(outcome.retry_after)
    return response


@gzip_page
def report_sent(request: HttpRequest) -> HttpResponse:
    sent = request.session.get("portal_report")
    if not sent:
        return redirect("portal:report")
    return render(request, "portal/report_sent.html", {"organization": _organization(), "sent": sent})


@require_GET
@gzip_page
@cache_control(public=True, max_age=3600)
def map_areas(request: HttpRequest) -> JsonResponse:
    """The organization's boundary and areas as GeoJSON, named in the request's language, for the maps."""
    return JsonResponse(maps.areas_geojson(_organization_or_404()))


# --- Help: which sub-municipality, and which service points are open --------------------------------------


def _point_rows(points, organization):
    tz = organization.tz
    now = clock.now()
    stops = schedules.stops_by_unit(organization)  # where the mobile cars stand, on which days
    rows = []
    for point in points:
        rows.append(
            {
                "point": point,
                "name": point.name_for(),
                "area": point.area.name_for() if point.area else "",
                "today": schedules.today(point, now, tz, stops=stops.get(point.pk)),
                "stops": schedules.upcoming(
                    stops.get(point.pk, []), start=now.astimezone(tz).date(), tz=tz, language=get_language()
                ),
                "prayer_based": point.kind == ServicePoint.Kind.MOSQUE_COUNTER and not point.opening_hours,
                "always": hours.is_always_open(point),
            }
        )
    return rows


@gzip_page
def help_area(request: HttpRequest) -> HttpResponse:
    """ "Which sub-municipality serves this place?" A typed place works without JavaScript; with it, the
    person's location can be sent instead."""
    organization = _organization_or_404()
    form = AreaLookupForm(request.GET or None)
    context: dict = {"organization": organization, "form": form, "searched": form.is_bound}
    status = 200
    if form.is_bound:
        if form.is_valid():
            matches = places.find_areas(organization, **form.cleaned_data)
            context["results"] = [
                {
                    "area": match.area.name_for(),
                    "via": match.via,
                    "points": _point_rows(places.centres_of(organization, match.area), organization),
                }
                for match in matches
            ]
            status = 200 if matches else 404
        else:
            status = 400
    context["tz"] = organization.time_zone
    return render(request, "portal/help_area.html", context, status=status)


@gzip_page
def help_points(request: HttpRequest) -> HttpResponse:
    """Every service point with today's hours and whether it is open now."""
    organization = _organization_or_404()
    rows = _point_rows(places.service_points(organization), organization)
    rows.sort(key=lambda row: not row["today"].open_now)
    return render(
        request,
        "portal/help_points.html",
        {"organization": organization, "rows": rows, "tz": organization.time_zone, "now": clock.now()},
    )
