"""Who may see and do what with cases. Every interface asks here; nothing else decides.

A case another organization owns, or one a person may not see, is "not found" — the same answer as a
reference that does not exist, so nothing leaks across organizations or sections.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from khidma.accounts.models import Role, User
from khidma.cases.models import Case, PreparedReply
from khidma.core.errors import DomainError, NotFound
from khidma.organizations.selectors import department_subtree_ids

ACTIONS = (
    "assign",
    "start",
    "hold",
    "resume",
    "resolve",
    "close",
    "reopen",
    "reject",
    "duplicate",
    "refer",
    "priority",
    "category",
    "note",
    "confirm-closure",
    "new-code",
)

# Entering the closure code a reporter gives by phone, at a counter or on site, and sending the reporter a
# new one (the old one may be locked after wrong tries).
_CONFIRM = "confirm-closure"
_NEW_CODE = "new-code"
_INTAKE = {
    "note",
    "category",
    "priority",
    "assign",
    "hold",
    "resume",
    "duplicate",
    "refer",
    _CONFIRM,
    _NEW_CODE,
}
_FIELD = {"note", "start", "hold", "resume", "resolve", _CONFIRM, _NEW_CODE}
_ALL = set(ACTIONS)

ROLE_ACTIONS: dict[str, frozenset[str]] = {
    Role.AGENT_940: frozenset(_INTAKE),
    Role.COUNTER_AGENT: frozenset(_INTAKE),
    Role.FIELD_STAFF: frozenset(_FIELD),
    Role.DEPARTMENT_HEAD: frozenset(_ALL - {"close"}),
    Role.FOLLOWUP: frozenset(
        {"note", "assign", "priority", "hold", "resume", "reopen", "close", "duplicate", _NEW_CODE}
    ),
    Role.SUPERVISOR: frozenset(_ALL),
    Role.WOMENS_SECTION: frozenset(_ALL),
    Role.RESEARCHER: frozenset({"note", "start", "hold", "resume", "resolve", "category"}),
    Role.COMMITTEE: frozenset({"note", "resolve", "reject", "close"}),
    Role.ORG_ADMIN: frozenset(_ALL),
}

# Roles that take cases in: they create them and may record when a letter or import was received.
CREATOR_ROLES = frozenset(
    {
        Role.AGENT_940,
        Role.COUNTER_AGENT,
        Role.WOMENS_SECTION,
        Role.SUPERVISOR,
        Role.ORG_ADMIN,
        Role.RESEARCHER,
    }
)
# Roles that see a reporter's phone and email: those who talk to reporters or answer for the service.
CONTACT_ROLES = frozenset(
    {Role.AGENT_940, Role.COUNTER_AGENT, Role.FOLLOWUP, Role.SUPERVISOR, Role.WOMENS_SECTION, Role.ORG_ADMIN}
)
# Roles that keep the organization's prepared replies (the same people who write its public content).
REPLY_EDITOR_ROLES = frozenset({Role.ORG_ADMIN, Role.SUPERVISOR})
# Roles that see the women's section's cases.
WOMENS_SECTION_ROLES = frozenset({Role.WOMENS_SECTION, Role.SUPERVISOR})
# Roles that see only their own department's cases (and those assigned to them).
DEPARTMENT_ROLES = frozenset({Role.FIELD_STAFF, Role.DEPARTMENT_HEAD})


def womens_section_filter(user: User, field: str = "womens_section") -> Q | None:
    """The women's-section rule as a filter on ``field`` (a path to ``Case.womens_section``), or None when the
    role sees both sides. Rows of other domains that hang on a case (a home visit, an application) use it too.
    """
    if user.role == Role.WOMENS_SECTION:
        return Q(**{field: True})
    if user.role in WOMENS_SECTION_ROLES:
        return None
    return Q(**{field: False})


def case_visibility_q(user: User, path: str = "") -> Q:
    """Which cases ``user`` may see, as a condition on the case at ``path`` (``"case__"`` from a row that
    hangs on a case): the one rule behind the API, the back office, the admin and every row tied to a case."""
    if not user.is_authenticated or not user.is_active or user.organization_id is None or not user.role:
        return Q(pk__in=[])
    condition = Q(**{f"{path}organization_id": user.organization_id})
    womens_section = womens_section_filter(user, f"{path}womens_section")
    if womens_section is not None:
        condition &= womens_section
    if user.role in DEPARTMENT_ROLES:
        scope = Q(**{f"{path}assignee": user})
        if user.department_id is not None:
            scope |= Q(**{f"{path}department_id__in": department_subtree_ids(department=user.department)})
        condition &= scope
    return condition


def cases_visible_to(user: User) -> QuerySet[Case]:
    return Case.objects.filter(case_visibility_q(user))


def case_get_visible(user: User, reference: str) -> Case:
    case = cases_visible_to(user).filter(reference=reference).first()
    if case is None:
        raise NotFound.single("reference", "not_found", _("No case has this reference number."))
    return case


def can_act(user: User, case: Case, action: str) -> bool:
    return (
        action in ROLE_ACTIONS.get(user.role, frozenset())
        and cases_visible_to(user).filter(pk=case.pk).exists()
    )


def ensure_can_act(user: User, case: Case, action: str) -> None:
    if action not in ACTIONS:
        raise NotFound.single("action", "unknown_action", _("Unknown action."))
    if not can_act(user, case, action):
        raise DomainError.single(
            "action", "forbidden", _("Your role does not allow this action on this case."), status=403
        )


def can_create_cases(user: User) -> bool:
    return user.is_active and user.organization_id is not None and user.role in CREATOR_ROLES


def can_see_contact(user: User) -> bool:
    return user.role in CONTACT_ROLES


def can_manage_replies(user: User) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and user.organization_id is not None
        and user.role in REPLY_EDITOR_ROLES
    )


def ensure_can_manage_replies(user: User, organization_id: int) -> None:
    """403 when the role may not keep prepared replies, 404 for another organization's reply."""
    if not can_manage_replies(user):
        raise DomainError.single(
            "", "forbidden", _("Your role does not allow changing prepared replies."), status=403
        )
    if organization_id != user.organization_id:
        raise NotFound.single("reply", "not_found", _("There is no such prepared reply."))


def replies_visible_to(user: User) -> QuerySet[PreparedReply]:
    """The prepared replies of the person's organization (every staff member may use them)."""
    if not can_view_staff_api(user):
        return PreparedReply.objects.none()
    return PreparedReply.objects.filter(organization_id=user.organization_id)


def can_view_staff_api(user: User) -> bool:
    return user.is_active and user.organization_id is not None and bool(user.role)
