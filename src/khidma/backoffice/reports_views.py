"""The dashboard, the season report and their exports (PDF, XLSX, CSV), for supervisors, the follow-up unit,
department heads and organization administrators (reports/access.py). Views read the figures through
reports.figures over the rows the person may see, and present them through reports_present."""

from __future__ import annotations

import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from khidma.accounts.models import User
from khidma.backoffice import charts, exports
from khidma.backoffice import reportfmt as fmt
from khidma.backoffice.reports_forms import ReportForm
from khidma.backoffice.reports_present import Presented, present
from khidma.backoffice.views import _common, staff_required
from khidma.organizations.models import Area, Category, Department
from khidma.reports import access, facts, figures, periods, seasons
from khidma.reports.figures import Report

# The dashboard's hotspots: open reports received in the last two weeks of the period.
HOTSPOT_DAYS = 14
# The dashboard's breakdowns (the season report adds the service points).
DASHBOARD_DIMENSIONS = ("channel", "language", "category", "area", "department", "assignee")
SEASON_DIMENSIONS = (*DASHBOARD_DIMENSIONS, "service_point")


def _today(user: User) -> datetime.date:
    return user.organization.local_today()


def _form(request: HttpRequest, defaults: dict[str, str] | None = None) -> ReportForm:
    """The form over the URL's choices; ``defaults`` fill what the URL does not say (a season's page)."""
    user: User = request.user
    organization, language = user.organization_id, request.LANGUAGE_CODE

    def named(model):
        return [
            (row.code, row.name_in(language)) for row in model.objects.filter(organization_id=organization)
        ]

    people = [
        (person.pk, person.get_full_name() or person.username)
        for person in User.objects.filter(organization_id=organization)
        .exclude(role="")
        .order_by("first_name", "last_name", "username")
    ]
    data = request.GET.copy()
    for key, value in (defaults or {}).items():
        data.setdefault(key, value)
    return ReportForm(
        data or None,
        seasons=list(seasons.season_list(organization_id=organization)),
        departments=named(Department),
        areas=named(Area),
        categories=named(Category),
        people=people,
    )


def _report(request: HttpRequest, form: ReportForm, *, default: periods.Period, season_page: bool) -> Report:
    user: User = request.user
    today = _today(user)
    valid = form.is_valid()
    period = form.period(today=today, default=default) if valid else default
    return figures.report(
        access.facts_visible_to(user),
        organization=user.organization,
        period=period,
        filters=form.filters() if valid else figures.ReportFilters(),
        today=today,
        # A finished season's hotspots are where its reports were, open or not.
        hotspot_days=0 if season_page else HOTSPOT_DAYS,
        dimensions=SEASON_DIMENSIONS if season_page else DASHBOARD_DIMENSIONS,
        breakdown_limit=None if season_page else 25,
        as_of=facts.facts_as_of(),
        scope=access.summary_scope(user),
        # The pages compare counts and shares, not the time taken: the previous period's percentiles are
        # left out (the statistics API still gives them).
        compare_durations=False,
    )


def _charts(report: Report, shown: Presented, rtl: bool, language: str) -> dict:
    days, hours = shown.tables["days"], shown.tables["hours"]
    day_bars = [charts.Bar(row[0].text, row[1].value or 0, row[1].text, row[1].href) for row in days.rows]
    hour_bars = [charts.Bar(row[0].text, row[1].value or 0, row[1].text, row[1].href) for row in hours.rows]

    def named_bars(name: str) -> list[charts.Bar]:
        return [
            charts.Bar(row[0].text, row[1].value or 0, row[1].text, row[1].href)
            for row in shown.tables[name].rows
        ]

    trend = [
        charts.Series(_("Closure rate"), [row.figures.closure_rate for row in report.days]),
        charts.Series(
            _("First response within target"), [row.figures.first_response_compliance for row in report.days]
        ),
        charts.Series(
            _("Resolved within target"), [row.figures.resolution_compliance for row in report.days]
        ),
    ]
    return {
        "days": charts.columns(day_bars, label=days.title, rtl=rtl),
        "hours": charts.columns(hour_bars, label=hours.title, rtl=rtl, every=3),
        "channel": charts.rows(named_bars("channel")[:10], label=shown.tables["channel"].title, rtl=rtl),
        "language": charts.rows(named_bars("language")[:10], label=shown.tables["language"].title, rtl=rtl),
        "trend": charts.lines(
            trend, [row[0].text for row in days.rows], label=_("Closure and service-level trend"), rtl=rtl
        ),
    }


def _hotspot_points(shown: Presented, report: Report) -> list[dict]:
    points = []
    for spot, row in zip(report.hotspots, shown.tables["hotspots"].rows, strict=True):
        lat, lon = spot.centre
        points.append(
            {
                "lat": round(lat, 5),
                "lon": round(lon, 5),
                "count": spot.count,
                "label": row[0].text,
                "href": row[2].href,
            }
        )
    return points


def _denied(request: HttpRequest) -> HttpResponse:
    return render(request, "backoffice/denied.html", status=403)


@staff_required
def dashboard(request: HttpRequest) -> HttpResponse:
    user: User = request.user
    if not access.can_view_reports(user):
        return _denied(request)
    # The dates chooser shows the period the page shows: without a choice in the URL, the default preset
    # (a season named alone is that season).
    form = _form(request, {} if request.GET.get("season") else {"preset": periods.DEFAULT_PRESET})
    default = periods.preset_period(periods.DEFAULT_PRESET, today=_today(user))
    report = _report(request, form, default=default, season_page=False)
    language = request.LANGUAGE_CODE
    shown = present(report, title=_("Dashboard"), language=language)
    rtl = request.LANGUAGE_CODE in {"ar", "ur", "fa"}
    context = {
        **_common(request),
        "form": form,
        "report": report,
        "shown": shown,
        "charts": _charts(report, shown, rtl, language),
        "hotspots": _hotspot_points(shown, report),
        "query": request.GET.urlencode(),
        "map_tile_url": settings.KHIDMA_MAP_TILE_URL,
        "map_tile_attribution": settings.KHIDMA_MAP_TILE_ATTRIBUTION,
        "today_text": fmt.dual_day(_today(user), language),
    }
    return render(request, "backoffice/reports/dashboard.html", context)


def _season_default(user: User) -> periods.Period:
    today = _today(user)
    last = (
        seasons.season_last_finished(organization_id=user.organization_id, today=today)
        or seasons.season_list(organization_id=user.organization_id).first()
    )
    return periods.season_period(last) if last else periods.preset_period("hijri_month", today=today)


def _season_report(request: HttpRequest, code: str | None) -> tuple[ReportForm, Report]:
    user: User = request.user
    default = _season_default(user)
    defaults = {}
    if code is not None:
        season = seasons.season_get(organization_id=user.organization_id, code=code)
        if season is None:
            raise Http404
        default = periods.season_period(season)
        defaults = {"preset": "season", "season": code}
    elif default.season is not None:
        defaults = {"preset": "season", "season": default.season.code}
    form = _form(request, defaults)
    return form, _report(request, form, default=default, season_page=True)


def _title(report: Report) -> str:
    if report.period.season is not None:
        return _("Season report: %(season)s") % {"season": report.period.season.name_in()}
    return _("Report")


@staff_required
def season_report(request: HttpRequest, code: str | None = None) -> HttpResponse:
    user: User = request.user
    if not access.can_view_reports(user):
        return _denied(request)
    form, report = _season_report(request, code)
    language = request.LANGUAGE_CODE
    shown = present(report, title=_title(report), language=language)
    rtl = language in {"ar", "ur", "fa"}
    context = {
        **_common(request),
        "form": form,
        "report": report,
        "shown": shown,
        "charts": _charts(report, shown, rtl, language),
        "peak_days": [
            (fmt.dual_day(row.day, language), fmt.number(row.figures.received, language))
            for row in report.peak_days()
        ],
        "peak_hours": [
            (fmt.hour_of_day(hour, language), fmt.number(count, language))
            for hour, count in report.peak_hours()
        ],
        "export_query": urlencode({key: value for key, value in form.data.items() if value}),
        "seasons": seasons.season_list(organization_id=user.organization_id),
    }
    return render(request, "backoffice/reports/season.html", context)


@staff_required
def export(request: HttpRequest, file_format: str) -> HttpResponse:
    user: User = request.user
    if not access.can_view_reports(user):
        return _denied(request)
    if file_format not in exports.FORMATS:
        raise Http404
    _form_used, report = _season_report(request, None)
    language = request.LANGUAGE_CODE
    shown = present(report, title=_title(report), language=language)
    body, content_type = exports.FORMATS[file_format](shown, report, language=language)
    response = HttpResponse(body, content_type=content_type)
    stem = report.period.season.code if report.period.season else f"{report.period.start}_{report.period.end}"
    response["Content-Disposition"] = f'attachment; filename="khidma-report-{stem}.{file_format}"'
    response["Cache-Control"] = "private, no-store"
    return response
