"""Numbers, shares, durations and dates as the dashboard, the season reports and their exports write them.

One small place on purpose: the shared formatting module (CLDR dates with the Hijri date beside them) will
replace these functions' bodies without their callers changing.
"""

from __future__ import annotations

import datetime
from functools import cache

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from babel import units as babel_units
from django.utils.translation import get_language
from hijridate import Gregorian


@cache
def _parsed(language: str) -> Locale:
    return Locale.parse(language)


def _locale(language: str | None) -> Locale:
    # Parsed once per language: a report formats hundreds of numbers.
    return _parsed((language or get_language() or "ar").split("-")[0])


@cache
def _pattern(text: str):
    return babel_numbers.parse_pattern(text)


def _apply(value: float | int, pattern: str, language: str | None) -> str:
    return _pattern(pattern).apply(value, _locale(language))


def number(value: float | int | None, language: str | None = None) -> str:
    if value is None:
        return "—"
    return _apply(value, "#,##0.#", language)


def percent(share: float | None, language: str | None = None) -> str:
    if share is None:
        return "—"
    return _apply(share, "#,##0%", language)


def signed_percent(share: float | None, language: str | None = None) -> str:
    if share is None:
        return "—"
    return _apply(share, "+#,##0%;−#,##0%", language)


def signed_number(value: float | int | None, language: str | None = None) -> str:
    if value is None:
        return "—"
    return _apply(value, "+#,##0;−#,##0", language)


def hours(seconds: int | None, language: str | None = None) -> str:
    """A duration in hours with one decimal ("26.5 hr", "26.5 س")."""
    if seconds is None:
        return "—"
    return babel_units.format_unit(
        seconds / 3600, "duration-hour", length="short", format="#,##0.#", locale=_locale(language)
    )


def day(value: datetime.date, language: str | None = None) -> str:
    return babel_dates.format_date(value, "long", locale=_locale(language))


def short_day(value: datetime.date, language: str | None = None) -> str:
    return babel_dates.format_skeleton("MMMd", value, locale=_locale(language))


def hijri_day(value: datetime.date, language: str | None = None) -> str:
    """ "1 ذو الحجة 1447 هـ", "1 Dhu al-Hijjah 1447 AH" (Umm al-Qura)."""
    hijri = Gregorian.fromdate(value).to_hijri()
    arabic = _locale(language).language == "ar"
    month = hijri.month_name("ar" if arabic else "en")
    suffix = "هـ" if arabic else "AH"
    return f"{hijri.day} {month} {hijri.year} {suffix}"


def dual_day(value: datetime.date, language: str | None = None) -> str:
    return f"{day(value, language)} · {hijri_day(value, language)}"


def day_range(start: datetime.date, end: datetime.date, language: str | None = None) -> str:
    """Both calendars: "18 May 2026 – 1 June 2026 (1 Dhu al-Hijjah – 15 Dhu al-Hijjah 1447 AH)"."""
    if start == end:
        return dual_day(start, language)
    gregorian = f"{day(start, language)} – {day(end, language)}"
    return f"{gregorian} · {hijri_day(start, language)} – {hijri_day(end, language)}"


def hour_of_day(hour: int, language: str | None = None) -> str:
    return babel_dates.format_time(datetime.time(hour), "HH:mm", locale=_locale(language))


def moment(value: datetime.datetime, language: str | None = None, tz=None) -> str:
    """A day named by its month, and the time: "December 6, 2026 · 15:41"."""
    local = value.astimezone(tz) if tz else value
    clock_time = babel_dates.format_time(local, "HH:mm", locale=_locale(language))
    return f"{day(local.date(), language)} · {clock_time}"
