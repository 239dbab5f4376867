"""The periods a report covers: today, this week, this Hijri month, this Gregorian month, a season or any
range of days; and the period each is compared with."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from khidma.reports.models import Season
from khidma.reports.seasons import date_to_hijri, hijri_month_days, hijri_to_date, season_previous

PRESETS = {
    "today": _("Today"),
    "week": _("This week"),
    "hijri_month": _("This Hijri month"),
    "month": _("This Gregorian month"),
    "season": _("A season"),
    "custom": _("Custom dates"),
}
DEFAULT_PRESET = "hijri_month"
# The longest range a report covers: two Hijri years and a little.
MAX_DAYS = 800


@dataclass(frozen=True)
class Period:
    preset: str
    start: datetime.date
    end: datetime.date  # included
    season: Season | None = None

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def dates(self) -> list[datetime.date]:
        return [self.start + datetime.timedelta(days=n) for n in range(self.days)]

    def previous(self) -> Period | None:
        """What this period is compared with: the season of the same kind before, the month before, or the
        same number of days just before."""
        if self.preset == "season":
            earlier = season_previous(self.season) if self.season else None
            return season_period(earlier) if earlier else None
        if self.preset == "hijri_month":
            year, month, _day = date_to_hijri(self.start)
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
            return hijri_month(year, month)
        if self.preset == "month":
            last = self.start - datetime.timedelta(days=1)
            return Period("month", last.replace(day=1), last)
        length = datetime.timedelta(days=self.days)
        return Period(self.preset, self.start - length, self.end - length)


def hijri_month(year: int, month: int) -> Period:
    start = hijri_to_date(year, month, 1)
    return Period("hijri_month", start, start + datetime.timedelta(days=hijri_month_days(year, month) - 1))


def season_period(season: Season) -> Period:
    return Period("season", season.starts_on, season.ends_on, season)


def preset_period(preset: str, *, today: datetime.date) -> Period:
    """A preset that needs nothing but today's date (in the organization's time zone)."""
    if preset == "today":
        return Period("today", today, today)
    if preset == "week":
        # The working week starts on Sunday (Python's weekday: Monday 0 … Sunday 6).
        start = today - datetime.timedelta(days=(today.weekday() + 1) % 7)
        return Period("week", start, start + datetime.timedelta(days=6))
    if preset == "month":
        following = (today.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        return Period("month", today.replace(day=1), following - datetime.timedelta(days=1))
    year, month, _day = date_to_hijri(today)
    return hijri_month(year, month)
