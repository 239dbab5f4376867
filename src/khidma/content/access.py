"""Who may edit the knowledge base and the awareness posts.

Organization administrators and supervisors write and publish for their own organization; nobody else
does. Another organization's article or post is "not found", exactly like one that does not exist.
"""

from __future__ import annotations

from typing import TypeVar

from django.db.models import Model, QuerySet
from django.utils.translation import gettext_lazy as _

from khidma.accounts.models import Role
from khidma.core.errors import DomainError, FieldError, NotFound

M = TypeVar("M", bound=Model)

EDIT_ROLES: frozenset[str] = frozenset({Role.ORG_ADMIN, Role.SUPERVISOR})


def can_edit(user) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and user.organization_id is not None
        and user.role in EDIT_ROLES
    )


def ensure_can_edit(user, organization_id: int | None = None) -> None:
    """Raise 403 when the role may not edit content, 404 when the row belongs to another organization."""
    if not can_edit(user):
        raise DomainError.single("", "forbidden", _("Your role does not allow editing content."), status=403)
    if organization_id is not None and organization_id != user.organization_id:
        raise NotFound(FieldError("", "not_found", _("There is no such page.")))


def scoped(user, queryset: QuerySet[M]) -> QuerySet[M]:
    """Narrow a content queryset to the user's organization (nothing for users without one)."""
    if getattr(user, "organization_id", None) is None:
        return queryset.none()
    return queryset.filter(organization_id=user.organization_id)
