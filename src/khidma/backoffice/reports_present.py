"""A report (reports.figures.Report) as people read it: every code named, every number formatted and linked
to the queue listing exactly the cases it counts. The dashboard, the season report and the PDF, XLSX and CSV
exports all draw from this one presentation, so they never disagree."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import get_language, get_language_info, gettext_lazy
from django.utils.translation import gettext as _

from khidma.backoffice import reportfmt as fmt
from khidma.backoffice.labels import REPORT_FILTER_LABELS
from khidma.cases.models import Channel
from khidma.organizations.models import CaseKind
from khidma.reports.figures import Figures, Report
from khidma.reports.periods import PRESETS


@dataclass
class Cell:
    text: str
    value: float | int | None = None
    href: str | None = None


@dataclass
class Tile:
    key: str
    label: str
    value: Cell
    note: str = ""
    previous: Cell | None = None
    change: Cell | None = None
    change_percent: Cell | None = None


@dataclass
class Table:
    key: str
    title: str
    columns: list[str]
    rows: list[list[Cell]]
    # Per row: the share (0–1) of the largest row's first number, for drawing a bar chart.
    bars: list[float] = field(default_factory=list)


@dataclass
class Presented:
    title: str
    period: str
    # Everything that chose the cases (the period too), as exports write it; and the narrowing filters alone.
    filters: list[tuple[str, str]]
    narrowing: list[tuple[str, str]]
    as_of: str
    tiles: list[Tile]
    durations: Table
    tables: dict[str, Table]
    comparison_period: str


def language_name(code: str) -> str:
    if not code:
        return _("Unknown")
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return _("Other language")


def channel_name(code: str) -> str:
    return str(Channel(code).label) if code in Channel.values else _("Other channel")


def kind_name(code: str) -> str:
    return str(CaseKind(code).label) if code in CaseKind.values else code


def person_name(user) -> str:
    return (user.get_full_name() or user.username) if user is not None else _("Not assigned")


def dimension_label(report: Report, dimension: str, key, language: str) -> str:
    if dimension == "channel":
        return channel_name(key)
    if dimension == "language":
        return language_name(key)
    if dimension == "kind":
        return kind_name(key)
    if dimension == "assignee":
        return person_name(report.lookups.get("assignee", key)) if key else _("Not assigned")
    row = report.lookups.get(dimension, key)
    if row is None:
        return {
            "category": _("Not classified"),
            "department": _("No department"),
            "area": _("Outside the areas"),
            "service_point": _("Not at a service point"),
        }.get(dimension, "—")
    return row.name_in(language)


DIMENSION_TITLES = {
    "channel": gettext_lazy("By channel"),
    "language": gettext_lazy("By language"),
    "category": gettext_lazy("By category"),
    "area": gettext_lazy("By area"),
    "department": gettext_lazy("By department"),
    "assignee": gettext_lazy("By staff member"),
    "kind": gettext_lazy("By kind"),
    "service_point": gettext_lazy("By service point"),
}
FILTER_LABELS = {
    "department": gettext_lazy("Department"),
    "area": gettext_lazy("Area"),
    "channel": gettext_lazy("Channel"),
    "category": gettext_lazy("Category"),
    "language": gettext_lazy("Language"),
    "kind": gettext_lazy("Kind"),
    "assignee": gettext_lazy("Staff member"),
}


class Links:
    """URLs of the queue listing exactly what a figure counts: the period's days, the report's filters and
    what the figure adds (a status, a channel, a day…)."""

    def __init__(self, report: Report) -> None:
        self.base = {
            "received_from": report.period.start.isoformat(),
            "received_to": report.period.end.isoformat(),
            **{name: str(value) for name, value in report.filters.used().items()},
        }
        self.url = reverse("backoffice:queue", args=["all"])
        self.plain = f"{self.url}?{urlencode(self.base)}"

    def __call__(self, **extra) -> str:
        extra = {k: str(v) for k, v in extra.items() if v not in (None, "")}
        if not extra:
            return self.plain
        if extra.keys() & self.base.keys():
            return f"{self.url}?{urlencode({**self.base, **extra})}"
        # Most links add a parameter or two to the same base: encode only those.
        return f"{self.plain}&{urlencode(extra)}"


def _count(value: int, href: str, language: str) -> Cell:
    return Cell(fmt.number(value, language), value, href)


def _share(value: float | None, language: str) -> Cell:
    return Cell(fmt.percent(value, language), round(value, 4) if value is not None else None)


def _compare(tile: Tile, previous: float | int | None, current: float | int | None, language: str, *, share):
    if previous is None:
        return
    tile.previous = _share(previous, language) if share else Cell(fmt.number(previous, language), previous)
    if current is None:
        return
    change = current - previous
    if share:
        # Shares change in percentage points.
        tile.change = Cell(fmt.signed_number(round(change * 100), language), round(change, 4))
    else:
        tile.change = Cell(fmt.signed_number(change, language), change)
        if previous:
            tile.change_percent = Cell(
                fmt.signed_percent(change / previous, language), round(change / previous, 4)
            )


def _tiles(report: Report, links: Links, language: str) -> list[Tile]:
    f, p = report.figures, report.previous
    tiles = [
        ("received", _("Received"), _count(f.received, links(), language), "", False),
        ("open", _("Open"), _count(f.is_open, links(outcome="open"), language), "", False),
        ("closed", _("Closed"), _count(f.is_closed, links(outcome="closed"), language), "", False),
        ("closure_rate", _("Closure rate"), _share(f.closure_rate, language), _("closed of received"), True),
        (
            "confirmed",
            _("Closures confirmed by the reporter"),
            _count(f.confirmed, links(outcome="confirmed"), language),
            "",
            False,
        ),
        (
            "unconfirmed",
            _("Closed without the reporter's answer"),
            _count(f.unconfirmed, links(outcome="unconfirmed"), language),
            "",
            False,
        ),
        (
            "closed_by_staff",
            _("Closed by staff"),
            _count(f.closed_by_staff, links(outcome="closed_by_staff"), language),
            "",
            False,
        ),
        (
            "first_response_compliance",
            _("First response within target"),
            _share(f.first_response_compliance, language),
            _("%(met)s met, %(late)s late, %(overdue)s overdue")
            % {
                "met": fmt.number(f.first_response_met, language),
                "late": fmt.number(f.first_response_missed, language),
                "overdue": fmt.number(f.first_response_overdue, language),
            },
            True,
        ),
        (
            "resolution_compliance",
            _("Resolved within target"),
            _share(f.resolution_compliance, language),
            _("%(met)s met, %(late)s late")
            % {
                "met": fmt.number(f.resolution_met, language),
                "late": fmt.number(f.resolution_missed, language),
            },
            True,
        ),
        (
            "resolution_breached",
            _("Open past the resolution target"),
            _count(f.resolution_breached, links(outcome="resolution_breached"), language),
            "",
            False,
        ),
        ("reopened", _("Reopened"), _count(f.reopened, links(outcome="reopened"), language), "", False),
        ("reopen_rate", _("Reopen rate"), _share(f.reopen_rate, language), _("reopened of received"), True),
        ("rated", _("Satisfaction ratings"), Cell(fmt.number(f.rated, language), f.rated), "", False),
        (
            "rating_average",
            _("Average satisfaction (1–5)"),
            Cell(
                fmt.number(round(f.rating_average, 1), language) if f.rating_average else "—",
                f.rating_average,
            ),
            "",
            False,
        ),
    ]
    previous_values = {
        "received": "received",
        "open": "is_open",
        "closed": "is_closed",
        "closure_rate": "closure_rate",
        "confirmed": "confirmed",
        "unconfirmed": "unconfirmed",
        "closed_by_staff": "closed_by_staff",
        "first_response_compliance": "first_response_compliance",
        "resolution_compliance": "resolution_compliance",
        "resolution_breached": "resolution_breached",
        "reopened": "reopened",
        "reopen_rate": "reopen_rate",
        "rated": "rated",
        "rating_average": "rating_average",
    }
    result = []
    for key, label, cell, note, share in tiles:
        tile = Tile(key, str(label), cell, str(note))
        if p is not None:
            attribute = previous_values[key]
            _compare(tile, getattr(p, attribute), getattr(f, attribute), language, share=share)
        result.append(tile)
    return result


def _durations(f: Figures, language: str) -> Table:
    names = {
        "first_response_seconds": _("To first response, elapsed"),
        "first_response_work_seconds": _("To first response, working time"),
        "close_seconds": _("To closure, elapsed"),
        "close_work_seconds": _("To closure, working time"),
    }
    rows = []
    for column, label in names.items():
        values = f.durations.get(column, {})
        rows.append(
            [
                Cell(str(label)),
                Cell(fmt.hours(values.get(0.5), language), values.get(0.5)),
                Cell(fmt.hours(values.get(0.9), language), values.get(0.9)),
            ]
        )
    return Table("durations", _("Time taken"), [_("Measure"), _("Median"), _("90th percentile")], rows)


def _breakdown_table(report: Report, dimension: str, links: Links, language: str) -> Table:
    rows, bars = [], []
    top = max((row.figures.received for row in report.breakdowns[dimension]), default=0)
    for row in report.breakdowns[dimension]:
        f = row.figures
        value = report.lookups.code(dimension, row.key) if row.key is not None else ""
        narrowing = {dimension: value} if value else {}
        rows.append(
            [
                Cell(dimension_label(report, dimension, row.key, language)),
                _count(f.received, links(**narrowing) if value else None, language),
                _count(f.is_open, links(outcome="open", **narrowing) if value else None, language),
                _count(f.is_closed, links(outcome="closed", **narrowing) if value else None, language),
                _share(f.closure_rate, language),
                _share(f.resolution_compliance, language),
                Cell(
                    fmt.number(round(f.rating_average, 1), language) if f.rating_average else "—",
                    f.rating_average,
                ),
            ]
        )
        bars.append(f.received / top if top else 0)
    columns = [
        _("Name"),
        _("Received"),
        _("Open"),
        _("Closed"),
        _("Closure rate"),
        _("Resolved within target"),
        _("Average satisfaction"),
    ]
    return Table(dimension, str(DIMENSION_TITLES[dimension]), [str(c) for c in columns], rows, bars)


def _days_table(report: Report, links: Links, language: str) -> Table:
    rows, bars = [], []
    top = max((row.figures.received for row in report.days), default=0)
    for row in report.days:
        f, iso = row.figures, row.day.isoformat()
        day_link = {"received_from": iso, "received_to": iso}
        rows.append(
            [
                Cell(fmt.short_day(row.day, language), iso),
                _count(f.received, links(**day_link), language),
                _count(f.is_closed, links(outcome="closed", **day_link), language),
                _share(f.closure_rate, language),
                _share(f.first_response_compliance, language),
                _share(f.resolution_compliance, language),
            ]
        )
        bars.append(f.received / top if top else 0)
    columns = [
        _("Day"),
        _("Received"),
        _("Closed"),
        _("Closure rate"),
        _("First response within target"),
        _("Resolved within target"),
    ]
    return Table("days", _("Per day"), [str(c) for c in columns], rows, bars)


def _hours_table(report: Report, links: Links, language: str) -> Table:
    top = max(report.hours, default=0)
    rows = [
        [Cell(fmt.hour_of_day(hour, language), hour), _count(count, links(hour=hour), language)]
        for hour, count in enumerate(report.hours)
    ]
    bars = [count / top if top else 0 for count in report.hours]
    return Table("hours", _("Per hour of the day"), [_("Hour"), _("Received")], rows, bars)


def _backlog_table(report: Report, links: Links, language: str) -> Table:
    rows = []
    for bucket in report.backlog:
        if bucket.last_day is None:
            label = _("More than %(days)s days") % {"days": fmt.number(bucket.first_day - 1, language)}
        elif bucket.first_day == 0:
            label = _("Up to %(days)s day old") % {"days": fmt.number(bucket.last_day, language)}
        else:
            label = _("%(first)s to %(last)s days") % {
                "first": fmt.number(bucket.first_day, language),
                "last": fmt.number(bucket.last_day, language),
            }
        start = (
            max(report.period.start, bucket.received_from) if bucket.received_from else report.period.start
        )
        end = min(report.period.end, bucket.received_to)
        href = (
            links(outcome="open", received_from=start.isoformat(), received_to=end.isoformat())
            if start <= end
            else None
        )
        rows.append([Cell(label), _count(bucket.count, href, language)])
    return Table("backlog", _("Open cases by age"), [_("Age"), _("Open")], rows)


def _ratings_table(report: Report, links: Links, language: str) -> Table:
    f = report.figures
    top = max(f.ratings.values(), default=0)
    rows = [
        [Cell(fmt.number(n, language), n), _count(f.ratings.get(n, 0), links(rating=n), language)]
        for n in range(5, 0, -1)
    ]
    bars = [f.ratings.get(n, 0) / top if top else 0 for n in range(5, 0, -1)]
    return Table("ratings", _("Satisfaction ratings"), [_("Rating"), _("Ratings")], rows, bars)


def _hotspots_table(report: Report, links: Links, language: str) -> Table:
    rows = []
    for spot in report.hotspots:
        south, west, north, east = spot.box
        lat, lon = spot.centre
        area = report.lookups.area_at(lat, lon)
        extra = {
            "category": report.lookups.code("category", spot.category_id),
            "bbox": f"{south!r},{west!r},{north!r},{east!r}",
        }
        if report.hotspot_days:
            extra["outcome"] = "open"
            extra["received_from"] = max(
                report.period.start, report.period.end - datetime.timedelta(days=report.hotspot_days - 1)
            ).isoformat()
        rows.append(
            [
                Cell(dimension_label(report, "category", spot.category_id, language)),
                Cell(area.name_in(language) if area else "—"),
                _count(spot.count, links(**extra), language),
                Cell(f"{lat:.4f}, {lon:.4f}", None),
            ]
        )
    return Table("hotspots", _("Hotspots"), [_("Category"), _("Area"), _("Reports"), _("Place")], rows)


def period_text(report: Report, language: str) -> str:
    text = fmt.day_range(report.period.start, report.period.end, language)
    if report.period.season is not None:
        return f"{report.period.season.name_in(language)} · {text}"
    return text


def present(report: Report, *, title: str, language: str | None = None) -> Presented:
    language = language or get_language() or "ar"
    links = Links(report)
    filters = [(str(_("Period")), period_text(report, language))]
    if report.period.preset != "season":
        filters.insert(0, (str(_("Dates")), str(PRESETS.get(report.period.preset, ""))))
    narrowing = []
    for name, value in report.filters.used().items():
        key = (
            report.lookups.by_code.get(name, {}).get(value)
            if name in ("department", "area", "category")
            else value
        )
        narrowing.append((str(FILTER_LABELS[name]), dimension_label(report, name, key, language)))
    filters += narrowing
    tables = {name: _breakdown_table(report, name, links, language) for name in report.breakdowns}
    tables["days"] = _days_table(report, links, language)
    tables["hours"] = _hours_table(report, links, language)
    tables["backlog"] = _backlog_table(report, links, language)
    tables["ratings"] = _ratings_table(report, links, language)
    tables["hotspots"] = _hotspots_table(report, links, language)
    previous = report.previous_period
    return Presented(
        title=title,
        period=period_text(report, language),
        filters=filters,
        narrowing=narrowing,
        as_of=fmt.moment(report.as_of, language, tz=report.organization.tz) if report.as_of else "",
        tiles=_tiles(report, links, language),
        durations=_durations(report.figures, language),
        tables=tables,
        comparison_period=fmt.day_range(previous.start, previous.end, language)
        if previous is not None
        else "",
    )


def outcome_label(name: str) -> str:
    return str(REPORT_FILTER_LABELS.get(name, name))
