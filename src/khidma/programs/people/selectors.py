"""Reads for the people an organization serves."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from khidma.cases.models import Case
from khidma.core.phones import fold_digits, normalize_phone
from khidma.core.text import fold_for_search
from khidma.organizations.models import Organization
from khidma.programs.models import Application, Person

SEARCH_MAX = 20
# A query with this many digits is a phone number: people are found by their whole number, never by part of
# it (a part would let anyone list the register's numbers).
PHONE_DIGITS = 7


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


def person_by_phone(*, organization: Organization, phone: str) -> Person | None:
    """The person the register knows by this (normalized) number, if any."""
    if not phone:
        return None
    return Person.objects.filter(organization=organization, phone=phone).order_by("id").first()


def people_search(people: QuerySet[Person], query: str) -> QuerySet[Person]:
    """People by their whole phone number (typed in any form) or by part of their name, however spelt."""
    query = (query or "").strip()
    digits = sum(ch.isdigit() for ch in fold_digits(query))
    if digits >= PHONE_DIGITS:
        try:
            return people.filter(phone=normalize_phone(query)).order_by("name", "id")[:SEARCH_MAX]
        except ValueError:
            return people.none()
    folded = fold_for_search(query)
    if len(folded) < 2:
        return people.none()
    return people.filter(name_folded__contains=folded).order_by("name", "id")[:SEARCH_MAX]
