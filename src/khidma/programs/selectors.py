"""Reads for the service programs. Callers pass querysets already narrowed by ``access.scoped``."""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet

from khidma.cases.models import Case
from khidma.programs.models import Application, Person, ProgramEvent, Team, Visit, VisitStatus


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
