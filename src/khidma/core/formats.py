"""Dates, times, numbers and text direction as each of the ten languages writes them.

Pure functions over CLDR (Babel) and the Umm al-Qura calendar (hijridate); the template filters in
``khidma/core/templatetags/khidma_format.py`` wrap them. ``language`` defaults to the active language and
``tz`` to the active time zone (the organization's, see ``Organization.tz``).

Digits (docs/languages.md):

- **identifiers** — reference numbers, phone numbers, closure codes, coordinates — are always written with
  Western digits and isolated left-to-right (``ltr``): people type them back, read them out over the phone
  and compare them with what staff see;
- **dates, times, counts and durations** follow the language's CLDR default numbering system: Persian
  (۰–۹) and Bengali (০–৯) digits on Persian and Bengali pages, Western digits in the other eight languages —
  CLDR's default for Arabic, Urdu and Hindi too, and what Saudi government services print.

Nothing here writes a numeric-only date ("12/06/2026" is the 12th of June or the 6th of December depending on
the reader): dates always name the month.
"""

from __future__ import annotations

import datetime
import json
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel import dates as babel_dates
from babel import lists as babel_lists
from babel import numbers as babel_numbers
from babel import units as babel_units
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from hijridate import Gregorian

from khidma.core import clock
from khidma.core.languages import Name, base_language, direction

# First code point of each numbering system's digits (CLDR numbering-system ids).
_ZERO = {"arab": 0x660, "arabext": 0x6F0, "beng": 0x9E6, "deva": 0x966}
MINUS = "\u2212"  # a real minus sign: a hyphen reads as a dash and may break the line after it
SEPARATOR = " · "  # between the Gregorian and the Hijri date

_DURATION_UNITS = (("day", 86400), ("hour", 3600), ("minute", 60))


@cache
def _locale(language: str) -> Locale:
    try:
        return Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def _lang(language: str | None) -> str:
    return base_language(language)


@cache
def _digit_table(language: str) -> dict[int, str] | None:
    zero = _ZERO.get(_locale(language).default_numbering_system)
    if zero is None:
        return None
    return str.maketrans("0123456789", "".join(chr(zero + i) for i in range(10)))


def digits(text: str, language: str | None = None) -> str:
    """Western digits in ``text`` as the language writes them (only Persian and Bengali differ)."""
    table = _digit_table(_lang(language))
    return text.translate(table) if table else text


def _local(value: datetime.date, tz: datetime.tzinfo | None) -> datetime.date:
    if isinstance(value, datetime.datetime):
        tz = tz or timezone.get_current_timezone()
        if timezone.is_naive(value):
            value = value.replace(tzinfo=tz)
        return value.astimezone(tz)
    return value


def _day(value: datetime.date, tz: datetime.tzinfo | None) -> datetime.date:
    local = _local(value, tz)
    return local.date() if isinstance(local, datetime.datetime) else local


# --- Dates and times ----------------------------------------------------------------------------------------


def date(
    value: datetime.date, language: str | None = None, *, tz: datetime.tzinfo | None = None, weekday=False
) -> str:
    """ "6 ديسمبر 2026", "December 6, 2026"; with ``weekday``: "الأحد، 6 ديسمبر 2026"."""
    language = _lang(language)
    text = babel_dates.format_date(_day(value, tz), "full" if weekday else "long", locale=_locale(language))
    return digits(text, language)


def short_date(
    value: datetime.date, language: str | None = None, *, tz: datetime.tzinfo | None = None
) -> str:
    """Day and month without the year, for lists: "6 ديسمبر", "Dec 6"."""
    language = _lang(language)
    return digits(babel_dates.format_skeleton("MMMd", _day(value, tz), locale=_locale(language)), language)


def weekday_date(
    value: datetime.date, language: str | None = None, *, tz: datetime.tzinfo | None = None
) -> str:
    """Weekday, day and month, for the days of a week ahead: "الأحد، 6 ديسمبر", "Sun, December 6"."""
    language = _lang(language)
    return digits(
        babel_dates.format_skeleton("MMMMEEEEd", _day(value, tz), locale=_locale(language)), language
    )


def time(value: datetime.datetime, language: str | None = None, *, tz: datetime.tzinfo | None = None) -> str:
    """ "3:30 م", "3:30 PM", "15:30"."""
    language = _lang(language)
    return digits(babel_dates.format_time(_local(value, tz), "short", locale=_locale(language)), language)


def date_time(
    value: datetime.datetime,
    language: str | None = None,
    *,
    tz: datetime.tzinfo | None = None,
    short: bool = False,
) -> str:
    """ "6 ديسمبر 2026، 3:30 م"; ``short`` leaves the year out ("6 ديسمبر، 3:30 م") for lists."""
    pattern, day, clock_time = date_time_parts(value, language, tz=tz, short=short)
    return pattern.replace("{1}", day).replace("{0}", clock_time)


def date_time_parts(
    value: datetime.datetime,
    language: str | None = None,
    *,
    tz: datetime.tzinfo | None = None,
    short: bool = False,
) -> tuple[str, str, str]:
    """The language's pattern joining a date ("{1}") and a time ("{0}"), the date and the time: pages
    isolate each part, so a Latin "AM" in an Urdu date does not pull the digits around it out of order."""
    language = _lang(language)
    local = _local(value, tz)
    day = short_date(local, language) if short else date(local, language)
    pattern = str(_locale(language).datetime_formats["medium"])
    return pattern, day, time(local, language)


def time_range(
    start: datetime.datetime,
    end: datetime.datetime,
    language: str | None = None,
    *,
    tz: datetime.tzinfo | None = None,
) -> str:
    """Opening hours: "7:30 ص – 2:30 م", "7:30 AM – 2:30 PM", "۷:۳۰ تا ۱۴:۳۰". Written in the page's
    direction (not forced left-to-right), so a right-to-left reader meets the opening time first."""
    language = _lang(language)
    pattern = str(_locale(language).interval_formats.get(None) or "{0} – {1}")
    return pattern.replace("{0}", time(start, language, tz=tz)).replace("{1}", time(end, language, tz=tz))


@cache
def _hijri_names() -> dict[str, dict]:
    path = Path(__file__).with_name("data") / "hijri.json"
    return json.loads(path.read_text(encoding="utf-8"))


def hijri(
    value: datetime.date, language: str | None = None, *, tz: datetime.tzinfo | None = None, year: bool = True
) -> str:
    """The Umm al-Qura date: "26 جمادى الآخرة 1448هـ", "26 Jumada al-Akhirah 1448 AH". Outside the
    calendar's tables (before 1343 or after 1500 AH) there is no Hijri date: ""."""
    language = _lang(language)
    day = _day(value, tz)
    try:
        h = Gregorian(day.year, day.month, day.day).to_hijri()
    except (OverflowError, ValueError):
        return ""
    names = _hijri_names()
    entry = names.get(language) or names["en"]
    month = entry["months"][h.month - 1]
    text = entry["pattern"].format(day=h.day, month=month, year=h.year) if year else f"{h.day} {month}"
    return digits(text, language)


def dual_date(
    value: datetime.date, language: str | None = None, *, tz: datetime.tzinfo | None = None, weekday=True
) -> str:
    """The Gregorian date with the Hijri one beside it: "الأحد، 6 ديسمبر 2026 · 26 جمادى الآخرة 1448هـ"."""
    gregorian = date(value, language, tz=tz, weekday=weekday)
    hijri_text = hijri(value, language, tz=tz)
    return f"{gregorian}{SEPARATOR}{hijri_text}" if hijri_text else gregorian


def dual_date_time(
    value: datetime.datetime, language: str | None = None, *, tz: datetime.tzinfo | None = None
) -> str:
    """ "6 ديسمبر 2026، 3:30 م · 26 جمادى الآخرة 1448هـ"."""
    hijri_text = hijri(value, language, tz=tz)
    text = date_time(value, language, tz=tz)
    return f"{text}{SEPARATOR}{hijri_text}" if hijri_text else text


# --- Durations --------------------------------------------------------------------------------------------


def _seconds(value: datetime.timedelta | float | int) -> float:
    return value.total_seconds() if isinstance(value, datetime.timedelta) else float(value)


def duration(
    value: datetime.timedelta | float | int,
    language: str | None = None,
    *,
    parts: int = 2,
    length: str = "long",
) -> str:
    """A length of time without its sign, in at most ``parts`` units: "يومان و3 ساعات", "5 hours and
    30 minutes", "less than a minute" is "0 minutes"."""
    language = _lang(language)
    locale = _locale(language)
    remaining = int(abs(_seconds(value)))
    pieces = []
    for unit, size in _DURATION_UNITS:
        amount, remaining = divmod(remaining, size)
        if amount and len(pieces) < parts:
            pieces.append(babel_units.format_unit(amount, f"duration-{unit}", length=length, locale=locale))
        elif pieces:
            break  # "2 days and 5 minutes" skips the hours: say "2 days" instead
    if not pieces:
        pieces = [babel_units.format_unit(0, "duration-minute", length=length, locale=locale)]
    # CLDR's "standard" list ("A and B"): Babel's Arabic "unit" list pattern repeats the last item.
    return digits(babel_lists.format_list(pieces, style="standard", locale=locale), language)


def relative(
    value: datetime.datetime, language: str | None = None, *, now: datetime.datetime | None = None
) -> str:
    """How far a moment is from now, with its direction: "خلال 3 ساعات", "3 hours ago"."""
    language = _lang(language)
    delta = value - (now or clock.now())
    text = babel_dates.format_timedelta(
        delta, granularity="minute", threshold=1.0, add_direction=True, locale=_locale(language)
    )
    return digits(text, language)


# --- Numbers ----------------------------------------------------------------------------------------------


def number(value: float | int, language: str | None = None, *, decimals: int | None = None) -> str:
    """A count or measure with the language's grouping, decimal sign and digits: "1,234", "۱٬۲۳۴"."""
    language = _lang(language)
    pattern = None if decimals is None else "#,##0" + ("." + "0" * decimals if decimals else "")
    text = babel_numbers.format_decimal(
        value, format=pattern, locale=_locale(language), numbering_system="default"
    )
    return digits(text, language).replace("-", MINUS)


def signed(
    value: float | int, language: str | None = None, *, unit: str | None = None, decimals: int = 0
) -> str:
    """A number with its sign always shown and a real minus: "+3", "−6", "−6 h" (``unit`` is a CLDR
    duration unit: "hour", "day", "minute")."""
    language = _lang(language)
    rounded = round(float(value), decimals)
    sign = "+" if rounded > 0 else MINUS if rounded < 0 else ""
    magnitude = abs(rounded) if decimals else int(abs(rounded))
    if unit:
        body = babel_units.format_unit(
            magnitude, f"duration-{unit}", length="short", locale=_locale(language)
        )
        body = digits(body, language)
    else:
        body = number(magnitude, language, decimals=decimals or None)
    return f"{sign}{body}"


def signed_html(
    value: float | int, language: str | None = None, *, unit: str | None = None, decimals: int = 0
) -> SafeString:
    """``signed`` for pages: the signed number isolated left-to-right, so "−6" never shows as "6−"; its unit
    stays in the reading order of the page's language ("−6 س", "−6 گھنٹے" read right to left)."""
    text = signed(value, language, unit=unit, decimals=decimals)
    rounded = round(float(value), decimals)
    magnitude = number(abs(rounded) if decimals else int(abs(rounded)), language, decimals=decimals or None)
    sign = text[: len(text) - len(text.lstrip("+" + MINUS))]
    body = text[len(sign) :]
    at = body.find(magnitude)
    if at < 0:  # a unit pattern that spells the number out: isolate the whole
        return ltr(text)
    return format_html("<bdi>{}{}{}</bdi>", body[:at], ltr(f"{sign}{magnitude}"), body[at + len(magnitude) :])


# --- Identifiers: always Western digits, always left-to-right -----------------------------------------------


def coordinates_text(lat: float, lon: float, *, places: int = 5) -> str:
    """ "21.39038, 39.70503": a point as people copy it into a map, never localized."""
    return f"{lat:.{places}f}, {lon:.{places}f}"


def ltr(text: object) -> SafeString:
    """``text`` (escaped) isolated left-to-right, so a right-to-left page does not reorder it:
    "+966501159789" does not become "966501159789+"."""
    return format_html('<bdi dir="ltr">{}</bdi>', text)


def ltr_plain(text: str) -> str:
    """The same for plain text (messages, JSON): LEFT-TO-RIGHT ISOLATE … POP DIRECTIONAL ISOLATE."""
    return f"\u2066{text}\u2069"


def coordinates_html(lat: float, lon: float, *, places: int = 5) -> SafeString:
    return ltr(coordinates_text(lat, lon, places=places))


# --- Names in another language ------------------------------------------------------------------------------


def name_html(name: Name, page_language: str | None = None) -> SafeString:
    """A name (escaped); marked with its own ``lang`` and ``dir`` when it is not in the page's language,
    so screen readers pronounce it in its language and a right-to-left name keeps its order."""
    if not name.text:
        return SafeString("")
    if name.language == _lang(page_language):
        return format_html("{}", name.text)
    return format_html(
        '<span lang="{}" dir="{}">{}</span>', name.language, direction(name.language), name.text
    )
