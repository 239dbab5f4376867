"""Reads for mobile units, counters and walk-ins, and the volume of people per point and hour. Callers pass
querysets already narrowed by ``programs.access.scoped`` where rows may hang on a case."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django.db.models.functions import ExtractHour, ExtractIsoWeekDay

from khidma.cases.models import Case
from khidma.organizations.models import Organization, ServicePoint
from khidma.programs.models import UnitStop, WalkIn


def points_people_come_to(*, organization: Organization) -> QuerySet[ServicePoint]:
    """Every service point but the call centre, active or not (past volume counts closed points too)."""
    return (
        ServicePoint.objects.filter(organization=organization)
        .exclude(kind=ServicePoint.Kind.CALL_CENTRE)
        .order_by("code")
    )


def point_find(*, organization: Organization, code: str) -> ServicePoint | None:
    return ServicePoint.objects.filter(organization=organization, code=code).first()


def mobile_units(*, organization: Organization) -> QuerySet[ServicePoint]:
    return ServicePoint.objects.filter(
        organization=organization, kind=ServicePoint.Kind.MOBILE_CAR, is_active=True
    ).order_by("code")


def stop_list(stops: QuerySet[UnitStop], *, unit: str | None = None) -> QuerySet[UnitStop]:
    """The stops on the plan, car by car, in the order of the day."""
    stops = stops.filter(is_active=True).select_related("unit")
    if unit:
        stops = stops.filter(unit__code=unit)
    return stops.order_by("unit__code", "starts", "id")


def walkins_at(point: ServicePoint, *, since: datetime.datetime) -> QuerySet[WalkIn]:
    return (
        WalkIn.objects.filter(service_point=point, at__gte=since)
        .select_related("category", "case", "recorded_by")
        .order_by("-at", "-id")
    )


def walkins_between(
    walk_ins: QuerySet[WalkIn],
    *,
    since: datetime.datetime,
    until: datetime.datetime,
    points: list[int] | None = None,
) -> QuerySet[WalkIn]:
    """Walk-ins in [since, until) at the given service points (ids; None: at every point)."""
    walk_ins = walk_ins.filter(at__gte=since, at__lt=until)
    if points is not None:
        walk_ins = walk_ins.filter(service_point_id__in=points)
    return walk_ins.select_related("service_point", "category", "case", "recorded_by").order_by("-at", "-id")


# --- Volume per point and hour ----------------------------------------------------------------------------

# Rows of the weekday table in the order of the Saudi week; values are ISO weekdays (Monday = 1).
WEEK = (7, 1, 2, 3, 4, 5, 6)
HOURS = tuple(range(24))


@dataclass
class PointVolume:
    point: ServicePoint
    walk_ins: int = 0
    cases: int = 0
    by_hour: list[int] = field(default_factory=lambda: [0] * 24)

    @property
    def total(self) -> int:
        return self.walk_ins + self.cases


@dataclass
class Volume:
    start: datetime.date
    end: datetime.date
    points: list[PointVolume]
    # by_weekday[row][hour], rows in WEEK order; for the chosen point, or for all points.
    by_weekday: list[list[int]]
    hour_totals: list[int]
    weekday_totals: list[int]
    walk_ins: int
    cases: int

    @property
    def total(self) -> int:
        return self.walk_ins + self.cases

    @property
    def peak(self) -> int:
        """The largest cell of either table: the darkest shade."""
        cells = [n for p in self.points for n in p.by_hour] + [n for row in self.by_weekday for n in row]
        return max(cells, default=0)


def volume(
    organization: Organization,
    *,
    start: datetime.date,
    end: datetime.date,
    point: ServicePoint | None = None,
) -> Volume:
    """Walk-ins and cases received at each service point, per hour of the day and per weekday, from
    ``start`` to ``end`` (local dates, both included). Three queries, whatever the range or the volume."""
    tz = organization.tz
    since, until = organization.local_day_bounds(start, end)
    points = list(points_people_come_to(organization=organization))
    rows = {p.pk: PointVolume(p) for p in points}
    by_weekday = [[0] * 24 for _day in WEEK]
    sources = [
        ("walk_ins", WalkIn.objects.filter(organization=organization, at__gte=since, at__lt=until), "at"),
        (
            "cases",
            Case.objects.filter(
                organization=organization,
                service_point__isnull=False,
                received_at__gte=since,
                received_at__lt=until,
            ),
            "received_at",
        ),
    ]
    for kind, queryset, column in sources:
        grouped = (
            queryset.annotate(
                weekday=ExtractIsoWeekDay(column, tzinfo=tz), hour=ExtractHour(column, tzinfo=tz)
            )
            .values("service_point_id", "weekday", "hour")
            .annotate(n=Count("pk"))
            .order_by()
        )
        for item in grouped:
            row = rows.get(item["service_point_id"])
            if row is None:
                continue  # the call centre: not a place people come to
            n = item["n"]
            setattr(row, kind, getattr(row, kind) + n)
            row.by_hour[item["hour"]] += n
            if point is None or row.point.pk == point.pk:
                by_weekday[WEEK.index(item["weekday"])][item["hour"]] += n
    chosen = [r for r in rows.values() if point is None or r.point.pk == point.pk]
    chosen.sort(key=lambda r: (-r.total, r.point.code))
    return Volume(
        start=start,
        end=end,
        points=chosen,
        by_weekday=by_weekday,
        hour_totals=[sum(r.by_hour[h] for r in chosen) for h in HOURS],
        weekday_totals=[sum(row) for row in by_weekday],
        walk_ins=sum(r.walk_ins for r in chosen),
        cases=sum(r.cases for r in chosen),
    )
