"""Reads for committee meetings. Callers pass querysets already narrowed by ``programs.access.scoped``."""

from __future__ import annotations

from django.db.models import QuerySet

from khidma.programs.models import Application, ApplicationStatus, Meeting, Vote


def agenda(meeting: Meeting, applications: QuerySet[Application]) -> QuerySet[Application]:
    """The meeting's files, oldest submission first."""
    return (
        applications.filter(meeting=meeting)
        .select_related("case", "request_type")
        .order_by("submitted_at", "id")
    )


def ready_for_agenda(applications: QuerySet[Application]) -> QuerySet[Application]:
    """Files whose social research is done, waiting for a meeting."""
    return (
        applications.filter(status=ApplicationStatus.RESEARCHED)
        .select_related("case", "request_type")
        .order_by("submitted_at", "id")
    )


def votes(meeting: Meeting) -> list[Vote]:
    return list(meeting.votes.select_related("member"))


def meeting_list(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    return meetings.order_by("-held_at", "-id")
