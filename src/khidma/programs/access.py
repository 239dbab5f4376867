"""Who may do what in the service programs. Every row belongs to one organization: rows of another
organization are "not found", exactly like rows that do not exist. Rows that hang on a case (a home visit, an
application, a walk-in that became a case) are seen by exactly the people who see the case
(``cases.access.cases_visible_to``: the women's-section rule and department scope); for anyone else they
are "not found", like the case. Contact details (a principal's phone and authorization document, a person's
phone) follow the cases' masking rule (``cases.access.can_see_contact``)."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import Model, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from khidma.accounts.models import Role, User
from khidma.cases import access as case_access
from khidma.cases.models import Case
from khidma.cases.references import parse_reference
from khidma.core.errors import DomainError, NotFound
from khidma.organizations.models import ServicePoint

M = TypeVar("M", bound=Model)
_ID_LIMIT = 2**63

_INTAKE = {Role.AGENT_940, Role.COUNTER_AGENT, Role.WOMENS_SECTION}
_LEADS = {Role.SUPERVISOR, Role.ORG_ADMIN}

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    # Setting programs up: teams, request types, committee meetings.
    "configure": frozenset(_LEADS),
    # Home visits: recording eligibility and scheduling; completing on site.
    "visit_schedule": frozenset(_INTAKE | _LEADS | {Role.RESEARCHER}),
    "visit_complete": frozenset(_LEADS | {Role.FIELD_STAFF, Role.RESEARCHER}),
    # Proxy services: recording authorizations; acting for a principal (only the named proxy, or leads).
    "authorization_manage": frozenset(_INTAKE | _LEADS),
    "proxy_act": frozenset(_INTAKE | _LEADS | {Role.RESEARCHER}),
    # Association requests.
    "application_intake": frozenset(_INTAKE | _LEADS | {Role.RESEARCHER}),
    "application_research": frozenset(_LEADS | {Role.RESEARCHER}),
    "meeting_manage": frozenset(_LEADS | {Role.COMMITTEE}),
    "meeting_vote": frozenset({Role.COMMITTEE}),
    "application_deliver": frozenset(_LEADS | {Role.RESEARCHER, Role.COUNTER_AGENT}),
    # The people an organization serves.
    "person_manage": frozenset(_INTAKE | _LEADS | {Role.RESEARCHER}),
    # Counters and mobile units: recording walk-ins (at one's own post; leads at any point), planning stops.
    "walkin_record": frozenset(_INTAKE | _LEADS),
    "schedule_manage": frozenset(_LEADS),
    # Where people come, per point and hour: for placing units.
    "volume_view": frozenset(_LEADS),
}


def can(user: User, permission: str) -> bool:
    return user.is_active and user.organization_id is not None and user.role in ROLE_PERMISSIONS[permission]


def ensure(user: User, permission: str) -> None:
    if not can(user, permission):
        raise DomainError.single("", "forbidden", _("Your role does not allow this."), status=403)


def scoped(user: User, queryset: QuerySet[M]) -> QuerySet[M]:
    """Narrow any program queryset to the user's organization and, for rows tied to a case, to the cases the
    user may see (the cases' own rule, ``case_visibility_q``, so it never drifts from it)."""
    if user.organization_id is None:
        return queryset.none()
    queryset = queryset.filter(organization_id=user.organization_id)
    case_field = next((f for f in queryset.model._meta.get_fields() if f.name == "case"), None)
    if case_field is not None:
        rule = case_access.case_visibility_q(user, "case__")
        if case_field.null:  # a walk-in without a case hangs on nobody's case
            rule |= Q(case__isnull=True)
        queryset = queryset.filter(rule)
    return queryset


def visible(user: User, model: type[M]) -> QuerySet[M]:
    """Every row of ``model`` the user may see: the starting point of every programs read."""
    return scoped(user, model._default_manager.all())


def get_visible(user: User, rows: type[M] | QuerySet[M], pk: object) -> M | None:
    """One row by id if the user may see it, else None (callers answer "not found")."""
    queryset = rows if isinstance(rows, QuerySet) else rows._default_manager.all()
    try:
        number = int(str(pk))
    except ValueError:
        return None
    if not 0 < number < _ID_LIMIT:  # past a 64-bit id the database would refuse the query itself
        return None
    return scoped(user, queryset).filter(pk=number).first()


def case_visible(user: User, reference: str) -> Case:
    """The case a program step names, by its reference as typed, if the user may see it (the cases' rule);
    anything else is "not found", or "check the number" for a mistyped reference."""
    return case_access.case_get_visible(user, parse_reference(reference.strip()))


def visible_references(user: User, references: set[str]) -> set[str]:
    """Those of the case references the user may see (an audit line names no other)."""
    if not references:
        return set()
    cases = case_access.cases_visible_to(user).filter(reference__in=references)
    return set(cases.values_list("reference", flat=True))


def can_see_contact(user: User) -> bool:
    """A principal's phone and authorization document: the cases' rule for a reporter's contact details."""
    return case_access.can_see_contact(user)


def can_see_person_contact(user: User) -> bool:
    """A person's phone in the register of people: the cases' contact roles, and those who keep the register
    (an association's researcher finds the member who calls by their number)."""
    return case_access.can_see_contact(user) or can(user, "person_manage")


def ensure_same_organization(field: str, obj: Any, organization_id: int) -> None:
    """Records of two organizations are never linked: the other's row is "not found"."""
    if obj.organization_id != organization_id:
        raise NotFound.single(field, "not_found", _("Not found."))


# --- Counters and mobile units ----------------------------------------------------------------------------


def records_anywhere(user: User) -> bool:
    """Supervisors and administrators record walk-ins at any point of their organization, others at their
    post."""
    return user.role in _LEADS


def walkin_points(user: User) -> QuerySet[ServicePoint]:
    """The points where the user may record walk-ins: their post, or every point people come to for leads."""
    points = ServicePoint.objects.filter(organization_id=user.organization_id, is_active=True).exclude(
        kind=ServicePoint.Kind.CALL_CENTRE
    )
    if not records_anywhere(user):
        points = points.filter(pk=user.service_point_id)
    return points.order_by("code")


def ensure_can_record_at(user: User, point: ServicePoint) -> None:
    ensure(user, "walkin_record")
    ensure_same_organization("service_point", point, user.organization_id)
    if not records_anywhere(user) and point.pk != user.service_point_id:
        raise DomainError.single(
            "service_point", "not_your_post", _("You can record walk-ins only at your own post."), status=403
        )


# --- Proxy services ---------------------------------------------------------------------------------------


def may_act_for(user: User, authorization: Any) -> bool:
    """Only the named proxy acts for a principal; supervisors and administrators may step in."""
    return authorization.proxy_id == user.pk or user.role in _LEADS
