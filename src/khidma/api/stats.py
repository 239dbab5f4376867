"""Statistics for programs (Bearer API tokens): the figures of the dashboard and the season reports.

Only supervisors, the follow-up unit, department heads and organization administrators may read them, each
over the cases they may see (reports/access.py). Every figure counts the cases received in the period.
"""

from __future__ import annotations

import datetime

from django.http import HttpRequest
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router

from khidma.accounts.models import User
from khidma.api.auth import StaffToken
from khidma.api.schemas import ErrorsOut
from khidma.api.stats_schemas import SummaryOut, TimeseriesOut
from khidma.cases.models import Channel
from khidma.core.errors import DomainError, FieldError, NotFound
from khidma.organizations.models import CaseKind
from khidma.reports import access, facts, figures, periods, seasons
from khidma.reports.hotspots import bounds

router = Router(tags=["statistics"], auth=StaffToken())
_ERRORS = {400: ErrorsOut, 401: ErrorsOut, 403: ErrorsOut, 404: ErrorsOut}
# Hourly series are for a month at most (744 points).
MAX_HOURLY_DAYS = 31


def _period(user: User, start: datetime.date | None, end: datetime.date | None, season: str | None):
    if season:
        found = seasons.season_get(organization_id=user.organization_id, code=season)
        if found is None:
            raise NotFound.single("season", "not_found", _("There is no season with this code."))
        return periods.season_period(found)
    today = user.organization.local_today()
    errors = []
    if start is None:
        errors.append(FieldError("from", "required", _("Give the first day, or a season.")))
    if end is None:
        end = today
    if start is not None and end < start:
        errors.append(FieldError("to", "before_start", _("The end date is before the start date.")))
    elif start is not None and (end - start).days >= periods.MAX_DAYS:
        errors.append(FieldError("to", "too_long", _("Choose at most two years.")))
    if errors:
        raise DomainError(*errors)
    return periods.Period("custom", start, end)


def _filters(**given) -> figures.ReportFilters:
    errors = []
    if given["channel"] and given["channel"] not in Channel.values:
        errors.append(
            FieldError("channel", "invalid_choice", _("This value is not one of the allowed choices."))
        )
    if given["kind"] and given["kind"] not in CaseKind.values:
        errors.append(
            FieldError("kind", "invalid_choice", _("This value is not one of the allowed choices."))
        )
    if errors:
        raise DomainError(*errors)
    return figures.ReportFilters(**given)


def _duration(values: dict) -> dict:
    return {"median_seconds": values.get(0.5), "p90_seconds": values.get(0.9)}


def _figures(f: figures.Figures) -> dict:
    d = f.durations
    return {
        "received": f.received,
        "open": f.is_open,
        "closed": f.is_closed,
        "closure_rate": f.closure_rate,
        "confirmed": f.confirmed,
        "unconfirmed": f.unconfirmed,
        "closed_by_staff": f.closed_by_staff,
        "reopened": f.reopened,
        "reopen_rate": f.reopen_rate,
        "first_response": {
            "met": f.first_response_met,
            "missed": f.first_response_missed,
            "overdue": f.first_response_overdue,
            "compliance": f.first_response_compliance,
        },
        "resolution": {
            "met": f.resolution_met,
            "missed": f.resolution_missed,
            "breached_open": f.resolution_breached,
            "compliance": f.resolution_compliance,
        },
        "satisfaction": {
            "count": f.rated,
            "average": round(f.rating_average, 2) if f.rating_average is not None else None,
            "distribution": {str(n): f.ratings.get(n, 0) for n in range(1, 6)},
        },
        "time_to_first_response": {
            "elapsed": _duration(d.get("first_response_seconds", {})),
            "working": _duration(d.get("first_response_work_seconds", {})),
        },
        "time_to_close": {
            "elapsed": _duration(d.get("close_seconds", {})),
            "working": _duration(d.get("close_work_seconds", {})),
        },
    }


def _name(report: figures.Report, dimension: str, key, language: str) -> str:
    if dimension in ("channel", "kind"):
        choices = Channel if dimension == "channel" else CaseKind
        return str(choices(key).label) if key in choices.values else (key or "")
    if dimension == "language":
        try:
            return str(get_language_info(key)["name_translated"]) if key else ""
        except KeyError:
            return key
    row = report.lookups.get(dimension, key)
    if row is None:
        return ""
    if dimension == "assignee":
        return row.get_full_name() or row.username
    return row.name_in(language)


def _period_out(period: periods.Period | None) -> dict | None:
    if period is None:
        return None
    return {"from": period.start, "to": period.end, "season": period.season.code if period.season else None}


def _common(user: User, start, end, season, **given):
    access.ensure_can_view_reports(user)
    return _period(user, start, end, season), _filters(**given)


@router.get("/stats/summary", response={200: SummaryOut, **_ERRORS}, by_alias=True)
def stats_summary(
    request: HttpRequest,
    start: datetime.date | None = Query(None, alias="from", description="First day received (included)"),
    end: datetime.date | None = Query(None, alias="to", description="Last day received (included); today"),
    season: str | None = Query(None, description="A season's code instead of from/to, e.g. hajj-1447"),
    department: str | None = None,
    area: str | None = None,
    channel: str | None = None,
    category: str | None = None,
    language: str | None = None,
    kind: str | None = None,
    assignee: int | None = Query(None, description="A staff member's id"),
):
    """The dashboard's figures for the cases received in a period, compared with the period before (the
    season of the same kind before, for a season), broken down by each dimension."""
    user: User = request.auth
    period, filters = _common(
        user,
        start,
        end,
        season,
        department=department,
        area=area,
        channel=channel,
        category=category,
        language=language,
        kind=kind,
        assignee=assignee,
    )
    today = user.organization.local_today()
    report = figures.report(
        access.facts_visible_to(user),
        organization=user.organization,
        period=period,
        filters=filters,
        today=today,
        hotspot_days=0,
        breakdown_limit=None,
        as_of=facts.facts_as_of(),
        scope=access.summary_scope(user),
    )
    language_code = (get_language() or "ar").split("-")[0]
    return {
        "period": _period_out(period),
        "filters": {name: str(value) for name, value in filters.used().items()},
        "figures": _figures(report.figures),
        "previous_period": _period_out(report.previous_period),
        "previous": _figures(report.previous) if report.previous is not None else None,
        "breakdowns": {
            dimension: [
                {
                    "key": report.lookups.code(dimension, row.key) if row.key is not None else None,
                    "name": _name(report, dimension, row.key, language_code),
                    "received": row.figures.received,
                    "open": row.figures.is_open,
                    "closed": row.figures.is_closed,
                    "closure_rate": row.figures.closure_rate,
                    "resolution_compliance": row.figures.resolution_compliance,
                    "satisfaction_average": row.figures.rating_average,
                }
                for row in rows
            ]
            for dimension, rows in report.breakdowns.items()
        },
        "by_hour_of_day": report.hours,
        "backlog": [
            {"min_age_days": b.first_day, "max_age_days": b.last_day, "open": b.count} for b in report.backlog
        ],
        "hotspots": [
            dict(
                zip(
                    ("south", "west", "north", "east"),
                    bounds(spot.y, spot.x),
                    strict=True,
                ),
                category=report.lookups.code("category", spot.category_id),
                count=spot.count,
            )
            for spot in report.hotspots
        ],
        "as_of": report.as_of,
    }


@router.get("/stats/timeseries", response={200: TimeseriesOut, **_ERRORS}, by_alias=True)
def stats_timeseries(
    request: HttpRequest,
    start: datetime.date | None = Query(None, alias="from", description="First day received (included)"),
    end: datetime.date | None = Query(None, alias="to", description="Last day received (included); today"),
    season: str | None = Query(None, description="A season's code instead of from/to"),
    interval: str = Query("day", description="day, or hour (for at most 31 days)"),
    department: str | None = None,
    area: str | None = None,
    channel: str | None = None,
    category: str | None = None,
    language: str | None = None,
    kind: str | None = None,
    assignee: int | None = None,
):
    """Cases received per day (every day of the period) or per hour (hours with cases), with how many of
    them are open and closed now and their service-level compliance."""
    user: User = request.auth
    period, filters = _common(
        user,
        start,
        end,
        season,
        department=department,
        area=area,
        channel=channel,
        category=category,
        language=language,
        kind=kind,
        assignee=assignee,
    )
    if interval not in ("day", "hour"):
        raise DomainError.single(
            "interval", "invalid_choice", _("This value is not one of the allowed choices.")
        )
    if interval == "hour" and period.days > MAX_HOURLY_DAYS:
        raise DomainError.single("to", "too_long", _("Hourly figures cover at most 31 days."))
    zone = user.organization.tz
    lookups = figures.Lookups(user.organization_id)
    narrowed = figures.narrow(access.facts_visible_to(user), period=period, filters=filters, lookups=lookups)
    if interval == "day":
        rows = [
            (datetime.datetime.combine(row.day, datetime.time(), tzinfo=zone), row.figures)
            for row in figures.by_day(narrowed, period)
        ]
    else:
        rows = figures.by_hour(narrowed, tz=zone)
    return {
        "interval": interval,
        "period": _period_out(period),
        "filters": {name: str(value) for name, value in filters.used().items()},
        "points": [
            {
                "start": moment,
                "received": f.received,
                "open": f.is_open,
                "closed": f.is_closed,
                "closure_rate": f.closure_rate,
                "first_response_compliance": f.first_response_compliance,
                "resolution_compliance": f.resolution_compliance,
            }
            for moment, f in rows
        ],
    }
