"""Back-office screens for the service programs: walk-ins at the counter, volume per point and hour, mobile
units' stops, home visits and team calendars, proxy authorizations, association applications and committee
meetings. Plain forms that work without JavaScript on a tablet.

Views only read the request, check ``programs.access``, call ``programs.services`` / ``selectors`` /
``schedules`` and render. Every refusal from the domain is shown in the person's language on the same page
with the HTTP status the API would give (400, 403, 404, 409), keeping what they typed.
"""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from khidma.accounts.models import Role, User
from khidma.cases import access as case_access
from khidma.cases.models import Case
from khidma.cases.references import parse_reference
from khidma.core import clock
from khidma.core.errors import DomainError, FieldError
from khidma.core.languages import LANGUAGE_CODES, pick_name
from khidma.core.masking import mask_identifier
from khidma.organizations.models import Category, ServicePoint
from khidma.programs import access, schedules, selectors, services
from khidma.programs.models import (
    Application,
    ApplicationStatus,
    Authorization,
    EligibilityReason,
    Meeting,
    Recommendation,
    Team,
    UnitStop,
    Visit,
    VisitStatus,
    WalkIn,
    WalkInService,
)

from .views import _common, staff_required

T = "backoffice/programs/"
SHADES = 6  # heat-map levels: h0 (nothing) … h5 (the busiest cell)


# --- Helpers -----------------------------------------------------------------------------------------------


def _tz(user: User) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(user.organization.time_zone)


def _get(user: User, queryset: QuerySet, pk: Any) -> Model:
    item = access.scoped(user, queryset).filter(pk=pk).first()
    if item is None:
        raise Http404
    return item


def _case(user: User, reference: str) -> Case:
    """A case the person may see, by reference; anything else is "not found" (a DomainError)."""
    return case_access.case_get_visible(user, parse_reference(reference.strip()))


def _page(request: HttpRequest, template: str, context: dict, *, status: int = 200) -> HttpResponse:
    return render(request, T + template, {**_common(request), **context}, status=status)


def _denied(request: HttpRequest) -> HttpResponse:
    return render(request, "backoffice/denied.html", _common(request), status=403)


def _attempt(
    request: HttpRequest, permission: str | None, action: Callable[[], Any], done: str
) -> tuple[Any, int, list[FieldError]]:
    """Run one domain call for a POST: (result, status, errors). The page shows the errors and keeps the
    form's values; a success is a message on the next page."""
    try:
        if permission:
            access.ensure(request.user, permission)
        result = action()
    except DomainError as exc:
        return None, exc.status, exc.errors
    messages.success(request, done)
    return result, 200, []


def _parse_date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat((value or "").strip())
    except ValueError:
        return None


def _parse_time(value: str | None) -> datetime.time | None:
    try:
        return datetime.time.fromisoformat((value or "").strip())
    except ValueError:
        return None


def _local(user: User, day: datetime.date | None, time: datetime.time | None) -> datetime.datetime | None:
    if day is None or time is None:
        return None
    return datetime.datetime.combine(day, time, tzinfo=_tz(user))


def _lines(text: str) -> list[str]:
    """Documents typed one per line or separated by commas."""
    return [part.strip() for part in text.replace(",", "\n").splitlines() if part.strip()]


def _invalid(field: str, message: str) -> DomainError:
    return DomainError.single(field, "invalid", message)


# --- Index -------------------------------------------------------------------------------------------------


@staff_required
def index(request: HttpRequest) -> HttpResponse:
    user: User = request.user
    tz = _tz(user)
    today = clock.now().astimezone(tz).date()
    units = ServicePoint.objects.filter(
        organization_id=user.organization_id, kind=ServicePoint.Kind.MOBILE_CAR, is_active=True
    ).order_by("code")
    stops = schedules.stops_by_unit(user.organization)
    language = request.LANGUAGE_CODE
    cars = [
        {
            "unit": unit,
            "name": unit.name_in(language),
            "visits": schedules.upcoming(stops.get(unit.pk, []), start=today, tz=tz, language=language),
        }
        for unit in units
    ]
    return _page(
        request,
        "index.html",
        {
            "cars": cars,
            "can_walkin": access.can(user, "walkin_record"),
            "can_volume": access.can(user, "volume_view"),
            "can_schedule": access.can(user, "schedule_manage"),
        },
    )


# --- Walk-ins ----------------------------------------------------------------------------------------------


def _points_for(user: User) -> QuerySet[ServicePoint]:
    points = ServicePoint.objects.filter(organization_id=user.organization_id, is_active=True).exclude(
        kind=ServicePoint.Kind.CALL_CENTRE
    )
    if user.role not in {Role.SUPERVISOR, Role.ORG_ADMIN}:  # as in programs.access.ensure_can_record_at
        points = points.filter(pk=user.service_point_id)
    return points.order_by("code")


@staff_required
def walkin(request: HttpRequest) -> HttpResponse:
    """At the counter: one short form, the first field focused, Enter records; defaults from the post."""
    user: User = request.user
    if not access.can(user, "walkin_record"):
        return _denied(request)
    points = list(_points_for(user))
    tz = _tz(user)
    status, errors = 200, []
    posted = request.POST if request.method == "POST" else {}
    if request.method == "POST":
        code = posted.get("service_point") or (user.service_point.code if user.service_point_id else "")
        point = next((p for p in points if p.code == code), None)

        def record() -> WalkIn:
            if point is None:
                raise DomainError.single("service_point", "required", _("Choose the service point."))
            access.ensure_can_record_at(user, point)
            at = None
            if posted.get("time"):
                time = _parse_time(posted["time"])
                if time is None:
                    raise _invalid("time", _("Give the time as HH:MM."))
                at = datetime.datetime.combine(clock.now().astimezone(tz).date(), time, tzinfo=tz)
            reference = posted.get("case", "").strip()
            return services.walkin_record(
                service_point=point,
                by=user,
                service=posted.get("service", ""),
                language=posted.get("language", ""),
                category=posted.get("category") or None,
                case=_case(user, reference) if reference else None,
                at=at,
                note=posted.get("note", ""),
            )

        item, status, errors = _attempt(request, None, record, _("Walk-in recorded."))
        if item is not None:
            if item.out_of_hours:
                messages.warning(request, _("Recorded outside this point's opening hours: it is flagged."))
            # The next person is usually like the last one: keep the point and language.
            return redirect(
                f"{request.path}?service_point={item.service_point.code}&language={item.language}"
                f"&service={item.service}"
            )
    default_point = request.GET.get("service_point") or (
        user.service_point.code if user.service_point_id else ""
    )
    current = next((p for p in points if p.code == (posted.get("service_point") or default_point)), None)
    since = datetime.datetime.combine(clock.now().astimezone(tz).date(), datetime.time(), tzinfo=tz)
    recent = list(access.scoped(user, selectors.walkins_at(current, since=since))[:50]) if current else []
    language = request.LANGUAGE_CODE
    return _page(
        request,
        "walkin.html",
        {
            "points": [(p.code, p.name_in(language)) for p in points],
            "current": current,
            "open_now": schedules.is_open_at(current, clock.now(), tz, stops=schedules.point_stops(current))
            if current
            else None,
            "services": WalkInService.choices,
            "languages": LANGUAGE_CODES,
            "categories": [
                (c.code, c.name_in(language))
                for c in Category.objects.filter(organization_id=user.organization_id, is_active=True)
            ],
            "values": {
                "service_point": posted.get("service_point") or default_point,
                "service": posted.get("service") or request.GET.get("service", ""),
                "language": posted.get("language") or request.GET.get("language") or user.language,
                "category": posted.get("category", ""),
                "case": posted.get("case", ""),
                "time": posted.get("time", ""),
                "note": posted.get("note", ""),
            },
            "errors": errors,
            "recent": recent,
        },
        status=status,
    )


# --- Volume per point and hour -----------------------------------------------------------------------------


def _shade(n: int, peak: int) -> int:
    if n <= 0 or peak <= 0:
        return 0
    return max(1, round((SHADES - 1) * n / peak))


@staff_required
def volume(request: HttpRequest) -> HttpResponse:
    """Where people come, per point and hour of the day and per weekday: a table shaded like a heat map."""
    user: User = request.user
    if not access.can(user, "volume_view"):
        return _denied(request)
    today = clock.now().astimezone(_tz(user)).date()
    end = _parse_date(request.GET.get("end")) or today
    start = _parse_date(request.GET.get("start")) or end - datetime.timedelta(days=13)
    errors: list[FieldError] = []
    if end < start or (end - start).days > 92:
        errors = [FieldError("end", "invalid", _("Give a range of at most three months, end after start."))]
        start, end = end - datetime.timedelta(days=13), end
    language = request.LANGUAGE_CODE
    points = list(
        ServicePoint.objects.filter(organization_id=user.organization_id)
        .exclude(kind=ServicePoint.Kind.CALL_CENTRE)
        .order_by("code")
    )
    point = next((p for p in points if p.code == request.GET.get("service_point")), None)
    result = selectors.volume(user.organization, start=start, end=end, point=point)
    peak = result.peak
    rows = [
        {
            "name": r.point.name_in(language),
            "code": r.point.code,
            "kind": r.point.get_kind_display(),
            "cells": [(n, _shade(n, peak)) for n in r.by_hour],
            "walk_ins": r.walk_ins,
            "cases": r.cases,
            "total": r.total,
        }
        for r in result.points
        if r.total or point is not None
    ]
    day_names = dict(
        zip(
            range(1, 8),
            [
                _("Monday"),
                _("Tuesday"),
                _("Wednesday"),
                _("Thursday"),
                _("Friday"),
                _("Saturday"),
                _("Sunday"),
            ],
            strict=True,
        )
    )
    weekdays = [
        {"name": day_names[iso], "cells": [(n, _shade(n, peak)) for n in row], "total": total}
        for iso, row, total in zip(selectors.WEEK, result.by_weekday, result.weekday_totals, strict=True)
    ]
    return _page(
        request,
        "volume.html",
        {
            "result": result,
            "rows": rows,
            "weekdays": weekdays,
            "hours": selectors.HOURS,
            "points": [(p.code, p.name_in(language)) for p in points],
            "point": point,
            "start": start,
            "end": end,
            "errors": errors,
        },
        status=400 if errors else 200,
    )


# --- Mobile units' stops -----------------------------------------------------------------------------------


@staff_required
def stops(request: HttpRequest) -> HttpResponse:
    user: User = request.user
    status, errors = 200, []
    posted = request.POST if request.method == "POST" else {}
    units = list(
        ServicePoint.objects.filter(
            organization_id=user.organization_id, kind=ServicePoint.Kind.MOBILE_CAR, is_active=True
        ).order_by("code")
    )
    if request.method == "POST":
        if "deactivate" in posted:
            stop = _get(user, UnitStop.objects.all(), posted["deactivate"])
            item, status, errors = _attempt(
                request,
                "schedule_manage",
                lambda: services.unit_stop_deactivate(stop=stop, by=user),
                _("The stop was removed."),
            )
        else:

            def create() -> UnitStop:
                unit = next((u for u in units if u.code == posted.get("unit")), None)
                if unit is None:
                    raise DomainError.single("unit", "required", _("Choose the mobile unit."))
                try:
                    lat, lon = float(posted.get("lat", "")), float(posted.get("lon", ""))
                except ValueError:
                    lat = lon = None
                name = posted.get("place", "").strip()
                return services.unit_stop_create(
                    unit=unit,
                    place_names={request.LANGUAGE_CODE: name} if name else {},
                    lat=lat,
                    lon=lon,
                    weekdays=posted.getlist("weekdays"),
                    date=_parse_date(posted.get("date")),
                    starts=_parse_time(posted.get("starts")),
                    ends=_parse_time(posted.get("ends")),
                    valid_from=_parse_date(posted.get("valid_from")),
                    valid_until=_parse_date(posted.get("valid_until")),
                    by=user,
                )

            item, status, errors = _attempt(request, "schedule_manage", create, _("The stop was added."))
        if item is not None:
            return redirect(request.path)
    listed = (
        access.scoped(user, UnitStop.objects.filter(is_active=True))
        .select_related("unit")
        .order_by("unit__code")
    )
    day_labels = dict(
        zip(
            schedules.DAY_KEYS,
            [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")],
            strict=True,
        )
    )
    language = request.LANGUAGE_CODE
    return _page(
        request,
        "stops.html",
        {
            "stops": [
                {
                    "stop": s,
                    "unit": s.unit.name_in(language),
                    "place": pick_name(s.place_names, language),
                    "days": ", ".join(day_labels[d] for d in s.weekdays) if s.weekdays else s.date,
                }
                for s in listed
            ],
            "units": [(u.code, u.name_in(language)) for u in units],
            "days": list(day_labels.items()),
            "can_schedule": access.can(user, "schedule_manage"),
            "posted": posted,
            "errors": errors,
        },
        status=status,
    )


# --- Home visits -------------------------------------------------------------------------------------------


@staff_required
def visits(request: HttpRequest) -> HttpResponse:
    """Eligible and scheduled visits; recording a person's eligibility from a case reference."""
    user: User = request.user
    status, errors = 200, []
    posted = request.POST if request.method == "POST" else {}
    if request.method == "POST":

        def record() -> Visit:
            case = _case(user, posted.get("case", ""))
            return services.visit_record_eligibility(
                case=case, reason=posted.get("reason", ""), note=posted.get("note", ""), by=user
            )

        item, status, errors = _attempt(request, "visit_schedule", record, _("Eligibility recorded."))
        if item is not None:
            return redirect("backoffice:programs:visit", pk=item.pk)
    items = (
        access.scoped(user, Visit.objects.exclude(status=VisitStatus.COMPLETED))
        .select_related("case", "team")
        .order_by("status", "starts_at", "id")[:200]
    )
    return _page(
        request,
        "visits.html",
        {
            "visits": items,
            "teams": access.scoped(user, Team.objects.filter(is_active=True)),
            "reasons": EligibilityReason.choices,
            "can_schedule": access.can(user, "visit_schedule"),
            "posted": posted,
            "errors": errors,
        },
        status=status,
    )


@staff_required
def visit(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user
    item = _get(user, Visit.objects.select_related("case", "team"), pk)
    status, errors = 200, []
    posted = request.POST if request.method == "POST" else {}
    if request.method == "POST" and posted.get("op") == "schedule":

        def schedule() -> Visit:
            team = access.scoped(user, Team.objects.all()).filter(pk=posted.get("team") or 0).first()
            if team is None:
                raise DomainError.single("team", "required", _("Choose a team."))
            day = _parse_date(posted.get("date"))
            starts_at = _local(user, day, _parse_time(posted.get("starts")))
            ends_at = _local(user, day, _parse_time(posted.get("ends")))
            if starts_at is None or ends_at is None:
                raise _invalid("starts_at", _("Give the date and the window's start and end."))
            return services.visit_schedule(
                visit=item, team=team, starts_at=starts_at, ends_at=ends_at, by=user
            )

        done, status, errors = _attempt(request, "visit_schedule", schedule, _("The visit is scheduled."))
        if done is not None:
            return redirect("backoffice:programs:visit", pk=pk)
    elif request.method == "POST" and posted.get("op") == "complete":
        done, status, errors = _attempt(
            request,
            "visit_complete",
            lambda: services.visit_complete(
                visit=item,
                work_done=posted.get("work_done", ""),
                documents=_lines(posted.get("documents", "")),
                by=user,
            ),
            _("The visit is recorded as done."),
        )
        if done is not None:
            return redirect("backoffice:programs:visit", pk=pk)
    return _page(
        request,
        "visit.html",
        {
            "visit": item,
            "events": selectors.events_for("visit", item),
            "teams": access.scoped(user, Team.objects.filter(is_active=True)),
            "can_schedule": access.can(user, "visit_schedule") and item.status != VisitStatus.COMPLETED,
            "can_complete": access.can(user, "visit_complete") and item.status == VisitStatus.SCHEDULED,
            "posted": posted,
            "errors": errors,
            "tz": user.organization.time_zone,
        },
        status=status,
    )


@staff_required
def team_calendar(request: HttpRequest, pk: int) -> HttpResponse:
    """A team's week: each day with its visits in time order."""
    user: User = request.user
    team = _get(user, Team.objects.all(), pk)
    tz = _tz(user)
    start = _parse_date(request.GET.get("start")) or clock.now().astimezone(tz).date()
    since = datetime.datetime.combine(start, datetime.time(), tzinfo=tz)
    week = selectors.team_calendar(team, start=since, end=since + datetime.timedelta(days=7))
    booked = list(access.scoped(user, week))
    days = []
    for offset in range(7):
        day = start + datetime.timedelta(days=offset)
        days.append({"day": day, "visits": [v for v in booked if v.starts_at.astimezone(tz).date() == day]})
    return _page(
        request,
        "team_calendar.html",
        {
            "team": team,
            "days": days,
            "previous": start - datetime.timedelta(days=7),
            "next": start + datetime.timedelta(days=7),
            "teams": access.scoped(user, Team.objects.all()),
            "tz": user.organization.time_zone,
        },
    )


# --- Proxy authorizations ----------------------------------------------------------------------------------


@staff_required
def authorizations(request: HttpRequest) -> HttpResponse:
    user: User = request.user
    status, errors = 200, []
    posted = request.POST if request.method == "POST" else {}
    people = User.objects.filter(organization_id=user.organization_id, is_active=True).exclude(role="")
    if request.method == "POST":

        def create() -> Authorization:
            proxy = people.filter(username=posted.get("proxy") or user.username).first()
            if proxy is None:
                raise DomainError.single("proxy", "unknown_user", _("Unknown user."))
            return services.authorization_create(
                organization=user.organization,
                principal_name=posted.get("principal_name", ""),
                principal_phone=posted.get("principal_phone", ""),
                relationship=posted.get("relationship", ""),
                document_reference=posted.get("document_reference", ""),
                expires_on=_parse_date(posted.get("expires_on")),
                proxy=proxy,
                by=user,
            )

        item, status, errors = _attempt(request, "authorization_manage", create, _("Authorization recorded."))
        if item is not None:
            return redirect(request.path)
    today = services.local_today(user.organization)
    items = access.scoped(user, Authorization.objects.select_related("proxy"))[:200]
    contact = access.can_see_contact(user)
    return _page(
        request,
        "authorizations.html",
        {
            "authorizations": [
                {
                    "item": a,
                    "valid": a.expires_on >= today,
                    "document": a.document_reference if contact else mask_identifier(a.document_reference),
                }
                for a in items
            ],
            "people": people.order_by("username"),
            "can_manage": access.can(user, "authorization_manage"),
            "posted": posted,
            "errors": errors,
        },
        status=status,
    )


# --- Association applications and committee meetings -------------------------------------------------------


@staff_required
def applications(request: HttpRequest) -> HttpResponse:
    user: User = request.user
    wanted = request.GET.get("status") or None
    items = selectors.application_list(access.scoped(user, Application.objects.all()), status=wanted)
    return _page(
        request,
        "applications.html",
        {"applications": items[:200], "statuses": ApplicationStatus.choices, "wanted": wanted or ""},
    )


@staff_required
def application(request: HttpRequest, pk: int) -> HttpResponse:
    """The applicant's file: the checklist, the completeness check, documents, research, registration and
    delivery, with the audit trail."""
    user: User = request.user
    item = _get(user, Application.objects.select_related("case", "request_type", "person", "meeting"), pk)
    status, errors = 200, []
    posted = request.POST if request.method == "POST" else {}
    steps: dict[str, tuple[str, Callable[[], Any], str]] = {
        "check": (
            "application_intake",
            lambda: services.application_check(application=item, by=user),
            _("The completeness check is recorded."),
        ),
        "documents": (
            "application_intake",
            lambda: services.application_add_documents(
                application=item, documents=_lines(posted.get("documents", "")), by=user
            ),
            _("Documents added."),
        ),
        "research": (
            "application_research",
            lambda: services.application_record_research(
                application=item,
                assessment=posted.get("assessment", ""),
                recommendation=posted.get("recommendation", ""),
                by=user,
            ),
            _("The social research is recorded."),
        ),
        "register": (
            "application_deliver",
            lambda: services.application_register(
                application=item, registration_number=posted.get("registration_number", ""), by=user
            ),
            _("Registered."),
        ),
        "deliver": (
            "application_deliver",
            lambda: services.application_deliver(application=item, note=posted.get("note", ""), by=user),
            _("The service is recorded as delivered."),
        ),
    }
    if request.method == "POST":
        step = steps.get(posted.get("op", ""))
        if step is None:
            return redirect("backoffice:programs:application", pk=pk)
        done, status, errors = _attempt(request, *step)
        if done is not None:
            return redirect("backoffice:programs:application", pk=pk)
    checklist = [{"name": d, "given": d in item.documents} for d in item.request_type.required_documents]
    extra = [d for d in item.documents if d not in item.request_type.required_documents]
    return _page(
        request,
        "application.html",
        {
            "application": item,
            "type_name": pick_name(item.request_type.names, request.LANGUAGE_CODE) or item.request_type.code,
            "checklist": checklist,
            "extra": extra,
            "earliest": services.earliest_decision_at(item),
            "events": selectors.events_for("application", item),
            "recommendations": Recommendation.choices,
            "can": {
                p: access.can(user, p)
                for p in ("application_intake", "application_research", "application_deliver")
            },
            "posted": posted,
            "errors": errors,
            "tz": user.organization.time_zone,
        },
        status=status,
    )


@staff_required
def meetings(request: HttpRequest) -> HttpResponse:
    user: User = request.user
    status, errors = 200, []
    posted = request.POST if request.method == "POST" else {}
    if request.method == "POST":

        def create() -> Meeting:
            held_at = _local(user, _parse_date(posted.get("date")), _parse_time(posted.get("time")))
            if held_at is None:
                raise _invalid("held_at", _("Give the meeting's date and time."))
            return services.meeting_create(
                organization=user.organization, title=posted.get("title", ""), held_at=held_at, by=user
            )

        item, status, errors = _attempt(request, "meeting_manage", create, _("Meeting created."))
        if item is not None:
            return redirect("backoffice:programs:meeting", pk=item.pk)
    return _page(
        request,
        "meetings.html",
        {
            "meetings": access.scoped(user, Meeting.objects.all())[:100],
            "can_manage": access.can(user, "meeting_manage"),
            "posted": posted,
            "errors": errors,
            "tz": user.organization.time_zone,
        },
        status=status,
    )


@staff_required
def meeting(request: HttpRequest, pk: int) -> HttpResponse:
    """The agenda with each member's vote; adding researched files; voting; deciding with the minutes."""
    user: User = request.user
    item: Meeting = _get(user, Meeting.objects.all(), pk)
    status, errors = 200, []
    posted = request.POST if request.method == "POST" else {}
    scoped_apps = access.scoped(user, Application.objects.select_related("case", "request_type"))
    agenda = list(scoped_apps.filter(meeting=item).order_by("submitted_at", "id"))

    def one(field: str = "application") -> Application:
        found = scoped_apps.filter(pk=posted.get(field) or 0).first()
        if found is None:
            raise DomainError.single(field, "required", _("Choose an application."))
        return found

    def decide() -> Meeting:
        decisions = [
            services.Decision(
                application=a,
                decision=posted.get(f"decision_{a.pk}") or None,
                reasons=posted.get(f"reasons_{a.pk}", ""),
            )
            for a in agenda
            if posted.get(f"include_{a.pk}") == "on"
        ]
        return services.meeting_decide(
            meeting=item, decisions=decisions, minutes=posted.get("minutes", ""), by=user
        )

    ops: dict[str, tuple[str, Callable[[], Any], str]] = {
        "agenda": (
            "meeting_manage",
            lambda: services.meeting_add_to_agenda(meeting=item, application=one(), by=user),
            _("Added to the agenda."),
        ),
        "vote": (
            "meeting_vote",
            lambda: services.meeting_vote(
                meeting=item, application=one(), vote=posted.get("vote", ""), by=user
            ),
            _("Your vote is recorded."),
        ),
        "decide": ("meeting_manage", decide, _("The decisions and the minutes are recorded.")),
    }
    if request.method == "POST":
        op = ops.get(posted.get("op", ""))
        if op is None:
            return redirect("backoffice:programs:meeting", pk=pk)
        done, status, errors = _attempt(request, *op)
        if done is not None:
            return redirect("backoffice:programs:meeting", pk=pk)
        item.refresh_from_db()
    votes = list(item.votes.select_related("member"))
    rows = [
        {
            "application": a,
            "earliest": services.earliest_decision_at(a),
            "votes": [v for v in votes if v.application_id == a.pk],
            "mine": next((v.vote for v in votes if v.application_id == a.pk and v.member_id == user.pk), ""),
            "decision": posted.get(f"decision_{a.pk}", ""),
            "reasons": posted.get(f"reasons_{a.pk}", ""),
            "include": not posted or posted.get(f"include_{a.pk}") == "on",
        }
        for a in agenda
    ]
    return _page(
        request,
        "meeting.html",
        {
            "meeting": item,
            "rows": rows,
            "ready": scoped_apps.filter(status=ApplicationStatus.RESEARCHED).order_by("submitted_at")[:100],
            "recommendations": Recommendation.choices,
            "is_open": item.status == Meeting.State.OPEN,
            "can_manage": access.can(user, "meeting_manage"),
            "can_vote": access.can(user, "meeting_vote"),
            "posted": posted,
            "errors": errors,
            "tz": user.organization.time_zone,
        },
        status=status,
    )
