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
from khidma.organizations.models import Department
from khidma.organizations.selectors import department_subtree_ids

ACTIONS = (
    "take",
    "assign",
    "unassign",
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
_FIELD = {"take", "note", "start", "hold", "resume", "resolve", _CONFIRM, _NEW_CODE}
_ALL = set(ACTIONS)

ROLE_ACTIONS: dict[str, frozenset[str]] = {
    Role.AGENT_940: frozenset(_INTAKE),
    Role.COUNTER_AGENT: frozenset(_INTAKE),
    Role.FIELD_STAFF: frozenset(_FIELD),
    Role.DEPARTMENT_HEAD: frozenset(_ALL - {"close"}),
    Role.FOLLOWUP: frozenset(
        {
            "note",
            "assign",
            "unassign",
            "priority",
            "hold",
            "resume",
            "reopen",
            "close",
            "duplicate",
            _NEW_CODE,
        }
    ),
    Role.SUPERVISOR: frozenset(_ALL),
    Role.WOMENS_SECTION: frozenset(_ALL),
    Role.RESEARCHER: frozenset({"take", "note", "start", "hold", "resume", "resolve", "category"}),
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
# Roles whose people work cases themselves: they may take one, and be given one. Agents, the follow-up unit,
# supervisors, committees and administrators hand work out; they are never offered as assignees.
WORKER_ROLES = frozenset({Role.FIELD_STAFF, Role.DEPARTMENT_HEAD, Role.WOMENS_SECTION, Role.RESEARCHER})


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
            scope |= Q(**{f"{path}department_id__in": department_scope(user)})
        condition &= scope
    return condition


def department_scope(user: User) -> set[int]:
    """The person's department and every unit under it. Worked out once per user object: a page asks for it
    for each queue count, and the chart of departments does not change while a request is answered."""
    if user.department_id is None:
        return set()
    scope = getattr(user, "_department_scope", None)
    if scope is None:
        scope = department_subtree_ids(department=user.department)
        user._department_scope = scope
    return scope


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


# --- Taking and sharing work ------------------------------------------------------------------------------


def can_take(user: User, case: Case) -> bool:
    """A worker takes an open, unassigned case they can see (field staff: of their department and its
    units). The lifecycle still decides whether the case's status allows it."""
    return (
        case.assignee_id is None
        and user.role in WORKER_ROLES
        and (user.role == Role.WOMENS_SECTION) == case.womens_section
        and can_act(user, case, "take")
    )


def take_rule(user: User):
    """``can_take`` for many listed cases at once, without a query per case: the person's visibility was
    already applied to the list, so only the row's own fields are checked."""
    allowed = (
        "take" in ROLE_ACTIONS.get(user.role, frozenset())
        and user.role in WORKER_ROLES
        and user.is_active
        and user.organization_id is not None
    )
    womens = user.role == Role.WOMENS_SECTION

    def rule(case: Case) -> bool:
        return allowed and case.assignee_id is None and case.womens_section == womens

    return rule


def ensure_can_take(user: User, case: Case) -> None:
    ensure_can_act(user, case, "take")
    if not can_take(user, case):
        raise DomainError.single(
            "assignee",
            "already_assigned" if case.assignee_id else "cannot_work",
            _("Someone already has this case.")
            if case.assignee_id
            else _("Your role does not allow this action on this case."),
            status=409 if case.assignee_id else 403,
        )


def assignable_people(
    user: User, case: Case | None = None, *, department: Department | None = None
) -> QuerySet[User]:
    """Whom ``user`` may give ``case`` to: active people of the organization whose role works cases, in the
    department the case goes to (``department``, else the case's own) and its units. A department head
    shares work only within their own department and its units. Women's-section cases go to the women's
    section only, and it receives no other cases. Without a case (bulk assignment), everyone ``user`` could
    give some case to; each case is then checked on its own."""
    people = User.objects.filter(organization_id=user.organization_id, is_active=True, role__in=WORKER_ROLES)
    if case is not None:
        people = (
            people.filter(role=Role.WOMENS_SECTION)
            if case.womens_section
            else people.exclude(role=Role.WOMENS_SECTION)
        )
    scopes: list[set[int]] = []
    if user.role == Role.DEPARTMENT_HEAD:
        scopes.append(department_scope(user))
    target = department or (case.department if case is not None and case.department_id else None)
    if target is not None:
        scopes.append(department_subtree_ids(department=target))
    for ids in scopes:
        # The women's section works its cases whatever the department they were routed to.
        people = people.filter(Q(department_id__in=ids) | Q(role=Role.WOMENS_SECTION))
    return people


def ensure_can_assign_to(
    user: User, case: Case, person: User | None, *, department: Department | None = None
) -> None:
    """A person given work must be able to work it (``assignable_people``); sending a case to another
    department without naming anyone stays open to every role that assigns (a misrouted case goes back)."""
    if person is None:
        return
    if not assignable_people(user, case, department=department).filter(pk=person.pk).exists():
        raise DomainError.single(
            "assignee",
            "cannot_work_case",
            _("This person cannot work this case: choose someone of the case's department."),
        )
