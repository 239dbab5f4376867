"""Working-time calendar engine used to compute SLA due dates.

Pure Python on purpose (no Django imports): the arithmetic is the part of the SLA
feature most likely to hide bugs, so it must be testable in isolation and cheap
enough to run for every case on every list page.

Conventions:

* Working windows and holidays are expressed in the calendar's *local wall time*
  (that is how municipalities publish opening hours), while durations are measured
  in *real elapsed time*. Each window boundary is therefore converted to an instant
  with ``zoneinfo``; on a DST change day a 00:00-24:00 window lasts 23 or 25 hours.
* All public methods take timezone-aware datetimes (naive ones are rejected because
  guessing their zone silently shifts deadlines by hours) and return UTC datetimes.
* Intervals are half-open: a window 07:30-14:30 contains 07:30 but not 14:30.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from itertools import pairwise
from zoneinfo import ZoneInfo

from hijridate import Gregorian, Hijri

__all__ = [
    "MAX_IDLE_DAYS",
    "AnnualGregorianHoliday",
    "AnnualHijriHoliday",
    "GregorianHoliday",
    "Holiday",
    "WorkCalendar",
    "WorkingWindow",
    "fraction_elapsed",
]

# A calendar whose every day is a holiday would make the day-by-day search spin
# forever; three years is far beyond any real SLA, so finding nothing by then means
# the configuration is broken and the caller should hear about it.
MAX_IDLE_DAYS = 3 * 366

_ZERO = timedelta(0)
_ONE_DAY = timedelta(days=1)
_ONE_WEEK = timedelta(days=7)
_WEEK_DAYS = tuple(timedelta(days=i) for i in range(7))
_MIDNIGHT = time(0, 0)
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Per-day interval cache bound: ~11 years of days, a few MB at most. Cleared wholesale
# when full because the access pattern (recent weeks) refills it almost immediately.
_DAY_CACHE_LIMIT = 4096

# Local-wall-time offsets from midnight; (start, end) with end > start.
_Span = tuple[timedelta, timedelta]
# UTC instants of one working interval; (start, end) with end > start.
_Interval = tuple[datetime, datetime]


def _time_offset(value: time) -> timedelta:
    return timedelta(
        hours=value.hour, minutes=value.minute, seconds=value.second, microseconds=value.microsecond
    )


def _date_range(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += _ONE_DAY


def _clip_to_year(first: date, days: int, year: int) -> Iterator[date]:
    """The days of the occurrence ``first`` (lasting ``days``) that fall in ``year``."""
    last = first + timedelta(days=days - 1)
    yield from _date_range(max(first, date(year, 1, 1)), min(last, date(year, 12, 31)))


def _to_utc(value: datetime, name: str) -> datetime:
    # Converting up front also avoids a classic trap: Python compares and subtracts
    # aware datetimes that share a tzinfo object by wall time, ignoring DST offsets.
    if not isinstance(value, datetime):
        raise TypeError(f"{name} must be a datetime, got {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime, got naive {value.isoformat()}")
    return value.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class WorkingWindow:
    """A recurring weekly stretch of working time in local wall time.

    ``weekday`` follows Python's convention (0 = Monday ... 6 = Sunday).
    ``end == time(0, 0)`` means 24:00, i.e. "until midnight"; ``time`` cannot
    represent 24:00 and a window can never legitimately end at its own day's 00:00.
    """

    weekday: int
    start: time
    end: time

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise ValueError(f"weekday must be 0 (Monday) to 6 (Sunday), got {self.weekday}")
        if self.start.tzinfo is not None or self.end.tzinfo is not None:
            raise ValueError("working window times are local wall times and must be naive")
        if self.end != _MIDNIGHT and self.start >= self.end:
            raise ValueError(f"working window must start before it ends, got {self.label()}")

    @property
    def start_offset(self) -> timedelta:
        return _time_offset(self.start)

    @property
    def end_offset(self) -> timedelta:
        return _ONE_DAY if self.end == _MIDNIGHT else _time_offset(self.end)

    def label(self) -> str:
        end = "24:00" if self.end == _MIDNIGHT else self.end.isoformat("minutes")
        return f"{_WEEKDAY_NAMES[self.weekday]} {self.start.isoformat('minutes')}-{end}"


@dataclass(frozen=True, slots=True)
class GregorianHoliday:
    """A one-off closure covering the inclusive local date range ``start``..``end``."""

    start: date
    end: date
    name: str = ""

    def __post_init__(self) -> None:
        # datetime is a subclass of date; accepting one would silently drop its time.
        if isinstance(self.start, datetime) or isinstance(self.end, datetime):
            raise TypeError("holiday bounds must be dates, not datetimes")
        if self.start > self.end:
            raise ValueError(f"holiday {self.name!r} ends ({self.end}) before it starts ({self.start})")

    def dates_in_year(self, year: int) -> Iterator[date]:
        yield from _date_range(max(self.start, date(year, 1, 1)), min(self.end, date(year, 12, 31)))


@dataclass(frozen=True, slots=True)
class AnnualGregorianHoliday:
    """A holiday recurring every Gregorian year, e.g. National Day (23 September).

    A 29 February holiday only occurs in leap years.
    """

    month: int
    day: int
    days: int = 1
    name: str = ""

    def __post_init__(self) -> None:
        date(2000, self.month, self.day)  # 2000 is a leap year; raises ValueError if impossible
        # Shorter than a year so occurrences never overlap and at most the previous
        # year's occurrence can spill into a given year.
        if not 1 <= self.days <= 365:
            raise ValueError(f"days must be between 1 and 365, got {self.days}")

    def dates_in_year(self, year: int) -> Iterator[date]:
        for occurrence_year in (year - 1, year):
            try:
                first = date(occurrence_year, self.month, self.day)
            except ValueError:  # 29 February in a common year
                continue
            yield from _clip_to_year(first, self.days, year)


@dataclass(frozen=True, slots=True)
class AnnualHijriHoliday:
    """A holiday recurring every Hijri year on the Umm al-Qura calendar.

    Examples: Eid al-Fitr starts on 1 Shawwal (10/1), Eid al-Adha on 10 Dhu al-Hijjah
    (12/10). A Hijri year is ~11 days shorter than a Gregorian one, so an occurrence
    can fall twice in one Gregorian year or straddle 31 December. Day 30 of a month
    that has only 29 days in a given Hijri year yields no occurrence that year.
    Only Gregorian years fully covered by hijridate's tables (about 1926-2076) can be
    expanded; other years raise ValueError rather than silently dropping holidays.
    """

    month: int
    day: int
    days: int = 1
    name: str = ""

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError(f"Hijri month must be 1-12, got {self.month}")
        if not 1 <= self.day <= 30:
            raise ValueError(f"Hijri day must be 1-30, got {self.day}")
        # Shorter than the shortest Hijri year (354 days) so that only the previous
        # Hijri year's occurrence can spill into the Gregorian year being expanded.
        if not 1 <= self.days <= 354:
            raise ValueError(f"days must be between 1 and 354, got {self.days}")

    def dates_in_year(self, year: int) -> Iterator[date]:
        try:
            first_hijri_year = Gregorian(year, 1, 1).to_hijri().year
            last_hijri_year = Gregorian(year, 12, 31).to_hijri().year
            # Start one Hijri year early: its occurrence may run past 1 January.
            for hijri_year in range(first_hijri_year - 1, last_hijri_year + 1):
                try:
                    start = Hijri(hijri_year, self.month, self.day).to_gregorian()
                except ValueError:  # day 30 of a 29-day month this year
                    continue
                yield from _clip_to_year(date(start.year, start.month, start.day), self.days, year)
        except OverflowError as exc:
            raise ValueError(
                f"cannot expand Hijri holiday {self.name!r} for {year}: outside the Umm al-Qura tables"
            ) from exc


Holiday = GregorianHoliday | AnnualGregorianHoliday | AnnualHijriHoliday
_HOLIDAY_TYPES = (GregorianHoliday, AnnualGregorianHoliday, AnnualHijriHoliday)


@dataclass(frozen=True, slots=True)
class WorkCalendar:
    """Weekly working windows in a time zone, minus holidays.

    ``tz`` may be a ZoneInfo or an IANA key such as ``"Asia/Riyadh"`` (normalised to
    ZoneInfo). ``always_open=True`` makes a 24/7 calendar: windows and holidays are
    ignored because such a calendar models services (emergency centres, urgent
    hazards) that keep running on public holidays.
    """

    tz: ZoneInfo | str
    windows: tuple[WorkingWindow, ...]
    holidays: tuple[Holiday, ...] = ()
    always_open: bool = False
    # Derived state. Not part of equality/hash: two calendars with the same
    # configuration are the same calendar regardless of what they have cached.
    _zone: tzinfo = field(init=False, repr=False, compare=False)
    _spans_by_weekday: tuple[tuple[_Span, ...], ...] = field(init=False, repr=False, compare=False)
    _week_total: timedelta = field(init=False, repr=False, compare=False)
    _holiday_cache: dict[int, frozenset[date]] = field(init=False, repr=False, compare=False)
    _day_cache: dict[date, tuple[_Interval, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        zone = ZoneInfo(self.tz) if isinstance(self.tz, str) else self.tz
        if not isinstance(zone, tzinfo):
            raise TypeError(f"tz must be a ZoneInfo or an IANA key, got {type(self.tz).__name__}")
        windows = tuple(self.windows)
        holidays = tuple(self.holidays)
        for window in windows:
            if not isinstance(window, WorkingWindow):
                raise TypeError(f"windows must contain WorkingWindow objects, got {window!r}")
        for holiday in holidays:
            if not isinstance(holiday, _HOLIDAY_TYPES):
                raise TypeError(f"holidays must contain holiday objects, got {holiday!r}")

        per_day: list[list[WorkingWindow]] = [[] for _ in range(7)]
        for window in windows:
            per_day[window.weekday].append(window)
        spans_by_weekday: list[tuple[_Span, ...]] = []
        for day_windows in per_day:
            day_windows.sort(key=lambda w: w.start_offset)
            for previous, current in pairwise(day_windows):
                if current.start_offset < previous.end_offset:
                    raise ValueError(f"working windows overlap: {previous.label()} and {current.label()}")
            spans_by_weekday.append(tuple((w.start_offset, w.end_offset) for w in day_windows))

        setattr_ = object.__setattr__  # the dataclass is frozen
        setattr_(self, "tz", zone)
        setattr_(self, "windows", windows)
        setattr_(self, "holidays", holidays)
        setattr_(self, "_zone", zone)
        setattr_(self, "_spans_by_weekday", tuple(spans_by_weekday))
        setattr_(self, "_week_total", sum((e - s for d in spans_by_weekday for s, e in d), _ZERO))
        setattr_(self, "_holiday_cache", {})
        setattr_(self, "_day_cache", {})

    # ----------------------------------------------------------------- factories

    @classmethod
    def twenty_four_seven(cls, tz: ZoneInfo | str) -> WorkCalendar:
        return cls(tz=tz, windows=(), always_open=True)

    @classmethod
    def weekly(
        cls,
        tz: ZoneInfo | str,
        days: Iterable[int] = (6, 0, 1, 2, 3),
        start: time = time(7, 30),
        end: time = time(14, 30),
        holidays: Iterable[Holiday] = (),
    ) -> WorkCalendar:
        """Same hours on each of ``days``; defaults to the Saudi government week (Sun-Thu 07:30-14:30)."""
        return cls(
            tz=tz,
            windows=tuple(WorkingWindow(day, start, end) for day in days),
            holidays=tuple(holidays),
        )

    # ------------------------------------------------------------------ holidays

    def holiday_dates(self, year: int) -> frozenset[date]:
        """Every holiday date in Gregorian ``year`` (expanded once per year, then cached)."""
        cached = self._holiday_cache.get(year)
        if cached is None:
            cached = frozenset(day for holiday in self.holidays for day in holiday.dates_in_year(year))
            self._holiday_cache[year] = cached
        return cached

    def is_holiday(self, day: date) -> bool:
        """Whether ``day`` is one of this calendar's holidays (even if always_open ignores them)."""
        if isinstance(day, datetime):
            raise TypeError("is_holiday() takes a local date, not a datetime")
        if not self.holidays:
            return False
        return day in self.holiday_dates(day.year)

    # ------------------------------------------------------------------- queries

    def add(self, start: datetime, duration: timedelta) -> datetime:
        """The instant at which ``duration`` of working time has elapsed after ``start``.

        Counting starts at the next window opening when ``start`` is outside working
        time. A result that coincides with a window's end is returned as that end,
        not as the next opening, so "7 h from 07:30" is 14:30 the same day.
        """
        cursor = _to_utc(start, "start")
        if duration < _ZERO:
            raise ValueError(f"duration must not be negative, got {duration}")
        if not duration:
            return cursor
        if self.always_open:
            return cursor + duration
        self._require_working_time()

        remaining = duration
        day = cursor.astimezone(self._zone).date()
        idle_days = 0
        first_day = True
        while True:
            # Skip whole weeks while the remainder is strictly larger than a week's
            # work (strictly: an exact fit must end at a window end inside the week).
            # Only "plain" weeks qualify, whose real working time is the nominal total.
            if not first_day and remaining > self._week_total and self._is_plain_week(day):
                remaining -= self._week_total
                day += _ONE_WEEK
                idle_days = 0
                continue
            first_day = False
            worked = False
            for opens, closes in self._day_intervals(day):
                if closes <= cursor:
                    continue
                opens = max(opens, cursor)
                available = closes - opens
                if remaining <= available:
                    return opens + remaining
                remaining -= available
                cursor = closes
                worked = True
            idle_days = 0 if worked else idle_days + 1
            if idle_days > MAX_IDLE_DAYS:
                raise ValueError(f"no working time in {MAX_IDLE_DAYS} consecutive days, up to {day}")
            day += _ONE_DAY

    def working_time_between(self, a: datetime, b: datetime) -> timedelta:
        """Working time inside the half-open range [a, b); zero when b <= a."""
        begin = _to_utc(a, "a")
        stop = _to_utc(b, "b")
        if stop <= begin:
            return _ZERO
        if self.always_open:
            return stop - begin
        if not self._week_total:
            return _ZERO

        zone = self._zone
        first_day = begin.astimezone(zone).date()
        last_day = stop.astimezone(zone).date()
        total = _ZERO
        counted = begin
        day = first_day
        while day <= last_day:
            # A week lying strictly after a's day and ending no later than b's day
            # is entirely inside [a, b), so a plain one counts at its nominal total.
            if first_day < day and day + _ONE_WEEK <= last_day and self._is_plain_week(day):
                total += self._week_total
                day += _ONE_WEEK
                continue
            for opens, closes in self._day_intervals(day):
                # Clip to [counted, b): windows next to a DST gap can overlap (see
                # _instant), and advancing `counted` as add() does counts them once.
                opens = max(opens, counted)
                closes = min(closes, stop)
                if closes > opens:
                    total += closes - opens
                    counted = closes
            day += _ONE_DAY
        return total

    def is_working(self, at: datetime) -> bool:
        instant = _to_utc(at, "at")
        if self.always_open:
            return True
        day = instant.astimezone(self._zone).date()
        return any(opens <= instant < closes for opens, closes in self._day_intervals(day))

    def next_working_instant(self, at: datetime) -> datetime:
        """``at`` itself if it is working time, otherwise the next window opening."""
        instant = _to_utc(at, "at")
        if self.always_open:
            return instant
        self._require_working_time()
        day = instant.astimezone(self._zone).date()
        for _ in range(MAX_IDLE_DAYS + 1):
            for opens, closes in self._day_intervals(day):
                if closes > instant:
                    return max(opens, instant)
            day += _ONE_DAY
        raise ValueError(f"no working time in the {MAX_IDLE_DAYS} days after {instant.isoformat()}")

    # ----------------------------------------------------------------- internals

    def _require_working_time(self) -> None:
        if not self._week_total:
            raise ValueError("calendar has no working time")

    def _instant(self, day: date, offset: timedelta) -> datetime:
        # Wall time -> UTC. A nonexistent wall time (spring-forward gap) resolves with
        # fold=0, i.e. the pre-transition offset, as zoneinfo does by default: in
        # Paris 02:30 on the change day becomes 01:30Z, later than 03:00 (01:00Z).
        wall = datetime(day.year, day.month, day.day) + offset
        return wall.replace(tzinfo=self._zone).astimezone(UTC)

    def _day_intervals(self, day: date) -> tuple[_Interval, ...]:
        """Working intervals of local ``day`` as UTC instants, in window order."""
        cached = self._day_cache.get(day)
        if cached is not None:
            return cached
        intervals: list[_Interval] = []
        if not self.is_holiday(day):
            for start_offset, end_offset in self._spans_by_weekday[day.weekday()]:
                opens = self._instant(day, start_offset)
                closes = self._instant(day, end_offset)
                # A window lying partly inside a DST gap can shrink to nothing (or even
                # invert, see _instant); it may also overlap the next window, which the
                # callers absorb by never counting before the end of the last interval.
                if closes > opens:
                    intervals.append((opens, closes))
        result = tuple(intervals)
        if len(self._day_cache) >= _DAY_CACHE_LIMIT:
            self._day_cache.clear()
        self._day_cache[day] = result
        return result

    def _is_plain_week(self, first: date) -> bool:
        """No holiday and no UTC-offset change in the 7 local days from ``first``.

        Assumes a zone never changes offset and changes back within one week, which
        holds for every zone in the tz database.
        """
        if self.holidays:
            holidays = self.holiday_dates(first.year)
            last = first + _WEEK_DAYS[-1]
            if last.year != first.year:
                holidays = holidays | self.holiday_dates(last.year)
            if holidays and not holidays.isdisjoint([first + offset for offset in _WEEK_DAYS]):
                return False
        return self._midnight_offset(first) == self._midnight_offset(first + _ONE_WEEK)

    def _midnight_offset(self, day: date) -> timedelta | None:
        return datetime(day.year, day.month, day.day, tzinfo=self._zone).utcoffset()


def fraction_elapsed(cal: WorkCalendar, start: datetime, due: datetime, now: datetime) -> float:
    """Share of the working time from ``start`` to ``due`` that has passed at ``now``.

    0.0 before work starts, 1.0 at the due instant, above 1.0 once working time
    past the due date accumulates. When no working time separates start and due
    (due == start), the SLA is all-or-nothing: 1.0 from ``due`` on, else 0.0.
    """
    allowed = cal.working_time_between(start, due)
    if not allowed:
        return 1.0 if _to_utc(now, "now") >= _to_utc(due, "due") else 0.0
    return cal.working_time_between(start, now) / allowed
