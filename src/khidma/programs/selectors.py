"""Reads for the service programs. Callers pass querysets already narrowed by ``access.scoped``."""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import ExtractHour, ExtractIsoWeekDay

from khidma.cases.models import Case
from khidma.organizations.models import Organization, ServicePoint
from khidma.programs.models import Application, Person, ProgramEvent, Team, Visit, VisitStatus, WalkIn


def team_calendar(team: Team, *, start: datetime.datetime, end: datetime.datetime) -> QuerySet[Visit]:
    """The team's scheduled and completed visits whose window overlaps [start, end)."""
    return (
        Visit.objects.filter(
            team=team,
            status__in=[VisitStatus.SCHEDULED, VisitStatus.COMPLETED],
            starts_at__lt=end,
            ends_at__gt=start,
        )
        .select_related("case")
        .order_by("starts_at", "id")
    )


def events_for(subject: str, obj) -> QuerySet[ProgramEvent]:
    return ProgramEvent.objects.filter(
        organization_id=obj.organization_id, subject=subject, subject_id=obj.pk
    ).select_related("actor")


def application_list(
    applications: QuerySet[Application], *, status: str | None = None
) -> QuerySet[Application]:
    if status:
        applications = applications.filter(status=status)
    return applications.select_related("case", "request_type", "person")


def person_cases(person: Person) -> QuerySet[Case]:
    """Every case linked to the person, directly or through one of their applications."""
    return (
        Case.objects.filter(organization_id=person.organization_id)
        .filter(Q(people=person) | Q(application__person=person))
        .distinct()
        .order_by("-received_at", "-id")
    )


def person_applications(person: Person) -> QuerySet[Application]:
    return person.applications.select_related("case", "request_type").order_by("-submitted_at")


def walkins_at(point: ServicePoint, *, since: datetime.datetime) -> QuerySet[WalkIn]:
    return (
        WalkIn.objects.filter(service_point=point, at__gte=since)
        .select_related("category", "case", "recorded_by")
        .order_by("-at", "-id")
    )


# --- Volume per point and hour ---------------------------------------------------------------------------

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
    tz = zoneinfo.ZoneInfo(organization.time_zone)
    since = datetime.datetime.combine(start, datetime.time(), tzinfo=tz)
    until = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time(), tzinfo=tz)
    points = list(
        ServicePoint.objects.filter(organization=organization).exclude(kind=ServicePoint.Kind.CALL_CENTRE)
    )
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
