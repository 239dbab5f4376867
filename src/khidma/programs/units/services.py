"""Mobile units and counters (Hadirin, Itlala, Mustamirun): where the cars stand and when, and every person
served at a counter or a unit (a walk-in), whether or not a case comes of it."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from khidma.accounts.models import User
from khidma.cases.models import Case
from khidma.core import clock
from khidma.core.errors import Conflict, DomainError, FieldError
from khidma.core.languages import is_supported, pick_name
from khidma.core.validation import clean_text
from khidma.organizations import selectors as organization_selectors
from khidma.organizations.models import ServicePoint
from khidma.programs import audit, schedules
from khidma.programs.access import ensure_same_organization
from khidma.programs.models import UnitStop, WalkIn, WalkInService

NOTE_MAX = 500
# A walk-in may be entered late (a busy evening written up the next morning), but not a week later.
WALKIN_LATE_DAYS = 7


def _times_overlap(a: UnitStop, b: UnitStop) -> bool:
    def minutes(stop: UnitStop) -> tuple[int, int]:
        start = stop.starts.hour * 60 + stop.starts.minute
        end = stop.ends.hour * 60 + stop.ends.minute
        return start, end if end > start else end + 24 * 60

    (a1, a2), (b1, b2) = minutes(a), minutes(b)
    return a1 < b2 and b1 < a2


def _days_overlap(a: UnitStop, b: UnitStop) -> bool:
    lo = max(a.valid_from or datetime.date.min, b.valid_from or datetime.date.min)
    hi = min(a.valid_until or datetime.date.max, b.valid_until or datetime.date.max)
    if lo > hi:
        return False
    if a.date and b.date:
        return a.date == b.date
    if a.date or b.date:
        dated, weekly = (a, b) if a.date else (b, a)
        return schedules.stop_applies(weekly, dated.date)
    return bool(set(a.weekdays) & set(b.weekdays))


@transaction.atomic
def unit_stop_create(
    *,
    unit: ServicePoint,
    place_names: dict[str, str],
    lat: float | None,
    lon: float | None,
    starts: datetime.time | None,
    ends: datetime.time | None,
    weekdays: list[str] | None = None,
    date: datetime.date | None = None,
    valid_from: datetime.date | None = None,
    valid_until: datetime.date | None = None,
    by: User | None,
) -> UnitStop:
    """A mobile car stands at a place (a park, with its coordinates) on some weekdays or on one date. A car
    cannot be in two places at once: a stop overlapping another of the same car is refused."""
    errors: list[FieldError] = []
    if unit.kind != ServicePoint.Kind.MOBILE_CAR:
        errors.append(FieldError("unit", "not_mobile", _("Stops are for mobile service cars only.")))
    names = {k: str(v).strip()[:200] for k, v in (place_names or {}).items() if str(v).strip()}
    if not names:
        errors.append(FieldError("place_names", "required", _("Name the place in at least one language.")))
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        errors.append(FieldError("lat", "invalid", _("Give the place's coordinates.")))
    elif not unit.organization.contains_point(lat, lon):
        errors.append(FieldError("lat", "outside_boundary", _("This place is outside the area served.")))
    days = []
    for day in weekdays or []:
        if day not in schedules.DAY_KEYS:
            errors.append(FieldError("weekdays", "invalid_choice", _("Unknown day: %(day)s.") % {"day": day}))
        elif day not in days:
            days.append(day)
    if bool(days) == (date is not None):
        errors.append(FieldError("weekdays", "required", _("Give either weekdays or one date.")))
    if starts is None or ends is None:
        errors.append(FieldError("starts", "required", _("Give the hours of the stop.")))
    elif starts == ends:
        errors.append(FieldError("ends", "invalid", _("The stop must end after it starts.")))
    if valid_from and valid_until and valid_until < valid_from:
        errors.append(FieldError("valid_until", "invalid", _("The end of validity is before its start.")))
    if errors:
        raise DomainError(*errors)
    stop = UnitStop(
        organization_id=unit.organization_id,
        unit=unit,
        place_names=names,
        lat=lat,
        lon=lon,
        weekdays=days,
        date=date,
        starts=starts,
        ends=ends,
        valid_from=valid_from,
        valid_until=valid_until,
    )
    # Lock the unit's stops so two people planning the same car see each other's stop.
    for other in UnitStop.objects.select_for_update().filter(unit=unit, is_active=True):
        if _days_overlap(stop, other) and _times_overlap(stop, other):
            raise Conflict.single(
                "starts",
                "unit_double_booked",
                _("This car is already at %(place)s from %(start)s to %(end)s on one of these days.")
                % {
                    "place": pick_name(other.place_names),
                    "start": other.starts.strftime("%H:%M"),
                    "end": other.ends.strftime("%H:%M"),
                },
            )
    stop.save()
    audit.record(
        "unit_stop",
        stop,
        "created",
        by=by,
        data={
            "unit": unit.code,
            "place": names,
            "weekdays": days,
            "date": date.isoformat() if date else None,
            "hours": [starts.strftime("%H:%M"), ends.strftime("%H:%M")],
        },
    )
    return stop


@transaction.atomic
def unit_stop_deactivate(*, stop: UnitStop, by: User | None) -> UnitStop:
    stop.is_active = False
    stop.save(update_fields=["is_active"])
    audit.record("unit_stop", stop, "deactivated", by=by)
    return stop


def walkin_record(
    *,
    service_point: ServicePoint,
    by: User,
    service: str,
    language: str,
    category: str | None = None,
    case: Case | None = None,
    at: datetime.datetime | None = None,
    note: str = "",
) -> WalkIn:
    """One person served at a counter or a mobile unit. Recorded also outside the point's hours (people
    still in the queue at closing time are served): such a walk-in is kept and flagged ``out_of_hours``.
    The row is its own audit record (who recorded it, when, for when): no ProgramEvent is written."""
    errors: list[FieldError] = []
    now = clock.now()
    at = now if at is None else at
    if at.tzinfo is None:
        errors.append(FieldError("at", "naive_datetime", _("Give the time with its UTC offset.")))
    elif at > now + datetime.timedelta(minutes=5):
        errors.append(FieldError("at", "in_future", _("This time is in the future.")))
    elif at < now - datetime.timedelta(days=WALKIN_LATE_DAYS):
        errors.append(
            FieldError(
                "at",
                "too_old",
                _("Walk-ins older than %(days)d days cannot be recorded.") % {"days": WALKIN_LATE_DAYS},
            )
        )
    if service not in WalkInService.values:
        errors.append(
            FieldError("service", "invalid_choice", _("This value is not one of the allowed choices."))
        )
    if not is_supported(language or ""):
        errors.append(FieldError("language", "unsupported_language", _("Unsupported language.")))
    if not service_point.is_active:
        errors.append(FieldError("service_point", "inactive", _("This service point is not active.")))
    chosen = None
    if category:
        chosen = organization_selectors.category_get_active(
            organization=service_point.organization, code=category
        )
        if chosen is None:
            errors.append(FieldError("category", "unknown_category", _("Unknown category.")))
    note = clean_text(note, field="note", limit=NOTE_MAX, errors=errors)
    if errors:
        raise DomainError(*errors)
    if case is not None:
        ensure_same_organization("case", case, service_point.organization_id)
    tz = service_point.organization.tz
    open_then = schedules.is_open_at(service_point, at, tz, stops=schedules.point_stops(service_point))
    return WalkIn.objects.create(
        organization_id=service_point.organization_id,
        service_point=service_point,
        service=service,
        category=chosen,
        language=language,
        case=case,
        at=at,
        out_of_hours=not open_then,
        note=note,
        recorded_by=by,
        created_at=now,
    )
