"""The figures of the dashboard, the season reports and the statistics API, counted on the reporting rows.

Every figure is about the cases **received** in the period (both days included, in the organization's time
zone), as they stand now: "received 10,234, closed 8,190 (80%)" means 8,190 of those 10,234 are closed
today. Callers pass rows already narrowed by ``reports.access.facts_visible_to``.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.core.exceptions import EmptyResultSet
from django.db import connection, transaction
from django.db.models import Aggregate, Count, IntegerField, Q, QuerySet, Sum
from django.db.models.functions import TruncHour

from khidma.accounts.models import User
from khidma.organizations.models import Area, Category, Department, Organization, ServicePoint
from khidma.reports.hotspots import Hotspot, hotspots
from khidma.reports.models import CaseFact, FactDay
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

FLAGS = (
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
# The buckets the per-day sums (FactDay) count each duration in, by their first second: a bucket holds the
# durations from its bound up to the next one. They only narrow where a percentile lies; its exact value is
# then read from the reporting rows of that one bucket (``_percentiles_from``), so no figure is approximate.
BOUNDS: tuple[int, ...] = (0, *sorted({round(60 * 1.25**n) for n in range(72)}))


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

    def __init__(self, expression: str, fraction: float, *, filter: Q | None = None) -> None:
        super().__init__(expression, fraction=repr(float(fraction)), filter=filter)


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
        figures = cls(**{name: row.get(name) or 0 for name in ("received", "rated", *FLAGS)})
        # The average from the sum, in Python: the same number whether counted on the reporting rows or on
        # the per-day sums, on either database.
        figures.rating_average = (row.get("rating_sum") or 0) / figures.rated if figures.rated else None
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
    aggregates = {"received": Count("pk"), "rated": Count("rating"), "rating_sum": Sum("rating")}
    aggregates.update({flag: Count("pk", filter=Q(**{flag: True})) for flag in FLAGS})
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


def _sort_breakdown(rows: list[BreakdownRow], limit: int | None) -> list[BreakdownRow]:
    """Busiest first, then by key (in Python, so both databases and both ways of counting agree)."""
    rows.sort(key=lambda row: (-row.figures.received, row.key is None, row.key if row.key is not None else 0))
    return rows[:limit] if limit else rows


def _backlog_from(days: list[DayRow], *, today: datetime.date) -> list[BacklogBucket]:
    per_day = {row.day: row.figures.is_open for row in days if row.figures.is_open}
    buckets = []
    for first, last in BACKLOG_AGES:
        newest = today - datetime.timedelta(days=first)
        oldest = today - datetime.timedelta(days=last) if last is not None else None
        count = sum(n for day, n in per_day.items() if day <= newest and (oldest is None or day >= oldest))
        buckets.append(BacklogBucket(first, last, count, oldest, newest))
    return buckets


# --- One statement for every grouping of the reporting rows -----------------------------------------------

_RAW_AGGREGATES = (
    ("received", "COUNT(*)"),
    ("rated", "COUNT(rating)"),
    ("rating_sum", "SUM(rating)"),
    *((flag, f"COUNT(CASE WHEN {flag} THEN 1 END)") for flag in FLAGS),
    *((f"rating_{n}", f"COUNT(CASE WHEN rating = {n} THEN 1 END)") for n in range(1, 6)),
)


def _grouped(facts: QuerySet[CaseFact], columns: list[str]) -> tuple[dict, dict[str, list[tuple]]]:
    """The totals of ``facts`` and their counts grouped by each of ``columns`` in turn, in one statement:
    GROUPING SETS on PostgreSQL (one pass over the rows), one GROUP BY per column joined by UNION ALL on
    SQLite. Returns the totals' row and, per column, (value, row) pairs."""
    query = facts.query
    compiler = query.get_compiler(using=facts.db)
    try:
        where, params = compiler.compile(query.where)
    except EmptyResultSet:
        return {}, {column: [] for column in columns}
    if sum(1 for count in query.alias_refcount.values() if count) > 1:
        raise ValueError(f"grouped figures read the reporting rows alone, without joins: {query.alias_map}")
    table = connection.ops.quote_name(CaseFact._meta.db_table)
    where = f" WHERE {where}" if where else ""
    aggregates = ", ".join(f"{sql} AS {name}" for name, sql in _RAW_AGGREGATES)
    names = [name for name, _sql in _RAW_AGGREGATES]
    quoted = [connection.ops.quote_name(column) for column in columns]
    if connection.vendor == "postgresql":
        which = " ".join(f"WHEN GROUPING({column}) = 0 THEN {n}" for n, column in enumerate(quoted))
        sets = ", ".join(["()", *(f"({column})" for column in quoted)])
        sql = (
            f"SELECT CASE {which} ELSE -1 END, {', '.join(quoted)}, {aggregates} "  # noqa: S608
            f"FROM {table}{where} GROUP BY GROUPING SETS ({sets})"
        )
        all_params = params
    else:
        parts = []
        for n, column in enumerate([None, *quoted]):
            shown = ", ".join(c if c == column else "NULL" for c in quoted)
            group = f" GROUP BY {column}" if column else ""
            parts.append(f"SELECT {n - 1}, {shown}, {aggregates} FROM {table}{where}{group}")  # noqa: S608
        sql = " UNION ALL ".join(parts)
        all_params = list(params) * len(parts)
    totals: dict = {}
    groups: dict[str, list[tuple]] = {column: [] for column in columns}
    with connection.cursor() as cursor:
        cursor.execute(sql, all_params)
        for record in cursor.fetchall():
            index, values, counts = record[0], record[1 : 1 + len(columns)], record[1 + len(columns) :]
            row = dict(zip(names, counts, strict=True))
            if index < 0:
                totals = row
            else:
                groups[columns[index]].append((values[index], row))
    return totals, groups


def _day(value) -> datetime.date:
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def _from_facts(facts, *, period, dimensions, breakdown_limit):
    columns = [DIMENSIONS[name] for name in dimensions]
    totals, groups = _grouped(facts, [*columns, "received_on", "hour"])
    result = Figures.from_row(totals)
    if result.received:
        result.durations = _percentiles(facts)
    breakdowns = {
        name: _sort_breakdown(
            [BreakdownRow(key, Figures.from_row(row)) for key, row in groups[DIMENSIONS[name]]],
            breakdown_limit,
        )
        for name in dimensions
    }
    per_day = {_day(key): Figures.from_row(row) for key, row in groups["received_on"]}
    days = [DayRow(day, per_day.get(day, Figures())) for day in period.dates()]
    hours = [0] * 24
    for hour, row in groups["hour"]:
        hours[int(hour)] = row["received"]
    return result, breakdowns, days, hours


# --- The per-day sums (FactDay) ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SummaryScope:
    """The cases a person may see, as the per-day sums tell them apart: an organization's, with or without
    the women's section's (``womens_section`` None: both; True or False: only those). A department head's
    scope (a subtree, and the cases assigned to them) cannot be told from the sums: such reports count the
    reporting rows (reports.access.summary_scope)."""

    organization_id: int
    womens_section: bool | None = None


SUM_FIELDS = ("received", *FLAGS, "rated", "rating_sum", *(f"rating_{n}" for n in range(1, 6)))
_ID_DIMENSIONS = frozenset({"category", "area", "department", "assignee", "service_point"})


def _day_rows(scope: SummaryScope, period: Period) -> QuerySet[FactDay]:
    rows = FactDay.objects.filter(
        organization_id=scope.organization_id, received_on__gte=period.start, received_on__lte=period.end
    )
    if scope.womens_section is not None:
        rows = rows.filter(womens_section=scope.womens_section)
    return rows


def _summed(scope: SummaryScope, period: Period, dimensions: Iterable[str]) -> dict[str, dict]:
    """The period's sums per dimension and value: {dimension: {value (text or None): row}}."""
    rows = (
        _day_rows(scope, period)
        .filter(dimension__in=list(dimensions))
        .values("dimension", "value")
        .annotate(**{name: Sum(name) for name in SUM_FIELDS})
        .order_by()
    )
    summed: dict[str, dict] = {}
    for row in rows:
        summed.setdefault(row["dimension"], {})[row["value"]] = row
    return summed


def _histograms(summed: dict[str, dict]) -> dict[str, dict[int, int]]:
    return {
        column: {int(value): row["received"] for value, row in summed.get(column, {}).items()}
        for column in DURATIONS
    }


def _bucket_range(bucket: int) -> tuple[int, int | None]:
    return BOUNDS[bucket], (BOUNDS[bucket + 1] if bucket + 1 < len(BOUNDS) else None)


def _in_bucket(column: str, bucket: int) -> Q:
    low, high = _bucket_range(bucket)
    condition = Q(**{f"{column}__gte": low})
    return condition & Q(**{f"{column}__lt": high}) if high is not None else condition


def _percentiles_from(facts: QuerySet[CaseFact], histograms: dict[str, dict[int, int]]):
    """The exact percentiles of ``facts``, knowing how many of their durations fall in each bucket: the rank
    each percentile has (the same definition as ``percentile``) falls in one bucket, and only the rows of
    that bucket are ordered to find it. When the counts disagree with the rows (sums behind the rows), every
    row is ordered instead, as ``_percentiles`` does."""
    result: dict[str, dict[float, int | None]] = {}
    targets = []  # (column, fraction, bucket, rank in the bucket, rows in the bucket)
    for column in DURATIONS:
        histogram = histograms.get(column, {})
        total = sum(histogram.values())
        result[column] = dict.fromkeys(PERCENTILES)
        for fraction in PERCENTILES:
            if not total:
                continue
            rank, below = max(1, math.ceil(fraction * total)), 0
            for bucket in sorted(histogram):
                if below + histogram[bucket] >= rank:
                    targets.append((column, fraction, bucket, rank - below, histogram[bucket]))
                    break
                below += histogram[bucket]
    if not targets:
        return result
    if connection.vendor == "postgresql":
        aggregates = {}
        for n, (column, _fraction, bucket, rank, size) in enumerate(targets):
            condition = _in_bucket(column, bucket)
            # PERCENTILE_DISC(f) takes the value at rank ceil(f × rows): aim between rank - 1 and rank.
            aggregates[f"v{n}"] = _PercentileDisc(column, (rank - 0.5) / size, filter=condition)
            aggregates[f"n{n}"] = Count("pk", filter=condition)
        row = facts.aggregate(**aggregates)
        if any(row[f"n{n}"] != target[4] for n, target in enumerate(targets)):
            return _percentiles(facts)
        for n, (column, fraction, *_rest) in enumerate(targets):
            result[column][fraction] = row[f"v{n}"]
        return result
    for column in DURATIONS:
        mine = [target for target in targets if target[0] == column]
        if not mine:
            continue
        condition = Q()
        for target in mine:
            condition |= _in_bucket(column, target[2])
        values = sorted(facts.filter(condition).order_by().values_list(column, flat=True))
        for _column, fraction, bucket, rank, size in mine:
            low, high = _bucket_range(bucket)
            inside = [v for v in values if v >= low and (high is None or v < high)]
            if len(inside) != size:
                return _percentiles(facts)
            result[column][fraction] = inside[rank - 1]
    return result


def _summary_figures(summed: dict[str, dict]) -> Figures:
    totals = summed.get("all", {}).get(None)
    return Figures.from_row(totals or {})


def _key(dimension: str, value: str | None):
    if value is None:
        return None
    return int(value) if dimension in _ID_DIMENSIONS else value


def _from_summary(facts, scope, *, period, dimensions, breakdown_limit):
    summed = _summed(scope, period, ["all", *dimensions, "hour", *DURATIONS])
    result = _summary_figures(summed)
    if result.received:
        result.durations = _percentiles_from(facts, _histograms(summed))
    breakdowns = {
        name: _sort_breakdown(
            [
                BreakdownRow(_key(name, value), Figures.from_row(row))
                for value, row in summed.get(name, {}).items()
            ],
            breakdown_limit,
        )
        for name in dimensions
    }
    per_day = {
        row["received_on"]: Figures.from_row(row)
        for row in _day_rows(scope, period)
        .filter(dimension="all")
        .values("received_on")
        .annotate(**{name: Sum(name) for name in SUM_FIELDS})
        .order_by()
    }
    days = [DayRow(day, per_day.get(day, Figures())) for day in period.dates()]
    hours = [0] * 24
    for value, row in summed.get("hour", {}).items():
        hours[int(value)] = row["received"]
    return result, breakdowns, days, hours


def _one_filter(filters: ReportFilters, lookups: Lookups) -> tuple[str, str] | None:
    """The dimension and stored value of the only filter used, if only one is (a filter's sums are the rows
    of that value of its dimension); None otherwise."""
    used = filters.used()
    if len(used) != 1:
        return None
    ((name, value),) = used.items()
    if name in ("department", "area", "category"):
        return name, str(lookups.by_code[name].get(value, -1))
    return name, str(value)


def _slice_figures(scope: SummaryScope, period: Period, dimension: str, value: str) -> Figures:
    rows = _day_rows(scope, period).filter(dimension=dimension, value=value)
    return Figures.from_row(rows.aggregate(**{name: Sum(name) for name in SUM_FIELDS}))


def _summary_previous(facts, scope, period: Period, *, durations: bool) -> Figures:
    summed = _summed(scope, period, ["all", *DURATIONS] if durations else ["all"])
    result = _summary_figures(summed)
    if durations and result.received:
        result.durations = _percentiles_from(facts, _histograms(summed))
    return result


@contextmanager
def _without_jit() -> Iterator[None]:
    """PostgreSQL compiles a statement that scans a year of rows to machine code first (JIT), which costs more
    than it saves for one pass of counting (about 80 ms of 280 for a year's grouped counts): off, for the
    report's statements only (SET LOCAL ends with the transaction)."""
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL jit = off")
        yield


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
    scope: SummaryScope | None = None,
    compare_durations: bool = True,
) -> Report:
    """Figures for ``period``; the comparison with the period before; breakdowns; days, hours, backlog and
    hotspots. Hotspots are of open cases received in the last ``hotspot_days`` days of the period (all cases
    of the period with ``hotspot_days=0``, as a finished season's report shows them).

    With a ``scope`` that the per-day sums can tell apart (the same cases as ``facts``) and no filter, the
    counts are added up from the per-day sums (FactDay) — a few hundred rows a day whatever the number of
    cases — and only the percentiles' buckets and the hotspots read the reporting rows. Otherwise every
    grouping is counted on the period's reporting rows in one statement. Both give the same numbers.

    ``compare_durations=False`` leaves out the previous period's percentiles (the pages do not show them;
    over a long period they cost the most)."""
    with _without_jit():
        return _report(
            facts,
            organization=organization,
            period=period,
            filters=filters,
            today=today,
            dimensions=tuple(dimensions),
            hotspot_days=hotspot_days,
            compare=compare,
            breakdown_limit=breakdown_limit,
            as_of=as_of,
            scope=scope,
            compare_durations=compare_durations,
        )


def _report(
    facts, *, organization, period, filters, today, dimensions, hotspot_days, compare, breakdown_limit, as_of,
    scope, compare_durations,
) -> Report:  # fmt: skip
    lookups = Lookups(organization.pk)
    narrowed = narrow(facts, period=period, filters=filters, lookups=lookups)
    summary = scope is not None and not filters.used()
    one_filter = _one_filter(filters, lookups) if scope is not None else None
    previous_period = period.previous() if compare else None
    previous = None
    if previous_period is not None:
        earlier = narrow(facts, period=previous_period, filters=filters, lookups=lookups)
        if one_filter is not None and not compare_durations:
            # One filter, and only the counts compared: its value's sums are the previous period's figures.
            previous = _slice_figures(scope, previous_period, *one_filter)
        elif summary:
            previous = _summary_previous(earlier, scope, previous_period, durations=compare_durations)
        else:
            previous = figures(earlier, with_durations=compare_durations)
    if summary:
        result, breakdowns, days, hours = _from_summary(
            narrowed, scope, period=period, dimensions=dimensions, breakdown_limit=breakdown_limit
        )
    else:
        result, breakdowns, days, hours = _from_facts(
            narrowed, period=period, dimensions=dimensions, breakdown_limit=breakdown_limit
        )
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
        figures=result,
        previous_period=previous_period,
        previous=previous,
        breakdowns=breakdowns,
        days=days,
        hours=hours,
        backlog=_backlog_from(days, today=today),
        hotspots=spots,
        hotspot_days=hotspot_days,
        as_of=as_of,
    )
