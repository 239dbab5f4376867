"""Where and when the mobile and extended services are: mobile units' stops (Hadirin cars in parks), and the
openings of every service point with those stops taken into account.

Counters in malls (Hadirin) and extended-hours points (Mustamirun, 07:00–19:00) keep weekly hours on their
ServicePoint; mosque counters (Itlala) open from an hour before Maghrib to an hour after Isha, computed per
day in ``khidma.organizations.hours``. A mobile car that has stops is open exactly when one of its stops
is on; a car without stops falls back to its weekly hours.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from khidma.core.languages import pick_name
from khidma.organizations import hours
from khidma.organizations.models import Organization, ServicePoint
from khidma.programs.models import UnitStop

DAY_KEYS = hours.DAY_KEYS  # datetime.weekday() order: "mon" … "sun"


def stop_applies(stop: UnitStop, day: datetime.date) -> bool:
    """The stop is on that day: its date, or one of its weekdays within its validity."""
    if not stop.is_active:
        return False
    if stop.valid_from and day < stop.valid_from:
        return False
    if stop.valid_until and day > stop.valid_until:
        return False
    if stop.date is not None:
        return stop.date == day
    return DAY_KEYS[day.weekday()] in (stop.weekdays or [])


def stop_opening(stop: UnitStop, day: datetime.date, tz: ZoneInfo) -> hours.Opening:
    opens = datetime.datetime.combine(day, stop.starts, tzinfo=tz)
    closes = datetime.datetime.combine(day, stop.ends, tzinfo=tz)
    if closes <= opens:
        closes += datetime.timedelta(days=1)  # an evening stop that runs past midnight
    return hours.Opening(opens, closes)


def stops_on(stops: Iterable[UnitStop], day: datetime.date) -> list[UnitStop]:
    return sorted((s for s in stops if stop_applies(s, day)), key=lambda s: (s.starts, s.pk or 0))


def openings_on(
    point: ServicePoint, day: datetime.date, tz: ZoneInfo, *, stops: list[UnitStop] | None = None
) -> list[hours.Opening]:
    """The spans the point is open that start on ``day``. ``stops``: the unit's stops (all of them, any day)
    when the caller has them; a mobile car with stops is open only at its stops."""
    if point.kind == ServicePoint.Kind.MOBILE_CAR and stops:
        return [stop_opening(s, day, tz) for s in stops_on(stops, day)]
    return hours.openings_on(point, day, tz)


def is_open_at(
    point: ServicePoint, moment: datetime.datetime, tz: ZoneInfo, *, stops: list[UnitStop] | None = None
) -> bool:
    local = moment.astimezone(tz)
    for day in (local.date() - datetime.timedelta(days=1), local.date()):
        if any(o.contains(local) for o in openings_on(point, day, tz, stops=stops)):
            return True
    return False


def today(
    point: ServicePoint, now: datetime.datetime, tz: ZoneInfo, *, stops: list[UnitStop] | None = None
) -> hours.Today:
    """As ``organizations.hours.today``, with a mobile unit's stops as its hours."""
    return hours.today(point, now, tz, spans=lambda p, d, z: openings_on(p, d, z, stops=stops))


def point_stops(point: ServicePoint) -> list[UnitStop]:
    if point.kind != ServicePoint.Kind.MOBILE_CAR:
        return []
    return list(UnitStop.objects.filter(unit=point, is_active=True))


def stops_by_unit(organization: Organization) -> dict[int, list[UnitStop]]:
    """Every active stop of the organization's units, in one query."""
    grouped: dict[int, list[UnitStop]] = defaultdict(list)
    for stop in UnitStop.objects.filter(organization=organization, is_active=True).order_by("starts", "id"):
        grouped[stop.unit_id].append(stop)
    return dict(grouped)


@dataclass(frozen=True)
class Visit:
    """One day a unit stands at a place."""

    day: datetime.date
    place: str
    lat: float
    lon: float
    opens: datetime.datetime
    closes: datetime.datetime


def upcoming(
    stops: list[UnitStop], *, start: datetime.date, tz: ZoneInfo, days: int = 7, language: str | None = None
) -> list[Visit]:
    """Where the unit will be on each of the next ``days`` days (from ``start``), in order."""
    found = []
    for offset in range(days):
        day = start + datetime.timedelta(days=offset)
        for stop in stops_on(stops, day):
            span = stop_opening(stop, day, tz)
            found.append(
                Visit(day, pick_name(stop.place_names, language), stop.lat, stop.lon, span.opens, span.closes)
            )
    return found
