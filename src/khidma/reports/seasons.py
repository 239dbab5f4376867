"""Seasons: writing them (with their Umm al-Qura dates) and finding the one to compare a season with."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from django.db import transaction
from django.db.models import QuerySet
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from hijridate import Gregorian, Hijri

from khidma.core.errors import DomainError, FieldError
from khidma.organizations.models import Organization
from khidma.reports.models import Season

HijriDate = tuple[int, int, int]

# hijridate's Umm al-Qura tables cover these years (docs: 1343–1500 AH).
FIRST_YEAR, LAST_YEAR = 1343, 1500
_MAX_DAYS = 366


def hijri_to_date(year: int, month: int, day: int) -> datetime.date:
    """The Gregorian day of a Hijri date on the Umm al-Qura calendar; ValueError when there is no such day
    (a 30th in a month of 29 days, a year outside the tables)."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError("year outside the Umm al-Qura tables")
    return Hijri(year, month, day, validate=True).to_gregorian()


def date_to_hijri(day: datetime.date) -> HijriDate:
    hijri = Gregorian.fromdate(day).to_hijri()
    return (hijri.year, hijri.month, hijri.day)


def hijri_month_days(year: int, month: int) -> int:
    first = hijri_to_date(year, month, 1)
    following = hijri_to_date(year + (month == 12), month % 12 + 1, 1)
    return (following - first).days


def season_check(
    *,
    organization: Organization,
    kind: str,
    start: HijriDate,
    end: HijriDate,
    code: str = "",
    season: Season | None = None,
) -> tuple[str, datetime.date, datetime.date]:
    """The season's code and Gregorian first and last days, or a DomainError naming every problem. Writes
    nothing (the admin's form checks with it before saving)."""
    errors: list[FieldError] = []
    if kind not in Season.Kind.values:
        errors.append(FieldError("kind", "invalid_choice", _("Choose a kind of season.")))
    days: dict[str, datetime.date] = {}
    for field, value in (("start", start), ("end", end)):
        try:
            days[field] = hijri_to_date(*value)
        except (ValueError, TypeError, OverflowError):
            errors.append(
                FieldError(field, "invalid_date", _("There is no such day in the Umm al-Qura calendar."))
            )
    if len(days) == 2 and days["end"] < days["start"]:
        errors.append(FieldError("end", "before_start", _("The last day is before the first day.")))
    elif len(days) == 2 and (days["end"] - days["start"]).days >= _MAX_DAYS:
        errors.append(FieldError("end", "too_long", _("A season lasts a year at most.")))
    code = slugify(code) or (f"{kind}-{start[0]}" if start and start[0] else "")
    clash = Season.objects.filter(organization=organization, code=code)
    if season is not None and season.pk:
        clash = clash.exclude(pk=season.pk)
    if clash.exists():
        errors.append(FieldError("code", "duplicate", _("Another season already has this code.")))
    if errors:
        raise DomainError(*errors)
    return code, days["start"], days["end"]


@transaction.atomic
def season_save(
    *,
    organization: Organization,
    kind: str,
    start: HijriDate,
    end: HijriDate,
    names: Mapping[str, str] | None = None,
    code: str = "",
    season: Season | None = None,
) -> Season:
    """Create a season (or change ``season``). Every problem is reported at once; nothing is written then."""
    code, starts_on, ends_on = season_check(
        organization=organization, kind=kind, start=start, end=end, code=code, season=season
    )
    season = season or Season(organization=organization)
    season.organization = organization
    season.code = code
    season.kind = kind
    season.names = {k: v.strip() for k, v in (names or {}).items() if v and v.strip()}
    season.start_year, season.start_month, season.start_day = start
    season.end_year, season.end_month, season.end_day = end
    season.starts_on, season.ends_on = starts_on, ends_on
    season.save()
    return season


# The seasons every Makkah installation reports on, by Hijri year: Ramadan (the whole month) and Hajj
# (1–15 Dhu al-Hijjah, from the pilgrims' arrival peak to the last days of Tashreeq and the first departures).
STANDARD_NAMES = {
    "hajj": {"ar": "موسم حج %(year)s هـ", "en": "Hajj season %(year)s AH"},
    "ramadan": {"ar": "موسم رمضان %(year)s هـ", "en": "Ramadan %(year)s AH"},
}


def seasons_standard(*, organization: Organization, year: int) -> list[Season]:
    """Ramadan and Hajj of a Hijri year, created when missing."""
    made = []
    for kind, start, end in (
        ("ramadan", (year, 9, 1), (year, 9, hijri_month_days(year, 9))),
        ("hajj", (year, 12, 1), (year, 12, 15)),
    ):
        existing = Season.objects.filter(organization=organization, code=f"{kind}-{year}").first()
        names = {lang: text % {"year": year} for lang, text in STANDARD_NAMES[kind].items()}
        made.append(
            existing or season_save(organization=organization, kind=kind, start=start, end=end, names=names)
        )
    return made


def season_list(*, organization_id: int) -> QuerySet[Season]:
    return Season.objects.filter(organization_id=organization_id).order_by("-starts_on")


def season_get(*, organization_id: int, code: str) -> Season | None:
    return season_list(organization_id=organization_id).filter(code=code).first()


def season_previous(season: Season) -> Season | None:
    """The season of the same kind before this one: what a season report compares with."""
    return (
        Season.objects.filter(
            organization_id=season.organization_id, kind=season.kind, starts_on__lt=season.starts_on
        )
        .order_by("-starts_on")
        .first()
    )


def season_last_finished(
    *, organization_id: int, today: datetime.date, kind: str | None = None
) -> Season | None:
    seasons = season_list(organization_id=organization_id).filter(ends_on__lt=today)
    if kind:
        seasons = seasons.filter(kind=kind)
    return seasons.first()
