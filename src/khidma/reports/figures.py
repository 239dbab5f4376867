"""The figures of the dashboard, the season reports and the statistics API, counted on the reporting rows.

Every figure is about the cases **received** in the period (both days included, in the organization's time
zone), as they stand now: "received 10,234, closed 8,190 (80%)" means 8,190 of those 10,234 are closed
today. Callers pass rows already narrowed by ``reports.access.facts_visible_to``.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Aggregate, Avg, Count, IntegerField, Q, QuerySet
from django.db.models.functions import TruncHour

from khidma.accounts.models import User
from khidma.organizations.models import Area, Category, Department, Organization, ServicePoint
from khidma.reports.hotspots import Hotspot, hotspots
from khidma.reports.models import CaseFact
from khidma.reports.periods import Period

# Dimensions a report breaks figures down by, and the reporting row's column for each.
DIMENSIONS: dict[str, str] = {
    "channel": "channel",
    "language": "language",
    "category": "category_id",
    "area": "area_id",
    "department": "department_id",
    "assignee": "assignee_id",
    "kind": "kind",
    "service_point": "service_point_id",
}
DURATIONS = ("first_response_seconds", "first_response_work_seconds", "close_seconds", "close_work_seconds")
PERCENTILES = (0.5, 0.9)
# Open cases by how long ago they were received, in days: (first day, last day or None).
BACKLOG_AGES = ((0, 1), (2, 3), (4, 7), (8, 30), (31, None))

_FLAGS = (
    "is_open",
    "is_closed",
    "confirmed",
    "unconfirmed",
    "closed_by_staff",
    "reopened",
    "first_response_met",
    "first_response_missed",
    "first_response_overdue",
    "resolution_met",
    "resolution_missed",
    "resolution_breached",
)


@dataclass(frozen=True)
class ReportFilters:
    """Narrowing a report: by codes, as the queue's URL names them (the assignee by id)."""

    department: str | None = None
    area: str | None = None
    channel: str | None = None
    category: str | None = None
    language: str | None = None
    kind: str | None = None
    assignee: int | None = None

    def used(self) -> dict[str, str | int]:
        return {name: value for name, value in self.__dict__.items() if value}


class Lookups:
    """An organization's categories, departments, areas, service points and staff, by id and by code: one
    query each, for filtering by code and naming every row of a breakdown."""

    def __init__(self, organization_id: int) -> None:
        self.by_id: dict[str, dict[int, object]] = {}
        self.by_code: dict[str, dict[str, int]] = {}
        for name, model in (
            ("category", Category),
            ("department", Department),
            ("area", Area),
            ("service_point", ServicePoint),
        ):
            rows = list(model.objects.filter(organization_id=organization_id).order_by("code"))
            self.by_id[name] = {row.pk: row for row in rows}
            self.by_code[name] = {row.code: row.pk for row in rows}
        people = User.objects.filter(organization_id=organization_id).exclude(role="")
        self.by_id["assignee"] = {person.pk: person for person in people}

    def area_at(self, lat: float, lon: float) -> Area | None:
        """The area containing the point, from the areas already read (no query per point)."""
        for area in self.by_id["area"].values():
            inside_box = area.min_lat <= lat <= area.max_lat and area.min_lon <= lon <= area.max_lon
            if inside_box and area.contains_point(lat, lon):
                return area
        return None

    def get(self, dimension: str, key) -> object | None:
        return self.by_id.get(dimension, {}).get(key)

    def code(self, dimension: str, key) -> str:
        """The queue's URL value for a breakdown row (a code; a person's id; the code itself for choices)."""
        if dimension == "assignee":
            return str(key)
        row = self.get(dimension, key)
        return getattr(row, "code", key) if row is not None else (key or "")


def narrow(facts: QuerySet[CaseFact], *, period: Period, filters: ReportFilters, lookups: Lookups):
    facts = facts.filter(received_on__gte=period.start, received_on__lte=period.end)
    for name in ("department", "area", "category"):
        code = getattr(filters, name)
        if code:
            facts = facts.filter(**{f"{name}_id": lookups.by_code[name].get(code, -1)})
    for name in ("channel", "language", "kind"):
        value = getattr(filters, name)
        if value:
            facts = facts.filter(**{name: value})
    if filters.assignee:
        facts = facts.filter(assignee_id=filters.assignee)
    return facts


# --- Percentiles ------------------------------------------------------------------------------------------


class _PercentileDisc(Aggregate):
    """PostgreSQL's ordered-set aggregate: the first value at or past the fraction (NULLs ignored)."""

    function = "PERCENTILE_DISC"
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = IntegerField()

    def __init__(self, expression: str, fraction: float) -> None:
        super().__init__(expression, fraction=repr(float(fraction)))


def percentile(sorted_values: list[int], fraction: float) -> int | None:
    """The same definition in Python: the smallest value whose cumulative share reaches ``fraction``."""
    if not sorted_values:
        return None
    return sorted_values[max(0, math.ceil(fraction * len(sorted_values)) - 1)]


def _percentiles(facts: QuerySet[CaseFact]) -> dict[str, dict[float, int | None]]:
    if connection.vendor == "postgresql":
        aggregates = {
            f"{column}__{int(fraction * 100)}": _PercentileDisc(column, fraction)
            for column in DURATIONS
            for fraction in PERCENTILES
        }
        row = facts.aggregate(**aggregates)
        return {
            column: {fraction: row[f"{column}__{int(fraction * 100)}"] for fraction in PERCENTILES}
            for column in DURATIONS
        }
    result = {}
    for column in DURATIONS:
        values = sorted(
            facts.filter(**{f"{column}__isnull": False}).order_by().values_list(column, flat=True)
        )
        result[column] = {fraction: percentile(values, fraction) for fraction in PERCENTILES}
    return result


# --- Figures ----------------------------------------------------------------------------------------------


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass
class Figures:
    received: int = 0
    is_open: int = 0
    is_closed: int = 0
    confirmed: int = 0
    unconfirmed: int = 0
    closed_by_staff: int = 0
    reopened: int = 0
    first_response_met: int = 0
    first_response_missed: int = 0
    first_response_overdue: int = 0
    resolution_met: int = 0
    resolution_missed: int = 0
    resolution_breached: int = 0
    rated: int = 0
    rating_average: float | None = None
    ratings: dict[int, int] = field(default_factory=dict)
    durations: dict[str, dict[float, int | None]] = field(default_factory=dict)

    @classmethod
    def from_row(cls, row: dict) -> Figures:
        figures = cls(**{name: row.get(name) or 0 for name in ("received", "rated", *_FLAGS)})
        figures.rating_average = row.get("rating_average")
        figures.ratings = {n: row.get(f"rating_{n}") or 0 for n in range(1, 6)}
        return figures

    @property
    def closure_rate(self) -> float | None:
        return _share(self.is_closed, self.received)

    @property
    def reopen_rate(self) -> float | None:
        return _share(self.reopened, self.received)

    @property
    def first_response_compliance(self) -> float | None:
        late = self.first_response_missed + self.first_response_overdue
        return _share(self.first_response_met, self.first_response_met + late)

    @property
    def resolution_compliance(self) -> float | None:
        """Resolved cases that met their target (the same measure as GET /api/v1/stats/sla-compliance)."""
        return _share(self.resolution_met, self.resolution_met + self.resolution_missed)


def _aggregates() -> dict:
    aggregates = {"received": Count("pk"), "rated": Count("rating"), "rating_average": Avg("rating")}
    aggregates.update({flag: Count("pk", filter=Q(**{flag: True})) for flag in _FLAGS})
    aggregates.update({f"rating_{n}": Count("pk", filter=Q(rating=n)) for n in range(1, 6)})
    return aggregates


def figures(facts: QuerySet[CaseFact], *, with_durations: bool = True) -> Figures:
    result = Figures.from_row(facts.aggregate(**_aggregates()))
    if with_durations and result.received:
        result.durations = _percentiles(facts)
    return result


@dataclass
class BreakdownRow:
    key: object
    figures: Figures


def breakdown(facts: QuerySet[CaseFact], dimension: str, *, limit: int | None = None) -> list[BreakdownRow]:
    column = DIMENSIONS[dimension]
    rows = facts.values(column).annotate(**_aggregates()).order_by("-received", column)
    if limit:
        rows = rows[:limit]
    return [BreakdownRow(row[column], Figures.from_row(row)) for row in rows]


@dataclass
class DayRow:
    day: datetime.date
    figures: Figures


def by_day(facts: QuerySet[CaseFact], period: Period) -> list[DayRow]:
    """Every day of the period (days without cases count zero)."""
    rows = {
        row["received_on"]: Figures.from_row(row)
        for row in facts.values("received_on").annotate(**_aggregates()).order_by("received_on")
    }
    return [DayRow(day, rows.get(day, Figures())) for day in period.dates()]


def by_hour_of_day(facts: QuerySet[CaseFact]) -> list[int]:
    counts = [0] * 24
    for row in facts.values("hour").annotate(n=Count("pk")).order_by("hour"):
        counts[row["hour"]] = row["n"]
    return counts


def by_hour(facts: QuerySet[CaseFact], *, tz: datetime.tzinfo) -> list[tuple[datetime.datetime, Figures]]:
    """Per hour (a timestamp at the start of each hour with cases), oldest first."""
    rows = (
        facts.annotate(slot=TruncHour("received_at", tzinfo=tz))
        .values("slot")
        .annotate(**_aggregates())
        .order_by("slot")
    )
    return [(row["slot"], Figures.from_row(row)) for row in rows]


@dataclass
class BacklogBucket:
    first_day: int
    last_day: int | None
    count: int
    # The days received that make up the bucket (for its link): oldest and newest.
    received_from: datetime.date | None
    received_to: datetime.date | None


def backlog(facts: QuerySet[CaseFact], *, today: datetime.date) -> list[BacklogBucket]:
    """Open cases by age (days since received), in fixed buckets."""
    per_day = dict(facts.filter(is_open=True).values_list("received_on").annotate(n=Count("pk")).order_by())
    buckets = []
    for first, last in BACKLOG_AGES:
        newest = today - datetime.timedelta(days=first)
        oldest = today - datetime.timedelta(days=last) if last is not None else None
        count = sum(n for day, n in per_day.items() if day <= newest and (oldest is None or day >= oldest))
        buckets.append(BacklogBucket(first, last, count, oldest, newest))
    return buckets


@dataclass
class Report:
    """Everything the dashboard and a season report show for one period and set of filters."""

    organization: Organization
    period: Period
    filters: ReportFilters
    lookups: Lookups
    figures: Figures
    previous_period: Period | None
    previous: Figures | None
    breakdowns: dict[str, list[BreakdownRow]]
    days: list[DayRow]
    hours: list[int]
    backlog: list[BacklogBucket]
    hotspots: list[Hotspot]
    hotspot_days: int
    as_of: datetime.datetime | None

    def peak_days(self, n: int = 5) -> list[DayRow]:
        busy = [row for row in self.days if row.figures.received]
        return sorted(busy, key=lambda row: (-row.figures.received, row.day))[:n]

    def peak_hours(self, n: int = 3) -> list[tuple[int, int]]:
        busy = [(hour, count) for hour, count in enumerate(self.hours) if count]
        return sorted(busy, key=lambda item: (-item[1], item[0]))[:n]


def report(
    facts: QuerySet[CaseFact],
    *,
    organization: Organization,
    period: Period,
    filters: ReportFilters,
    today: datetime.date,
    dimensions: Iterable[str] = tuple(DIMENSIONS),
    hotspot_days: int = 14,
    compare: bool = True,
    breakdown_limit: int | None = 25,
    as_of: datetime.datetime | None = None,
) -> Report:
    """Figures for ``period``; the comparison with the period before; breakdowns; days, hours, backlog and
    hotspots. Hotspots are of open cases received in the last ``hotspot_days`` days of the period (all cases
    of the period with ``hotspot_days=0``, as a finished season's report shows them)."""
    lookups = Lookups(organization.pk)
    narrowed = narrow(facts, period=period, filters=filters, lookups=lookups)
    previous_period = period.previous() if compare else None
    previous = None
    if previous_period is not None:
        previous = figures(narrow(facts, period=previous_period, filters=filters, lookups=lookups))
    if hotspot_days:
        since = max(period.start, period.end - datetime.timedelta(days=hotspot_days - 1))
        spots = hotspots(narrowed.filter(is_open=True, received_on__gte=since))
    else:
        spots = hotspots(narrowed)
    return Report(
        organization=organization,
        period=period,
        filters=filters,
        lookups=lookups,
        figures=figures(narrowed),
        previous_period=previous_period,
        previous=previous,
        breakdowns={name: breakdown(narrowed, name, limit=breakdown_limit) for name in dimensions},
        days=by_day(narrowed, period),
        hours=by_hour_of_day(narrowed),
        backlog=backlog(narrowed, today=today),
        hotspots=spots,
        hotspot_days=hotspot_days,
        as_of=as_of,
    )
