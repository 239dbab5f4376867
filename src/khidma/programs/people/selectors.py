"""Reads for the people an organization serves."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from khidma.cases.models import Case
from khidma.programs.models import Application, Person


def person_cases(person: Person, *, visible: QuerySet[Case]) -> QuerySet[Case]:
    """Every case linked to the person, directly or through one of their applications, among the cases the
    reader may see (``visible``, from ``cases.access.cases_visible_to``)."""
    return (
        visible.filter(organization_id=person.organization_id)
        .filter(Q(people=person) | Q(application__person=person))
        .distinct()
        .order_by("-received_at", "-id")
    )


def person_applications(person: Person) -> QuerySet[Application]:
    return person.applications.select_related("case", "request_type").order_by("-submitted_at")
