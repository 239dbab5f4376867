"""Reads for the Open311 interface. Every function works inside one organization (the jurisdiction)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils.translation import gettext_lazy as _

from khidma.cases import privacy
from khidma.cases.models import Case, CaseEvent, Status
from khidma.core.errors import NotFound
from khidma.open311.models import ApiKey, ClientUpdate, ServiceAttribute, ServiceDetail
from khidma.organizations import selectors as org_selectors
from khidma.organizations.models import Category, Organization

# Khidma statuses that Open311 calls "closed"; every other status is "open".
CLOSED_STATUSES = frozenset(
    {Status.CLOSED, Status.RESOLVED, Status.REJECTED, Status.DUPLICATE, Status.REFERRED}
)


def open311_status(status: str) -> str:
    return "closed" if status in CLOSED_STATUSES else "open"


# GET /requests lists public problems only (cases/privacy.py). Complaints, inquiries, women's-section and
# proxy cases are between a person and the organization: found by their number only, and then without
# description, address, position, media or notes.
is_listed = privacy.is_public_problem


# --- Jurisdictions and services ------------------------------------------------------------------------


def jurisdiction_get(*, jurisdiction_id: str | None, api_key: ApiKey | None) -> Organization:
    """The organization a request addresses: ``jurisdiction_id`` (a slug) when given; otherwise the API key's
    organization, the installation's default organization, or the only active organization."""
    if jurisdiction_id:
        organization = org_selectors.organization_get_active(slug=jurisdiction_id)
        if organization is None:
            raise NotFound.single("jurisdiction_id", "unknown_jurisdiction", _("Unknown jurisdiction."))
        return organization
    if api_key is not None:
        return api_key.organization
    organization = org_selectors.organization_get_active(slug=settings.KHIDMA_DEFAULT_ORGANIZATION)
    if organization is not None:
        return organization
    active = list(Organization.objects.filter(is_active=True)[:2])
    if len(active) == 1:
        return active[0]
    raise NotFound.single(
        "jurisdiction_id", "unknown_jurisdiction", _("Name the jurisdiction (jurisdiction_id).")
    )


@dataclass(frozen=True)
class ServiceRow:
    category: Category
    detail: ServiceDetail | None
    has_attributes: bool


def service_list(*, organization: Organization) -> list[ServiceRow]:
    categories = list(org_selectors.category_list_active(organization=organization))
    details = service_details(organization=organization)
    with_attributes = set(
        ServiceAttribute.objects.filter(organization=organization, is_active=True).values_list(
            "category_id", flat=True
        )
    )
    return [ServiceRow(c, details.get(c.pk), c.pk in with_attributes) for c in categories]


def service_get(*, organization: Organization, code: str) -> Category:
    category = org_selectors.category_get_active(organization=organization, code=code)
    if category is None:
        raise NotFound.single("service_code", "unknown_service", _("Unknown service."))
    return category


def service_find(*, organization: Organization, code: str) -> Category | None:
    return org_selectors.category_get_active(organization=organization, code=code)


def service_detail(*, category: Category) -> ServiceDetail | None:
    return ServiceDetail.objects.filter(category=category).first()


def service_details(*, organization: Organization) -> dict[int, ServiceDetail]:
    return {d.category_id: d for d in ServiceDetail.objects.filter(organization=organization)}


def attribute_list(*, category: Category) -> list[ServiceAttribute]:
    return list(
        ServiceAttribute.objects.filter(
            organization_id=category.organization_id, category=category, is_active=True
        ).order_by("order", "code")
    )


# --- Requests -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RequestQuery:
    references: list[str] | None = None
    service_codes: list[str] | None = None
    start: datetime.datetime | None = None
    end: datetime.datetime | None = None
    statuses: list[str] | None = None
    offset: int = 0
    limit: int = 1000
    extensions: bool = False


def _status_notes() -> Subquery:
    # The latest public note written by the organization (a client's own comments are not status notes).
    return Subquery(
        CaseEvent.objects.filter(case=OuterRef("pk"), is_public=True, open311_update__isnull=True)
        .exclude(note="")
        .order_by("-created_at", "-id")
        .values("note")[:1]
    )


def _requests(organization: Organization, *, extensions: bool) -> QuerySet[Case]:
    cases = (
        Case.objects.filter(organization=organization)
        .select_related("category", "department", "open311_submission")
        .annotate(o311_status_notes=_status_notes())
    )
    if extensions:
        cases = cases.prefetch_related(
            Prefetch(
                "events",
                queryset=CaseEvent.objects.filter(is_public=True).order_by("created_at", "id"),
                to_attr="o311_public_events",
            )
        )
    return cases


def request_search(*, organization: Organization, query: RequestQuery) -> list[Case]:
    cases = _requests(organization, extensions=query.extensions)
    if query.references is not None:
        # The standard: a list of ids overrides every other argument.
        cases = cases.filter(reference__in=query.references)
    else:
        cases = privacy.public_problems(cases)
        if query.service_codes:
            cases = cases.filter(category__code__in=query.service_codes)
        if query.start is not None:
            cases = cases.filter(received_at__gte=query.start)
        if query.end is not None:
            cases = cases.filter(received_at__lt=query.end)
        if query.statuses and set(query.statuses) != {"open", "closed"}:
            if "closed" in query.statuses:
                cases = cases.filter(status__in=CLOSED_STATUSES)
            else:
                cases = cases.exclude(status__in=CLOSED_STATUSES)
    cases = cases.order_by("-received_at", "-id")
    return list(cases[query.offset : query.offset + query.limit])


def request_get(*, organization: Organization, reference: str, extensions: bool = False) -> Case:
    case = _requests(organization, extensions=extensions).filter(reference=reference).first()
    if case is None:
        raise NotFound.single("service_request_id", "not_found", _("No request has this id."))
    return case


def case_for_update(*, organization: Organization, reference: str) -> Case:
    case = Case.objects.filter(organization=organization, reference=reference).first()
    if case is None:
        raise NotFound.single("service_request_id", "not_found", _("No request has this id."))
    return case


def case_with_idempotency_key(*, organization: Organization, key: str) -> Case | None:
    return Case.objects.filter(organization=organization, idempotency_key=key).first()


# --- Updates ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UpdateQuery:
    start: datetime.datetime
    end: datetime.datetime
    offset: int = 0
    limit: int = 1000


def _status_at_event() -> Subquery:
    earlier = Q(created_at__lt=OuterRef("created_at")) | Q(
        created_at=OuterRef("created_at"), id__lte=OuterRef("id")
    )
    return Subquery(
        CaseEvent.objects.filter(earlier, case=OuterRef("case"))
        .exclude(to_status="")
        .order_by("-created_at", "-id")
        .values("to_status")[:1]
    )


def update_search(*, organization: Organization, query: UpdateQuery) -> list[CaseEvent]:
    """Public events of listed cases in the window, oldest first: the servicerequestupdates extension."""
    events = (
        CaseEvent.objects.filter(
            privacy.public_problem_q("case__"),
            organization=organization,
            is_public=True,
            created_at__gte=query.start,
            created_at__lt=query.end,
        )
        .select_related("case", "case__open311_submission", "open311_update")
        .annotate(o311_status=_status_at_event())
        .order_by("created_at", "id")
    )
    return list(events[query.offset : query.offset + query.limit])


def update_by_client_id(*, api_key: ApiKey, client_update_id: str) -> ClientUpdate | None:
    return (
        ClientUpdate.objects.select_related("event", "case")
        .filter(api_key=api_key, client_update_id=client_update_id)
        .first()
    )
