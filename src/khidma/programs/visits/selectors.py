"""Reads for home visits. Callers pass querysets already narrowed by ``programs.access.scoped``."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet

from khidma.programs.models import Team, Visit, VisitStatus


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


def visits_open(visits: QuerySet[Visit]) -> QuerySet[Visit]:
    """Visits not yet done: the eligible ones waiting for a team first, then by their window."""
    return (
        visits.exclude(status=VisitStatus.COMPLETED)
        .select_related("case", "team")
        .order_by("status", "starts_at", "id")
    )


def visit_detail(visits: QuerySet[Visit]) -> QuerySet[Visit]:
    return visits.select_related("case", "team")


def teams(teams: QuerySet[Team], *, active_only: bool = False) -> QuerySet[Team]:
    return teams.filter(is_active=True) if active_only else teams
