"""Reads for committees and their meetings. Callers pass querysets already narrowed by
``programs.access.scoped``."""

from __future__ import annotations

from django.db.models import QuerySet

from khidma.organizations.models import Organization
from khidma.programs.models import Application, ApplicationStatus, Committee, Meeting, Vote


def committee_default(*, organization: Organization) -> Committee | None:
    """The committee a meeting belongs to when none is named: the organization's only active one."""
    active = list(Committee.objects.filter(organization=organization, is_active=True)[:2])
    return active[0] if len(active) == 1 else None


def quorum_of(meeting: Meeting) -> int:
    """How many members must vote on a file of this meeting (one for meetings from before committees)."""
    return meeting.committee.quorum if meeting.committee_id else 1


def committee_list(committees: QuerySet[Committee], *, active_only: bool = False) -> QuerySet[Committee]:
    return committees.filter(is_active=True) if active_only else committees


def agenda(meeting: Meeting, applications: QuerySet[Application]) -> QuerySet[Application]:
    """The meeting's files, oldest submission first."""
    return (
        applications.filter(meeting=meeting)
        .select_related("case", "request_type", "person")
        .order_by("submitted_at", "id")
    )


def ready_for_agenda(applications: QuerySet[Application]) -> QuerySet[Application]:
    """Files whose social research is done, waiting for a meeting."""
    return (
        applications.filter(status=ApplicationStatus.RESEARCHED)
        .select_related("case", "request_type", "person")
        .order_by("submitted_at", "id")
    )


def votes(meeting: Meeting) -> list[Vote]:
    return list(meeting.votes.select_related("member"))


def meeting_list(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    return meetings.select_related("committee").order_by("-held_at", "-id")
