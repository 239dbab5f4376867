"""`{% load khidma_format %}`: dates, numbers, names and directions as the page's language writes them.

Every interface app's templates can load it (it lives in ``khidma.core``). The filters format in the active
language and the active time zone — the organization's, which ``OrganizationTimeZoneMiddleware`` activates for
every page — and answer "" for an empty value, like Django's own.

=====================================  ===================================================================
``{{ t|local_date }}``                 6 ديسمبر 2026 (``:"weekday"``: الأحد، 6 ديسمبر 2026)
``{{ t|local_time }}``                 3:30 م
``{{ t|weekday_date }}``               الأحد، 6 ديسمبر
``{% time_range opens closes %}``      7:30 ص – 2:30 م (in the page's direction)
``{{ t|local_datetime }}``             6 ديسمبر 2026، 3:30 م (``:"short"``: 6 ديسمبر، 3:30 م, for lists)
``{{ t|hijri }}``                      26 جمادى الآخرة 1448هـ (``:"short"``: 26 جمادى الآخرة)
``{{ t|dual_date }}``                  الأحد، 6 ديسمبر 2026 · 26 جمادى الآخرة 1448هـ
``{{ t|dual_datetime }}``              6 ديسمبر 2026، 3:30 م · 26 جمادى الآخرة 1448هـ
``{{ t|relative }}``                   خلال 3 ساعات / قبل يومين
``{{ seconds|duration }}``             يومان و5 ساعات (a timedelta or seconds; the sign is dropped)
``{{ n|number }}``                     1,234 / ۱٬۲۳۴ (``:2``: two decimals)
``{{ n|signed }}``                     <bdi dir="ltr">−6</bdi> (``:"hour"``: −6 س, the number isolated)
``{{ seconds|signed_hours }}``         <bdi dir="ltr">−6</bdi> س
``{{ text|digits }}``                  Western digits as the language writes them
``{{ phone|ltr }}``                    <bdi dir="ltr">+966501159789</bdi>; also references, codes
``{% coordinates lat lon %}``          <bdi dir="ltr">21.39038, 39.70503</bdi>
``{{ department|local_name }}``        the name in the page's language, or <span lang="en" dir="ltr">…</span>
=====================================  ===================================================================
"""

from __future__ import annotations

import datetime

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from khidma.core import formats
from khidma.core.languages import Name, pick

register = template.Library()


def _empty(value: object) -> bool:
    return value is None or value == ""


@register.filter
def local_date(value: datetime.date | None, style: str = "") -> str:
    return "" if _empty(value) else formats.date(value, weekday=style == "weekday")


@register.filter
def local_time(value: datetime.datetime | None) -> str:
    return "" if _empty(value) else formats.time(value)


@register.filter
def weekday_date(value: datetime.date | None) -> str:
    return "" if _empty(value) else formats.weekday_date(value)


@register.simple_tag
def time_range(start: datetime.datetime | None, end: datetime.datetime | None) -> SafeString | str:
    if start is None or end is None:
        return ""
    return format_html("<bdi>{}</bdi>", formats.time_range(start, end))


def _bdi(text: str) -> SafeString:
    # No dir attribute: each part takes the direction of its own first letter (dir="auto").
    return format_html("<bdi>{}</bdi>", text)


def _date_time_html(value: datetime.datetime, *, short: bool = False) -> SafeString:
    pattern, day, clock_time = formats.date_time_parts(value, short=short)
    html = conditional_escape(pattern).replace("{1}", _bdi(day)).replace("{0}", _bdi(clock_time))
    return mark_safe(html)  # noqa: S308 - every part is escaped above


@register.filter
def local_datetime(value: datetime.datetime | None, style: str = "") -> SafeString | str:
    return "" if _empty(value) else _date_time_html(value, short=style == "short")


@register.filter
def hijri(value: datetime.date | None, style: str = "") -> str:
    return "" if _empty(value) else formats.hijri(value, year=style != "short")


def _with_hijri(gregorian: SafeString, value: datetime.date) -> SafeString:
    hijri_text = formats.hijri(value)
    if not hijri_text:
        return gregorian
    return format_html("{}{}{}", gregorian, formats.SEPARATOR, _bdi(hijri_text))


@register.filter
def dual_date(value: datetime.date | None, style: str = "weekday") -> SafeString | str:
    if _empty(value):
        return ""
    return _with_hijri(_bdi(formats.date(value, weekday=style == "weekday")), value)


@register.filter
def dual_datetime(value: datetime.datetime | None) -> SafeString | str:
    return "" if _empty(value) else _with_hijri(_date_time_html(value), value)


@register.filter
def relative(value: datetime.datetime | None) -> str:
    return "" if _empty(value) else formats.relative(value)


@register.filter
def duration(value: datetime.timedelta | float | int | None) -> str:
    return "" if _empty(value) else formats.duration(value)


@register.filter
def number(value: float | int | None, decimals: int | str | None = None) -> str:
    if _empty(value):
        return ""
    return formats.number(value, decimals=None if decimals in (None, "") else int(decimals))


@register.filter
def signed(value: float | int | None, unit: str = "") -> SafeString | str:
    if _empty(value):
        return ""
    return formats.signed_html(value, unit=unit or None)


@register.filter
def signed_hours(seconds: float | int | None) -> SafeString | str:
    """Seconds as whole hours with their sign: working time left (+5 h) or overdue (−6 h)."""
    if _empty(seconds):
        return ""
    return formats.signed_html(round(float(seconds) / 3600), unit="hour")


@register.filter
def digits(value: object) -> str:
    return "" if _empty(value) else formats.digits(str(value))


@register.filter
def ltr(value: object) -> SafeString | str:
    return "" if _empty(value) else formats.ltr(value)


@register.simple_tag
def coordinates(lat: float | None, lon: float | None, places: int = 5) -> SafeString | str:
    if lat is None or lon is None:
        return ""
    return formats.coordinates_html(float(lat), float(lon), places=places)


@register.filter
def local_name(value: object) -> SafeString | str:
    """A named object (anything with ``names``, the names themselves, or a picked ``Name``) in the page's
    language."""
    if _empty(value):
        return ""
    if isinstance(value, Name):
        return formats.name_html(value)
    names = value if isinstance(value, dict) else getattr(value, "names", None)
    if names is None:
        return str(value)
    return formats.name_html(pick(names))
