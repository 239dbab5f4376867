"""Who may edit the knowledge base and the awareness posts.

Organization administrators and supervisors write and publish for their own organization; nobody else
does. Another organization's article or post is "not found", exactly like one that does not exist.
"""

from __future__ import annotations

from typing import TypeVar

from django.db.models import Model, QuerySet

from khidma.accounts.models import Role

M = TypeVar("M", bound=Model)

EDIT_ROLES: frozenset[str] = frozenset({Role.ORG_ADMIN, Role.SUPERVISOR})


def can_edit(user) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and user.organization_id is not None
        and user.role in EDIT_ROLES
    )


def scoped(user, queryset: QuerySet[M]) -> QuerySet[M]:
    """Narrow a content queryset to the user's organization (nothing for users without one)."""
    if getattr(user, "organization_id", None) is None:
        return queryset.none()
    return queryset.filter(organization_id=user.organization_id)
