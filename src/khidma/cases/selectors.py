"""Reads of cases. Callers pass a queryset already narrowed by ``khidma.cases.access``."""

from __future__ import annotations

import contextlib
import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.db.models.functions import ExtractHour
from django.utils import timezone

from khidma.accounts.models import User
from khidma.cases import privacy
from khidma.cases.lifecycle import OPEN_STATUSES
from khidma.cases.models import Case, CaseEvent, PreparedReply, Status
from khidma.cases.search import text_match
from khidma.core import damm
from khidma.core.phones import fold_digits, normalize_phone
from khidma.organizations.models import Organization


@dataclass(frozen=True)
class CaseFilters:
    status: list[str] | None = None
    category: str | None = None
    department: str | None = None
    area: str | None = None
    channel: str | None = None
    language: str | None = None
    priority: str | None = None
    service_point: str | None = None
    received_from: datetime.datetime | None = None
    received_to: datetime.datetime | None = None
    sla_state: str | None = None
    q: str | None = None
    kind: str | None = None
    assignee: int | None = None  # a member of staff's id
    # One of REPORT_FILTERS: what a figure of the dashboard counted (open, confirmed, first response met…).
    outcome: str | None = None
    rating: int | None = None
    hour: int | None = None  # hour of the day received, in the current time zone
    # A box (south, west, north, east), south and west included, north and east not: a hotspot's cell.
    bbox: tuple[float, float, float, float] | None = None


# The service-level states a queue can be narrowed to, as conditions on the indexed timer columns (the same
# states cases.deadlines.sla_status works out for one case).
SLA_STATE_FILTERS: dict[str, Q] = {
    "on_track": Q(status__in=OPEN_STATUSES, sla_timer__at_risk=False, sla_timer__escalation_level=0),
    "at_risk": Q(status__in=OPEN_STATUSES, sla_timer__at_risk=True, sla_timer__escalation_level=0),
    "breached": Q(status__in=OPEN_STATUSES, sla_timer__escalation_level__gte=1),
    "met": Q(resolved_at__isnull=False, resolved_at__lte=F("resolution_due_at")),
    "missed": Q(resolved_at__isnull=False, resolved_at__gt=F("resolution_due_at")),
    "none": Q(resolution_due_at__isnull=True),
}


# What each figure of the dashboard and the season reports counts, and what its link lists in the queue
# (``?outcome=…``): the reports count a stored answer to these very conditions (reports/facts.py), so a
# number and the list behind it are always the same cases.
REPORT_FILTERS: dict[str, Q] = {
    "open": Q(status__in=OPEN_STATUSES),
    "closed": Q(status=Status.CLOSED),
    "confirmed": Q(status=Status.CLOSED, closure_outcome="confirmed"),
    "unconfirmed": Q(status=Status.CLOSED, closure_outcome="unconfirmed"),
    "closed_by_staff": Q(status=Status.CLOSED, closure_outcome="staff"),
    # Reopened by staff, or by the reporter's "not fixed" (both move the case to reopened).
    "reopened": Q(Exists(CaseEvent.objects.filter(case_id=OuterRef("pk"), to_status=Status.REOPENED))),
    "first_response_met": Q(
        first_response_due_at__isnull=False,
        first_responded_at__isnull=False,
        first_responded_at__lte=F("first_response_due_at"),
    ),
    "first_response_missed": Q(
        first_response_due_at__isnull=False,
        first_responded_at__isnull=False,
        first_responded_at__gt=F("first_response_due_at"),
    ),
    # No answer yet, and the sweep has found the first-response target passed.
    "first_response_overdue": Q(
        first_response_due_at__isnull=False,
        first_responded_at__isnull=True,
        sla_timer__first_response_breached=True,
    ),
    "resolution_met": SLA_STATE_FILTERS["met"],
    "resolution_missed": SLA_STATE_FILTERS["missed"],
    "resolution_breached": SLA_STATE_FILTERS["breached"],
}


def case_filter(cases: QuerySet[Case], filters: CaseFilters, *, search_contact: bool) -> QuerySet[Case]:
    if filters.status:
        cases = cases.filter(status__in=filters.status)
    if filters.outcome in REPORT_FILTERS:
        cases = cases.filter(REPORT_FILTERS[filters.outcome])
    if filters.assignee:
        cases = cases.filter(assignee_id=filters.assignee)
    if filters.rating:
        cases = cases.filter(satisfaction__rating=filters.rating)
    if filters.hour is not None:
        hour = ExtractHour("received_at", tzinfo=timezone.get_current_timezone())
        cases = cases.annotate(received_hour=hour).filter(received_hour=filters.hour)
    if filters.bbox is not None:
        south, west, north, east = filters.bbox
        cases = cases.filter(lat__gte=south, lat__lt=north, lon__gte=west, lon__lt=east)
    for field, value in (
        ("category__code", filters.category),
        ("department__code", filters.department),
        ("area__code", filters.area),
        ("channel", filters.channel),
        ("language", filters.language),
        ("priority", filters.priority),
        ("service_point__code", filters.service_point),
        ("kind", filters.kind),
    ):
        if value:
            cases = cases.filter(**{field: value})
    if filters.received_from:
        cases = cases.filter(received_at__gte=filters.received_from)
    if filters.received_to:
        cases = cases.filter(received_at__lt=filters.received_to)
    if filters.sla_state in SLA_STATE_FILTERS:
        cases = cases.filter(SLA_STATE_FILTERS[filters.sla_state])
    if filters.q:
        text = filters.q.strip()
        digits = fold_digits(text).replace(" ", "")
        match = text_match(text)
        if digits.isdigit():
            if damm.is_valid(digits) and len(digits) <= 12:
                # A well-formed reference number: look it up, don't scan text for its digits.
                match = Q(reference=digits)
            else:
                match |= Q(reference=digits)
            if search_contact:
                # A whole phone number, however typed, matches the indexed E.164 column exactly.
                with contextlib.suppress(ValueError):
                    match |= Q(reporter_phone=normalize_phone(digits))
        cases = cases.filter(match)
    return cases


def case_list_related(cases: QuerySet[Case]) -> QuerySet[Case]:
    return cases.select_related(
        "category",
        "department",
        "area",
        "service_point",
        "assignee",
        "duplicate_of",
        "sla_policy__calendar",
        "sla_timer",
    )


def people_with_workload(people: QuerySet[User]) -> QuerySet[User]:
    """People (already narrowed by ``access.assignable_people``) each with ``open_cases``, the number of
    open cases they have: what a head looks at before giving one more. One query for the whole list."""
    return (
        people.select_related("department")
        .annotate(open_cases=Count("assigned_cases", filter=Q(assigned_cases__status__in=OPEN_STATUSES)))
        .order_by("department__code", "first_name", "last_name", "username")
    )


def case_get_public(*, organization: Organization, reference: str) -> Case | None:
    return (
        Case.objects.filter(organization=organization, reference=reference)
        .select_related("category", "department", "area", "organization")
        .first()
    )


def case_public_original(case: Case) -> Case | None:
    """The earlier report a duplicate follows, when its reporter may see it: only a public problem of the
    same organization (cases/privacy.py), never a private case, whose timeline, fix and photos are for its
    own reporter alone."""
    if case.duplicate_of_id is None:
        return None
    original = (
        Case.objects.filter(pk=case.duplicate_of_id, organization_id=case.organization_id)
        .select_related("category", "department", "area")
        .first()
    )
    return original if original is not None and privacy.is_public_problem(original) else None


def case_public_photos(case: Case) -> QuerySet:
    """Photos staff marked to be shown to the reporter (the after-photo of a resolution)."""
    return case.attachments.filter(is_public=True, content_type__startswith="image/").order_by(
        "created_at", "id"
    )


def case_public_timeline(case: Case, *, with_notes: bool) -> list[CaseEvent]:
    """The public events of a case, oldest first. ``with_notes`` False (a private case read by someone who
    has not shown the reporter's key: cases/privacy.py) keeps the steps and drops what staff wrote."""
    events = list(case.events.filter(is_public=True).order_by("created_at", "id"))
    if not with_notes:
        for event in events:
            event.note = ""
    return events


def case_messages(case: Case, limit: int = 12) -> list:
    """The latest messages to the case's reporters, for staff to see what went, what waits (for its
    translation) and what failed. Never their text: it holds the closure code."""
    return list(
        case.messages.only(
            "created_at", "channel", "language", "template", "status", "last_error", "case_id"
        ).order_by("-created_at", "-id")[:limit]
    )


def case_events(case: Case) -> QuerySet[CaseEvent]:
    return case.events.select_related("actor").order_by("created_at", "id")


def prepared_reply_list(replies: QuerySet[PreparedReply]) -> QuerySet[PreparedReply]:
    return replies.prefetch_related("categories").order_by("-is_active", "key")


def prepared_replies_for_case(case: Case) -> dict[str, list[PreparedReply]]:
    """The active replies of the case's organization that fit the case's category, by the action they go
    with (a reply for no category in particular fits every case). An organization keeps tens of replies, not
    thousands, so the tags are matched here rather than in SQL (JSON lists are not portable to query)."""
    replies = PreparedReply.objects.filter(organization_id=case.organization_id, is_active=True)
    fitting: dict[str, list[PreparedReply]] = {}
    for reply in replies.prefetch_related("categories").order_by("key"):
        categories = {category.pk for category in reply.categories.all()}
        if categories and case.category_id not in categories:
            continue
        for action in reply.actions:
            fitting.setdefault(action, []).append(reply)
    return fitting


def prepared_replies_fitting(*, case: Case, action: str) -> list[PreparedReply]:
    """The replies offered for ``action`` on ``case``."""
    return prepared_replies_for_case(case).get(action, [])


def prepared_reply_fits(reply: PreparedReply, *, case: Case, action: str) -> bool:
    return any(r.pk == reply.pk for r in prepared_replies_fitting(case=case, action=action))


def prepared_reply_titles(events: list[CaseEvent], *, language: str) -> dict[str, str]:
    """The titles, in ``language``, of the prepared replies these events sent, by key (a timeline names the
    reply a person chose, not its key). One query, whatever the number of events."""
    ids = {e.data["reply"]["id"] for e in events if isinstance(e.data, dict) and e.data.get("reply")}
    if not ids:
        return {}
    return {reply.key: reply.title_in(language) for reply in PreparedReply.objects.filter(pk__in=ids)}


COMPLIANCE_GROUPS = ("category", "department", "area", "month")


def sla_compliance(
    cases: QuerySet[Case],
    *,
    group_by: str,
    resolved_from: datetime.datetime | None = None,
    resolved_to: datetime.datetime | None = None,
    tz: datetime.tzinfo | None = None,
) -> list[dict]:
    """Met and missed resolution targets of resolved cases, grouped. A case counts once, by when it was
    (last) resolved; cases without a target (no policy) are left out."""
    from django.db.models import Count, F
    from django.db.models.functions import TruncMonth

    resolved = cases.filter(resolved_at__isnull=False, resolution_due_at__isnull=False)
    if resolved_from:
        resolved = resolved.filter(resolved_at__gte=resolved_from)
    if resolved_to:
        resolved = resolved.filter(resolved_at__lt=resolved_to)
    if group_by == "month":
        grouped = resolved.annotate(key=TruncMonth("resolved_at", tzinfo=tz)).values("key")
    else:
        grouped = resolved.values(key=F(f"{group_by}__code"))
    rows = grouped.annotate(
        met=Count("pk", filter=Q(resolved_at__lte=F("resolution_due_at"))),
        missed=Count("pk", filter=Q(resolved_at__gt=F("resolution_due_at"))),
    ).order_by("key")
    return list(rows)
