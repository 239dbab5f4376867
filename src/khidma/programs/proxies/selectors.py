"""Reads for proxy services. Callers pass querysets already narrowed by ``programs.access.scoped``."""

from __future__ import annotations

from django.db.models import QuerySet

from khidma.accounts.models import User
from khidma.organizations.models import Organization
from khidma.programs.models import Authorization


def authorization_list(authorizations: QuerySet[Authorization]) -> QuerySet[Authorization]:
    """Newest first, with the proxy employee."""
    return authorizations.select_related("proxy", "organization")


def authorization_is_valid(authorization: Authorization) -> bool:
    """Valid up to and including its expiry day, in the organization's time zone."""
    return authorization.expires_on >= authorization.organization.local_today()


def proxy_candidates(*, organization: Organization) -> QuerySet[User]:
    """The employees who may be named to act for a principal: the organization's active staff."""
    return (
        User.objects.filter(organization=organization, is_active=True).exclude(role="").order_by("username")
    )


def proxy_find(*, organization: Organization, username: str) -> User | None:
    return User.objects.filter(organization=organization, username=username).first()
