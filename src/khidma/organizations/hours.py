"""When a service point is open: its weekly hours, or for mosque counters, hours set by the prayer times.

A mosque counter opens one hour before Maghrib and closes one hour after Isha. Maghrib comes from the
Umm al-Qura method (adhanpy) at the counter's own position; Isha is 90 minutes after Maghrib, 120 in
Ramadan (the Umm al-Qura convention). The times move every day, so they are computed, never stored.

Domain code: the portal, the back office and the programs (walk-ins out of hours, mobile units' stops) all
read opening hours from here.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from hijridate import Gregorian

from khidma.organizations.models import ServicePoint

DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # datetime.weekday() order
# Where prayer times are computed when a counter has no position: the Holy Mosque in Makkah.
MAKKAH = (21.4225, 39.8262)
RAMADAN = 9


@dataclass(frozen=True)
class PrayerWindow:
    maghrib: datetime.datetime
    isha: datetime.datetime
    opens: datetime.datetime
    closes: datetime.datetime


@dataclass(frozen=True)
class Opening:
    opens: datetime.datetime
    closes: datetime.datetime

    def contains(self, moment: datetime.datetime) -> bool:
        return self.opens <= moment < self.closes


def is_ramadan(day: datetime.date) -> bool:
    try:
        return Gregorian(day.year, day.month, day.day).to_hijri().month == RAMADAN
    except (OverflowError, ValueError):  # outside the Umm al-Qura tables (before 1924 or after 2077)
        return False


def prayer_window(day: datetime.date, *, lat: float, lon: float, tz: ZoneInfo) -> PrayerWindow:
    """Maghrib and Isha on ``day`` at (lat, lon) and the mosque-counter hours they set."""
    # Imported here so that every other page keeps working on an installation still missing adhanpy.
    from adhanpy.calculation.CalculationMethod import CalculationMethod
    from adhanpy.PrayerTimes import PrayerTimes

    noon = datetime.datetime.combine(day, datetime.time(12))
    times = PrayerTimes((lat, lon), noon, CalculationMethod.UMM_AL_QURA, time_zone=tz)
    maghrib = times.maghrib.astimezone(tz)
    isha = maghrib + datetime.timedelta(minutes=120 if is_ramadan(day) else 90)
    hour = datetime.timedelta(hours=1)
    return PrayerWindow(maghrib=maghrib, isha=isha, opens=maghrib - hour, closes=isha + hour)


def _parse(day: datetime.date, text: str, tz: ZoneInfo) -> datetime.datetime:
    hours, minutes = (int(part) for part in text.split(":"))
    extra_days, hours = divmod(hours, 24)  # "24:00" is the next midnight
    moment = datetime.datetime.combine(day, datetime.time(hours, minutes), tzinfo=tz)
    return moment + datetime.timedelta(days=extra_days)


def _weekly(point: ServicePoint, day: datetime.date, tz: ZoneInfo) -> list[Opening]:
    openings = []
    for span in (point.opening_hours or {}).get(DAY_KEYS[day.weekday()], []):
        try:
            opens, closes = _parse(day, span[0], tz), _parse(day, span[1], tz)
        except (ValueError, TypeError, IndexError):
            continue  # a malformed entry in the admin closes nothing and opens nothing
        if closes <= opens:
            closes += datetime.timedelta(days=1)  # "20:00"-"02:00": past midnight
        openings.append(Opening(opens, closes))
    return openings


def openings_on(point: ServicePoint, day: datetime.date, tz: ZoneInfo) -> list[Opening]:
    """The spans a service point is open that start on ``day`` (local date in ``tz``)."""
    if point.kind == ServicePoint.Kind.MOSQUE_COUNTER and not point.opening_hours:
        lat, lon = _position(point)
        window = prayer_window(day, lat=lat, lon=lon, tz=tz)
        return [Opening(window.opens, window.closes)]
    return _weekly(point, day, tz)


def _position(point: ServicePoint) -> tuple[float, float]:
    if point.lat is not None and point.lon is not None:
        return point.lat, point.lon
    if point.area is not None and point.area.centre_lat is not None and point.area.centre_lon is not None:
        return point.area.centre_lat, point.area.centre_lon
    return MAKKAH


@dataclass(frozen=True)
class Today:
    openings: list[Opening]
    open_now: bool
    closes_at: datetime.datetime | None  # when open now
    opens_next: datetime.datetime | None  # when closed now: the next opening today or in the coming week
    opens_in_days: int | None = None  # 0 today, 1 tomorrow, …


OpeningsFn = Callable[[ServicePoint, datetime.date, ZoneInfo], list[Opening]]


def today(
    point: ServicePoint, now: datetime.datetime, tz: ZoneInfo, *, spans: OpeningsFn | None = None
) -> Today:
    """Today's spans, whether the point is open at ``now``, and when it closes or next opens. ``spans``
    replaces the point's own hours (programs.schedules passes a mobile unit's stops)."""
    spans = spans or openings_on
    local = now.astimezone(tz)
    day = local.date()
    # Yesterday's span may run past midnight into today.
    current = [o for o in spans(point, day - datetime.timedelta(days=1), tz) if o.contains(local)]
    todays = spans(point, day, tz)
    current += [o for o in todays if o.contains(local)]
    if current:
        return Today(todays, True, max(o.closes for o in current), None)
    for offset in range(8):
        later = [o.opens for o in spans(point, day + datetime.timedelta(days=offset), tz) if o.opens > local]
        if later:
            return Today(todays, False, None, min(later), offset)
    return Today(todays, False, None, None)


def is_always_open(point: ServicePoint) -> bool:
    """Open round the clock every day of the week (a call centre)."""
    spans = point.opening_hours or {}
    return all(spans.get(day) == [["00:00", "24:00"]] for day in DAY_KEYS)
