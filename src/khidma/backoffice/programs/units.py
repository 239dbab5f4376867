"""Counters and mobile units on screen: the programs' index (where the cars are this week), walk-ins at the
counter, the volume heat map, and planning the cars' stops."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from khidma.accounts.models import User
from khidma.backoffice.programs.common import Outcome, attempt, denied, page, tz_of, visible_or_404
from khidma.backoffice.programs.forms import StopForm, StopRemoveForm, VolumeForm, WalkInForm, field_errors
from khidma.backoffice.views import staff_required
from khidma.core import clock
from khidma.core.errors import FieldError
from khidma.core.languages import LANGUAGE_CODES, pick_name
from khidma.core.validation import THREE_MONTHS, check_date_range
from khidma.organizations import selectors as organization_selectors
from khidma.programs import access, schedules
from khidma.programs.models import UnitStop, WalkIn, WalkInService
from khidma.programs.units import selectors, services

SHADES = 6  # heat-map levels: h0 (nothing) … h5 (the busiest cell)
DEFAULT_DAYS = 14


@staff_required
def index(request: HttpRequest) -> HttpResponse:
    user: User = request.user
    tz = tz_of(user)
    today = clock.now().astimezone(tz).date()
    stops = schedules.stops_by_unit(user.organization)
    language = request.LANGUAGE_CODE
    cars = [
        {
            "unit": unit,
            "name": unit.name_in(language),
            "visits": schedules.upcoming(stops.get(unit.pk, []), start=today, tz=tz, language=language),
        }
        for unit in selectors.mobile_units(organization=user.organization)
    ]
    return page(
        request,
        "index.html",
        {
            "cars": cars,
            "can_walkin": access.can(user, "walkin_record"),
            "can_volume": access.can(user, "volume_view"),
            "can_schedule": access.can(user, "schedule_manage"),
        },
    )


# --- Walk-ins ---------------------------------------------------------------------------------------------


@staff_required
def walkin(request: HttpRequest) -> HttpResponse:
    """At the counter: one short form, the first field focused, Enter records; defaults from the post."""
    user: User = request.user
    if not access.can(user, "walkin_record"):
        return denied(request)
    points = list(access.walkin_points(user))
    tz = tz_of(user)
    language = request.LANGUAGE_CODE
    post = user.service_point.code if user.service_point_id else ""
    categories = [
        (c.code, c.name_in(language))
        for c in organization_selectors.category_list_active(organization=user.organization)
    ]
    form = WalkInForm(
        request.POST if request.method == "POST" else None,
        tz=tz,
        points=[p.code for p in points],
        categories=categories,
        post=post,
    )
    outcome = Outcome()
    if request.method == "POST":

        def record(data: dict) -> WalkIn:
            point = next(p for p in points if p.code == data["service_point"])
            access.ensure_can_record_at(user, point)
            reference = data["case"].strip()
            return services.walkin_record(
                service_point=point,
                by=user,
                service=data["service"],
                language=data["language"],
                category=data["category"] or None,
                case=access.case_visible(user, reference) if reference else None,
                at=form.at(clock.now().astimezone(tz).date()),
                note=data["note"],
            )

        outcome = attempt(request, form, record, permission=None, done=_("Walk-in recorded."))
        if outcome.done:
            item: WalkIn = outcome.result
            if item.out_of_hours:
                messages.warning(request, _("Recorded outside this point's opening hours: it is flagged."))
            # The next person is usually like the last one: keep the point and language.
            return redirect(
                f"{request.path}?service_point={item.service_point.code}&language={item.language}"
                f"&service={item.service}"
            )
    default_point = request.GET.get("service_point") or post
    chosen = form["service_point"].value() or default_point
    current = next((p for p in points if p.code == chosen), None)
    since = datetime.datetime.combine(clock.now().astimezone(tz).date(), datetime.time(), tzinfo=tz)
    recent = list(access.scoped(user, selectors.walkins_at(current, since=since))[:50]) if current else []
    return page(
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
            "categories": categories,
            "values": {
                "service_point": chosen,
                "service": form["service"].value() or request.GET.get("service", ""),
                "language": form["language"].value() or request.GET.get("language") or user.language,
                "category": form["category"].value() or "",
                "case": form["case"].value() or "",
                "time": form["time"].value() or "",
                "note": form["note"].value() or "",
            },
            "errors": outcome.errors,
            "recent": recent,
        },
        status=outcome.status,
    )


# --- Volume per point and hour ----------------------------------------------------------------------------


def _shade(n: int, peak: int) -> int:
    if n <= 0 or peak <= 0:
        return 0
    return max(1, round((SHADES - 1) * n / peak))


@staff_required
def volume(request: HttpRequest) -> HttpResponse:
    """Where people come, per point and hour of the day and per weekday: a table shaded like a heat map."""
    user: User = request.user
    if not access.can(user, "volume_view"):
        return denied(request)
    today = clock.now().astimezone(tz_of(user)).date()
    form = VolumeForm(request.GET)
    errors: list[FieldError] = []
    start, end = today - datetime.timedelta(days=DEFAULT_DAYS - 1), today
    if form.is_valid():
        end = form.cleaned_data["end"] or today
        start = form.cleaned_data["start"] or end - datetime.timedelta(days=DEFAULT_DAYS - 1)
        check_date_range(start, end, max_days=THREE_MONTHS, errors=errors)
    else:
        errors = field_errors(form)
    if errors:
        start, end = today - datetime.timedelta(days=DEFAULT_DAYS - 1), today
    language = request.LANGUAGE_CODE
    points = list(selectors.points_people_come_to(organization=user.organization))
    point = next((p for p in points if p.code == form.data.get("service_point")), None)
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
    return page(
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


# --- Mobile units' stops ----------------------------------------------------------------------------------


@staff_required
def stops(request: HttpRequest) -> HttpResponse:
    user: User = request.user
    language = request.LANGUAGE_CODE
    units = list(selectors.mobile_units(organization=user.organization))
    form = StopForm(
        request.POST if request.method == "POST" and "deactivate" not in request.POST else None,
        units=[(u.code, u.name_in(language)) for u in units],
    )
    outcome = Outcome()
    if request.method == "POST":
        if "deactivate" in request.POST:
            removal = StopRemoveForm(request.POST)
            stop = visible_or_404(user, UnitStop, removal.data.get("deactivate"))
            outcome = attempt(
                request,
                removal,
                lambda _data: services.unit_stop_deactivate(stop=stop, by=user),
                permission="schedule_manage",
                done=_("The stop was removed."),
            )
        else:

            def create(data: dict) -> UnitStop:
                lat, lon = form.coordinates()
                return services.unit_stop_create(
                    unit=next(u for u in units if u.code == data["unit"]),
                    place_names=form.place_names(language),
                    lat=lat,
                    lon=lon,
                    weekdays=data["weekdays"],
                    date=data["date"],
                    starts=data["starts"],
                    ends=data["ends"],
                    valid_from=data["valid_from"],
                    valid_until=data["valid_until"],
                    by=user,
                )

            outcome = attempt(
                request, form, create, permission="schedule_manage", done=_("The stop was added.")
            )
        if outcome.done:
            return redirect(request.path)
    day_labels = dict(
        zip(
            schedules.DAY_KEYS,
            [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")],
            strict=True,
        )
    )
    listed = selectors.stop_list(access.visible(user, UnitStop))
    return page(
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
            "form": form,
            "errors": outcome.errors,
        },
        status=outcome.status,
    )
