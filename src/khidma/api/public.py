"""Public endpoints: anyone may report and follow a report. No personal data ever leaves here."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from ninja import Header, Query, Router, Status

from khidma.api import presenters
from khidma.api.auth import optional_token_user
from khidma.api.schemas import (
    AreaOut,
    CategoryOut,
    ClosureAnswerIn,
    ErrorsOut,
    NearbyOut,
    PlaceOut,
    PublicReportOut,
    RatingIn,
    ReportCreatedOut,
    ReportIn,
)
from khidma.cases import closure, limits, privacy, submissions
from khidma.cases import selectors as case_selectors
from khidma.cases.intake import IntakeRequest, Reporter
from khidma.cases.models import Channel
from khidma.cases.references import parse_reference
from khidma.cases.tracking import tracking_url, tracking_url_for
from khidma.cases.triage import nearby_open
from khidma.core import clock
from khidma.core.clientip import client_ip
from khidma.core.errors import DomainError, NotFound
from khidma.core.languages import base_language, is_supported
from khidma.organizations import gazetteer
from khidma.organizations import selectors as org_selectors
from khidma.organizations.models import Organization
from khidma.triage.routing import settings_for

router = Router(tags=["public"])

# Channels a public client may claim only when it identifies itself with a token.
_PUBLIC_CHANNEL = Channel.WEB


def resolve_organization(slug: str | None) -> Organization:
    organization = org_selectors.organization_get_active(slug=slug or settings.KHIDMA_DEFAULT_ORGANIZATION)
    if organization is None:
        raise NotFound.single("organization", "unknown_organization", _("Unknown organization."))
    return organization


@router.post(
    "/reports",
    response={
        202: ReportCreatedOut,
        201: ReportCreatedOut,
        200: ReportCreatedOut,
        400: ErrorsOut,
        403: ErrorsOut,
        404: ErrorsOut,
        409: ErrorsOut,
        413: ErrorsOut,
        429: ErrorsOut,
    },
    summary="Report a problem",
)
def report_create(
    request: HttpRequest,
    payload: ReportIn,
    idempotency_key: str | None = Header(None, alias="Idempotency-Key"),
):
    """Report a problem. The answer gives the report's number at once: **202** "received" while it is being
    triaged and routed (usually within seconds; the reporter also gets the number by SMS), or **201** with
    its category, department and area when the case was made within the request: always with
    `KHIDMA_INTAKE_DEFERRED=0`, and in a peak while more reports wait for triage than the installation's
    limit (`KHIDMA_INTAKE_BACKLOG_LIMIT`); a client handles both. Every problem with the submission is
    reported at once (400). Send an `Idempotency-Key` header so a retry returns the same report (**200**)
    instead of making a second one; the same key with a different report is a 409. Anonymous reports are
    limited per client address and per phone number (429 with `Retry-After`); a registered application's
    token is not."""
    organization = resolve_organization(payload.organization)
    channel = _PUBLIC_CHANNEL
    app_user = optional_token_user(request)
    if app_user is not None and app_user.organization_id != organization.pk:
        app_user = None
    if app_user is None:
        phone = (payload.reporter.phone if payload.reporter else None) or ""
        limits.intake_allow(ip=client_ip(request), phone=phone)
    if payload.channel:
        if app_user is None:
            raise DomainError.single(
                "channel",
                "channel_not_allowed",
                _("Only a registered application may set the channel."),
                status=403,
            )
        channel = payload.channel
    reporter = payload.reporter
    acceptance = submissions.case_accept(
        request=IntakeRequest(
            organization=organization,
            description=payload.description or "",
            channel=channel,
            kind=payload.kind,
            category=payload.category,
            language=payload.language,
            fallback_language=get_language(),
            lat=payload.lat,
            lon=payload.lon,
            address=payload.address or "",
            place=payload.place,
            idempotency_key=idempotency_key,
            reporter=Reporter(
                name=(reporter.name if reporter else None) or "",
                phone=(reporter.phone if reporter else None) or "",
                email=(reporter.email if reporter else None) or "",
            ),
        )
    )
    submission = acceptance.submission
    case = submission.case
    if case is None and not submissions.deferred():
        case = submissions.submission_process(submission)
    if case is None:
        body = {
            "reference": submission.reference,
            "status": "received",
            "tracking_url": tracking_url_for(submission),
        }
        return Status(202 if acceptance.created else 200, body)
    body = {
        "reference": case.reference,
        "status": case.status,
        "category": presenters.code_name(case.category),
        "department": presenters.code_name(case.department),
        "area": presenters.code_name(case.area),
        "language": case.language,
        "priority": case.priority,
        "tracking_url": tracking_url(case),
    }
    return Status(201 if acceptance.created else 200, body)


@router.get(
    "/reports/nearby", response={200: list[NearbyOut], 400: ErrorsOut, 404: ErrorsOut, 429: ErrorsOut}
)
def reports_nearby(
    request: HttpRequest,
    lat: float = Query(...),
    lon: float = Query(...),
    category: str = Query(...),
    organization: str | None = None,
):
    """Open reports of this category near a point, nearest first, so a form can ask "is it one of these?"
    before sending. The organization's duplicate radius and time window apply."""
    limits.lookup_allow(ip=client_ip(request))
    org = resolve_organization(organization)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise DomainError.single("lat", "invalid_coordinates", _("These are not valid coordinates."))
    category_obj = org_selectors.category_get_active(organization=org, code=category)
    if category_obj is None:
        raise DomainError.single("category", "unknown_category", _("Unknown category."))
    options = settings_for(org.pk)
    found = nearby_open(
        organization_id=org.pk,
        category_id=category_obj.pk,
        lat=lat,
        lon=lon,
        radius_m=options.duplicate_radius_m,
        since=clock.now() - datetime.timedelta(days=options.duplicate_window_days),
        limit=5,
    )
    return [
        {
            "reference": case.reference,
            "status": case.status,
            "category": presenters.code_name(case.category),
            "distance_m": round(distance),
            "received_at": case.received_at,
        }
        for case, distance in found
    ]


@router.get(
    "/reports/{reference}", response={200: PublicReportOut, 400: ErrorsOut, 404: ErrorsOut, 429: ErrorsOut}
)
def report_get(
    request: HttpRequest,
    reference: str,
    organization: str | None = None,
    k: str | None = Query(None, max_length=64, description="The reporter's key from their tracking link."),
):
    """Status and public timeline of a report. A mistyped number answers 400 (check the number), an unknown
    one 404. The notes of a private case (a women's-section case, a complaint, an inquiry, a proxy's case)
    are given only with the reporter's key `k` from the tracking link they were sent; without it, the steps
    without the notes. Lookups are limited per client address (429 with `Retry-After`)."""
    limits.lookup_allow(ip=client_ip(request))
    org = resolve_organization(organization)
    canonical = parse_reference(reference)
    case = case_selectors.case_get_public(organization=org, reference=canonical)
    if case is None:
        waiting = submissions.submission_get_waiting(organization=org, reference=canonical)
        if waiting is None:
            raise NotFound.single("reference", "not_found", _("No report has this reference number."))
        return presenters.received_report(waiting)
    with_notes = privacy.notes_visible(case, key=k)
    return presenters.public_report(case, case_selectors.case_public_timeline(case, with_notes=with_notes))


@router.get("/categories", response={200: list[CategoryOut], 404: ErrorsOut})
def categories(request: HttpRequest, organization: str | None = None):
    org = resolve_organization(organization)
    return [
        {
            "code": c.code,
            "name": c.name_in(),
            "kind": c.kind,
            "department": presenters.code_name(c.default_department),
        }
        for c in org_selectors.category_list_active(organization=org)
    ]


@router.get("/areas/lookup", response={200: AreaOut, 400: ErrorsOut, 404: ErrorsOut})
def area_lookup(
    request: HttpRequest, lat: float = Query(...), lon: float = Query(...), organization: str | None = None
):
    """Which area (sub-municipality) serves this point."""
    org = resolve_organization(organization)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise DomainError.single("lat", "invalid_coordinates", _("These are not valid coordinates."))
    area = org_selectors.area_for_point(organization=org, lat=lat, lon=lon)
    if area is None:
        raise NotFound.single("lat", "outside_area", _("No area of this organization covers this place."))
    return {"code": area.code, "name": area.name_in()}


@router.get("/places", response={200: list[PlaceOut], 400: ErrorsOut, 404: ErrorsOut}, summary="Find a place")
def places(
    request: HttpRequest,
    q: str = Query(..., max_length=gazetteer.MAX_QUERY_LENGTH, description="a place's name, as typed"),
    language: str | None = Query(
        None, description="the language of the answer's names (default: the request's)"
    ),
    limit: int = Query(8, ge=1, le=20),
    organization: str | None = None,
):
    """Places of the organization's gazetteer whose name, in any of the ten languages and scripts, matches
    what was typed, forgiving spelling differences and small mistakes ("Azizia", "العزیزیہ", "Masjidil
    Haraam"); best first, named in ``language``."""
    org = resolve_organization(organization)
    if language is not None and not is_supported(language):
        raise DomainError.single("language", "unsupported_language", _("This language is not supported."))
    language = base_language(language or get_language())
    return [
        {
            "key": match.place.key,
            "name": match.place.name_in(language),
            "kind": match.place.kind,
            "lat": match.place.lat,
            "lon": match.place.lon,
            "area": match.place.area.name_in(language) if match.place.area else None,
        }
        for match in gazetteer.place_search(organization=org, query=q, limit=limit)
    ]


def _public_case(request: HttpRequest, organization: str | None, reference: str):
    limits.lookup_allow(ip=client_ip(request))
    org = resolve_organization(organization)
    case = case_selectors.case_get_public(organization=org, reference=parse_reference(reference))
    if case is None:
        raise NotFound.single("reference", "not_found", _("No report has this reference number."))
    return case


@router.post(
    "/reports/{reference}/closure",
    response={200: PublicReportOut, 400: ErrorsOut, 404: ErrorsOut, 409: ErrorsOut, 429: ErrorsOut},
)
def report_closure(
    request: HttpRequest, reference: str, payload: ClosureAnswerIn, organization: str | None = None
):
    """The reporter's answer to "is it fixed?", with the closure code they received. Yes closes the report;
    no reopens it for the follow-up unit. Wrong codes are counted: after a few the report's code is locked
    (429 `code_locked`: the reporter asks for a new code by SMS or at 940)."""
    case = _public_case(request, organization, reference)
    if payload.fixed:
        case = closure.case_confirm_closure(
            case=case, code=payload.code, channel=Channel.WEB, ip=client_ip(request)
        )
    else:
        case = closure.case_reject_closure(
            case=case,
            code=payload.code,
            channel=Channel.WEB,
            reason=payload.comment or "",
            ip=client_ip(request),
        )
    # The closure code proves the reader is the reporter.
    return presenters.public_report(case, case_selectors.case_public_timeline(case, with_notes=True))


@router.post(
    "/reports/{reference}/rating",
    response={200: PublicReportOut, 400: ErrorsOut, 404: ErrorsOut, 409: ErrorsOut, 429: ErrorsOut},
)
def report_rating(request: HttpRequest, reference: str, payload: RatingIn, organization: str | None = None):
    """Rate the handling of a closed report from 1 to 5, with the closure code received."""
    case = _public_case(request, organization, reference)
    closure.case_rate(
        case=case,
        code=payload.code,
        rating=payload.rating,
        channel=Channel.WEB,
        comment=payload.comment or "",
        ip=client_ip(request),
    )
    case.refresh_from_db()
    # The closure code proves the reader is the reporter.
    return presenters.public_report(case, case_selectors.case_public_timeline(case, with_notes=True))
