"""Writes for staff accounts and API tokens."""

from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from khidma.accounts.models import ApiToken, Role, User
from khidma.core.errors import DomainError
from khidma.organizations.models import Department, Organization, ServicePoint

TOKEN_PREFIX = "kh_"  # noqa: S105 - a prefix that makes leaked tokens recognisable, not a secret
ORG_ADMIN_GROUP = "Organization administrators"
# Models an organization administrator may manage in the admin, always scoped to their organization.
_ORG_ADMIN_MODELS = {
    "organizations": ["department", "area", "servicepoint", "category", "place"],
    "triage": ["routingrule", "triagesettings"],
    "sla": ["calendar", "holiday", "slapolicy"],
    "accounts": ["user", "apitoken", "loginlock", "accountevent"],
    "cases": ["case"],
    "reports": ["season", "opendatafile"],
}


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def org_admin_group() -> Group:
    group, _created = Group.objects.get_or_create(name=ORG_ADMIN_GROUP)
    permissions = Permission.objects.filter(
        content_type__app_label__in=list(_ORG_ADMIN_MODELS),
    )
    group.permissions.set(
        [p for p in permissions if p.content_type.model in _ORG_ADMIN_MODELS[p.content_type.app_label]]
    )
    return group


@transaction.atomic
def user_create(
    *,
    organization: Organization,
    role: str,
    username: str,
    password: str,
    department: Department | None = None,
    service_point: ServicePoint | None = None,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    language: str = "ar",
) -> User:
    if role not in Role.values:
        raise DomainError.single("role", "unknown_role", _("Unknown role."))
    if User.objects.filter(username=username).exists():
        raise DomainError.single("username", "taken", _("This username is already taken."))
    for owned in (department, service_point):
        if owned is not None and owned.organization_id != organization.pk:
            raise DomainError.single("organization", "mismatch", _("That belongs to another organization."))
    user = User(
        username=username,
        organization=organization,
        role=role,
        department=department,
        service_point=service_point,
        first_name=first_name,
        last_name=last_name,
        email=email,
        language=language,
        # Organization admins and supervisors work in the admin; everyone else in the back office.
        is_staff=role in {Role.ORG_ADMIN, Role.SUPERVISOR},
    )
    try:
        from django.contrib.auth.password_validation import validate_password

        validate_password(password, user)
    except ValidationError as exc:
        raise DomainError.single("password", "weak_password", " ".join(exc.messages)) from exc
    user.set_password(password)
    user.save()
    if role == Role.ORG_ADMIN:
        user.groups.add(org_admin_group())
    return user


def api_token_create(*, user: User, name: str = "") -> tuple[ApiToken, str]:
    """Returns the stored token and the secret, which is never retrievable again."""
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, prefix=secret[:10], key_hash=hash_token(secret))
    return token, secret


def api_token_authenticate(*, secret: str) -> User | None:
    if not secret.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user", "user__organization")
        .filter(key_hash=hash_token(secret), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    # Touch at most once a minute so a busy integration does not write on every request.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def api_token_revoke(*, token: ApiToken) -> None:
    ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
