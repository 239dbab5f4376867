"""Who may do what in the service programs. Every row belongs to one organization: rows of another
organization are "not found", exactly like rows that do not exist. Rows that hang on a case (a home visit, an
application, a walk-in that became a case) are seen by exactly the people who see the case
(``cases.access.cases_visible_to``: the women's-section rule and department scope); for anyone else they
are "not found", like the case. Contact details (a principal's phone and authorization document, a person's
phone) follow the cases' masking rule (``cases.access.can_see_contact``)."""

from __future__ import annotations

from typing import TypeVar

from django.db.models import Model, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from khidma.accounts.models import Role, User
from khidma.cases import access as case_access
from khidma.core.errors import DomainError, NotFound

M = TypeVar("M", bound=Model)

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
    user may see (the cases' own rule, applied as a subquery so it never drifts from it)."""
    if user.organization_id is None:
        return queryset.none()
    queryset = queryset.filter(organization_id=user.organization_id)
    case_field = next((f for f in queryset.model._meta.get_fields() if f.name == "case"), None)
    if case_field is not None:
        rule = Q(case__in=case_access.cases_visible_to(user).values("pk"))
        if case_field.null:  # a walk-in without a case hangs on nobody's case
            rule |= Q(case__isnull=True)
        queryset = queryset.filter(rule)
    return queryset


def can_see_contact(user: User) -> bool:
    """A principal's phone and authorization document: the cases' rule for a reporter's contact details."""
    return case_access.can_see_contact(user)


def can_see_person_contact(user: User) -> bool:
    """A person's phone in the register of people: the cases' contact roles, and those who keep the register
    (an association's researcher finds the member who calls by their number)."""
    return case_access.can_see_contact(user) or can(user, "person_manage")


def ensure_can_record_at(user: User, point) -> None:
    """Staff record walk-ins at their own post; supervisors and administrators at any point of theirs."""
    ensure(user, "walkin_record")
    if point.organization_id != user.organization_id:
        raise NotFound.single("service_point", "not_found", _("Not found."))
    if user.role not in _LEADS and point.pk != user.service_point_id:
        raise DomainError.single(
            "service_point", "not_your_post", _("You can record walk-ins only at your own post."), status=403
        )
