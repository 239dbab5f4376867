"""Mobile units, counters and walk-ins: the cars' stops, any point's openings, walk-ins and the volume of
people per point and hour."""

from __future__ import annotations

import datetime

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import Router, Status

from khidma.accounts.models import User
from khidma.api.auth import StaffToken
from khidma.api.programs import presenters
from khidma.api.programs.lookups import find_point, scoped_get, visible_case
from khidma.api.programs.schemas import (
    ERRORS,
    PointScheduleOut,
    StopIn,
    StopOut,
    VolumeOut,
    WalkInIn,
    WalkInOut,
)
from khidma.core.errors import DomainError
from khidma.core.validation import check_date, check_date_range
from khidma.programs import access, schedules
from khidma.programs.models import UnitStop, WalkIn
from khidma.programs.units import selectors, services

router = Router(tags=["programs"], auth=StaffToken())

SCHEDULE_MAX_DAYS = 31


@router.get("/stops", response={200: list[StopOut], **ERRORS})
def stop_list(request: HttpRequest, unit: str | None = None):
    """The mobile units' stops: which car is at which place, on which days and hours."""
    stops = selectors.stop_list(access.visible(request.auth, UnitStop), unit=unit)
    return [presenters.stop(s) for s in stops]


@router.post("/stops", response={201: StopOut, **ERRORS})
def stop_create(request: HttpRequest, payload: StopIn):
    """Plan a stop; a car already somewhere else at an overlapping time on a shared day answers 409."""
    user: User = request.auth
    access.ensure(user, "schedule_manage")
    stop = services.unit_stop_create(
        unit=find_point(user, payload.unit, "unit"), by=user, **payload.dict(exclude={"unit"})
    )
    return Status(201, presenters.stop(stop))


@router.delete("/stops/{stop_id}", response={200: StopOut, **ERRORS})
def stop_deactivate(request: HttpRequest, stop_id: int):
    user: User = request.auth
    access.ensure(user, "schedule_manage")
    stop = scoped_get(user, UnitStop, stop_id, "stop")
    return presenters.stop(services.unit_stop_deactivate(stop=stop, by=user))


@router.get("/points/{code}/schedule", response={200: PointScheduleOut, **ERRORS})
def point_schedule(request: HttpRequest, code: str, start: datetime.date | None = None, days: int = 7):
    """When a service point is open, day by day (mosque counters from the prayer times; mobile cars at their
    stops, with the place)."""
    user: User = request.auth
    point = find_point(user, code)
    if not 1 <= days <= SCHEDULE_MAX_DAYS:
        raise DomainError.single("days", "invalid", _("Give between 1 and 31 days."))
    start = start or user.organization.local_today()
    check_date(start, field="start")
    tz = user.organization.tz
    stops = schedules.point_stops(point)
    result = []
    for offset in range(days):
        day = start + datetime.timedelta(days=offset)
        result.append(
            {
                "date": day,
                "openings": [
                    {"opens": o.opens, "closes": o.closes}
                    for o in schedules.openings_on(point, day, tz, stops=stops)
                ],
                "stops": [
                    {"place_names": s.place_names, "lat": s.lat, "lon": s.lon}
                    for s in schedules.stops_on(stops, day)
                ],
            }
        )
    return {"service_point": point.code, "kind": point.kind, "days": result}


@router.post("/walk-ins", response={201: WalkInOut, **ERRORS})
def walkin_record(request: HttpRequest, payload: WalkInIn):
    """Record a person served at a counter or mobile unit (default: the caller's post). Recorded also out of
    the point's hours, flagged `out_of_hours`."""
    user: User = request.auth
    access.ensure(user, "walkin_record")
    if payload.service_point:
        point = find_point(user, payload.service_point)
    elif user.service_point_id:
        point = user.service_point
    else:
        raise DomainError.single("service_point", "required", _("Give the service point."))
    access.ensure_can_record_at(user, point)
    item = services.walkin_record(
        service_point=point,
        by=user,
        service=payload.service,
        language=payload.language,
        category=payload.category,
        case=visible_case(user, payload.case) if payload.case else None,
        at=payload.at,
        note=payload.note,
    )
    return Status(201, presenters.walkin(item))


@router.get("/walk-ins", response={200: list[WalkInOut], **ERRORS})
def walkin_list(request: HttpRequest, service_point: str | None = None, date: datetime.date | None = None):
    """Walk-ins of one local day (default today) at a point (default the caller's post; all points for
    supervisors and administrators when none is given)."""
    user: User = request.auth
    day = date or user.organization.local_today()
    check_date(day, field="date")
    since, until = user.organization.local_day_bounds(day)
    if service_point:
        points = [find_point(user, service_point).pk]
    elif access.can(user, "volume_view"):
        points = None  # every point
    else:
        points = [user.service_point_id] if user.service_point_id else []
    items = selectors.walkins_between(access.visible(user, WalkIn), since=since, until=until, points=points)
    return [presenters.walkin(w) for w in items[:500]]


@router.get("/volume", response={200: VolumeOut, **ERRORS})
def volume(request: HttpRequest, start: datetime.date, end: datetime.date, service_point: str | None = None):
    """Walk-ins and cases received per service point, hour of day and weekday (supervisors)."""
    user: User = request.auth
    access.ensure(user, "volume_view")
    check_date_range(start, end)
    point = find_point(user, service_point) if service_point else None
    return presenters.volume(selectors.volume(user.organization, start=start, end=end, point=point))
