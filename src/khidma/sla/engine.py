"""From configuration rows to the pure working-time engine, and policy selection."""

from __future__ import annotations

import datetime
from functools import lru_cache

from khidma.core.memo import remembered
from khidma.sla.models import DAY_NAMES, Calendar, Holiday, SlaPolicy
from khidma.sla.worktime import (
    AnnualGregorianHoliday,
    AnnualHijriHoliday,
    GregorianHoliday,
    WorkCalendar,
    WorkingWindow,
)


def _time(text: str) -> datetime.time:
    if text in {"24:00", "24:00:00"}:
        return datetime.time(0, 0)  # the engine's spelling of "until midnight"
    return datetime.time.fromisoformat(text)


def _holiday(row: Holiday):
    if row.kind == Holiday.Kind.ONCE:
        return GregorianHoliday(row.start_date, row.end_date or row.start_date, row.name)
    if row.kind == Holiday.Kind.GREGORIAN:
        return AnnualGregorianHoliday(row.month, row.day, row.days, row.name)
    return AnnualHijriHoliday(row.month, row.day, row.days, row.name)


def build_calendar(calendar: Calendar) -> WorkCalendar:
    """Raises ValueError for a malformed configuration (overlapping windows, bad times)."""
    if calendar.always_open:
        return WorkCalendar.twenty_four_seven(calendar.time_zone)
    windows = []
    for day, spans in (calendar.windows or {}).items():
        if day not in DAY_NAMES:
            raise ValueError(f"unknown day {day!r}: use {', '.join(DAY_NAMES)}")
        for start, end in spans:
            windows.append(WorkingWindow(DAY_NAMES.index(day), _time(start), _time(end)))
    holidays = tuple(_holiday(row) for row in calendar.holidays.all())
    return WorkCalendar(tz=calendar.time_zone, windows=tuple(windows), holidays=holidays)


@lru_cache(maxsize=256)
def _cached(calendar_id: int, version: datetime.datetime) -> WorkCalendar:
    return build_calendar(Calendar.objects.get(pk=calendar_id))


def work_calendar(calendar: Calendar) -> WorkCalendar:
    """The engine for a calendar row, cached per process until the row (or its holidays) change."""
    return _cached(calendar.pk, calendar.updated_at)


@remembered(seconds=30, forget_on=(SlaPolicy, Calendar, Holiday))
def _active_policies(*, organization_id: int) -> list[SlaPolicy]:
    """Remembered for 30 s per process (at once in the process that edits one): every new case and every
    change of category, kind or priority chooses among them."""
    return list(
        SlaPolicy.objects.filter(organization_id=organization_id, is_active=True).select_related("calendar")
    )


def policy_select(
    *, organization_id: int, kind: str, category_id: int | None, priority: str
) -> SlaPolicy | None:
    """The most specific active policy matching the case: priority outweighs category, category kind."""
    best: tuple[int, str] | None = None
    chosen = None
    for policy in _active_policies(organization_id=organization_id):
        if policy.priority and policy.priority != priority:
            continue
        if policy.category_id and policy.category_id != category_id:
            continue
        if policy.kind and policy.kind != kind:
            continue
        score = 4 * bool(policy.priority) + 2 * bool(policy.category_id) + bool(policy.kind)
        key = (-score, policy.code)
        if best is None or key < best:
            best, chosen = key, policy
    return chosen
