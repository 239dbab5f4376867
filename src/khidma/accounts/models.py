"""Staff accounts: each belongs to one organization with one role, and API tokens for machines."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from khidma.core import clock
from khidma.organizations.models import Department, Organization, ServicePoint


class Role(models.TextChoices):
    AGENT_940 = "agent_940", _("940 call-centre agent")
    COUNTER_AGENT = "counter_agent", _("Counter agent")
    FIELD_STAFF = "field_staff", _("Field staff")
    DEPARTMENT_HEAD = "department_head", _("Department head")
    FOLLOWUP = "followup", _("Follow-up unit")
    SUPERVISOR = "supervisor", _("Supervisor")
    WOMENS_SECTION = "womens_section", _("Women's section")
    RESEARCHER = "researcher", _("Social researcher")
    COMMITTEE = "committee", _("Committee member")
    ORG_ADMIN = "org_admin", _("Organization administrator")


class User(AbstractUser):
    """A member of staff. Platform operators are superusers without an organization."""

    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("organization")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)
    department = models.ForeignKey(
        Department, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("department")
    )
    # The agent's post: channel and service point of cases they create are taken from it.
    service_point = models.ForeignKey(
        ServicePoint, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("service point")
    )
    language = models.CharField(_("language"), max_length=8, default="ar")

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")


class ApiToken(models.Model):
    """A bearer token for the staff API. Only a hash is stored; the token is shown once when created."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("user")
    )
    name = models.CharField(_("name"), max_length=100, blank=True)
    prefix = models.CharField(_("prefix"), max_length=12, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"


class LoginLock(models.Model):
    """A user name locked after repeated failed sign-ins (``accounts.signin``). It ends by itself at
    ``locked_until``, or earlier when an administrator releases it. Names that belong to nobody are locked
    the same way, so a lock never tells whether an account exists."""

    username = models.CharField(_("user name"), max_length=150, db_index=True)
    user = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="login_locks",
        verbose_name=_("user"),
    )
    ip = models.GenericIPAddressField(_("last address"), null=True, blank=True)
    failures = models.PositiveIntegerField(_("failed attempts"))
    locked_at = models.DateTimeField(_("locked at"), default=clock.now)
    locked_until = models.DateTimeField(_("locked until"), db_index=True)
    released_at = models.DateTimeField(_("unlocked at"), null=True, blank=True)
    released_by = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("unlocked by"),
    )

    class Meta:
        verbose_name = _("sign-in lock")
        verbose_name_plural = _("sign-in locks")
        ordering = ["-locked_at"]

    def __str__(self) -> str:
        return f"{self.username} ({self.locked_at:%Y-%m-%d %H:%M})"

    @property
    def is_active(self) -> bool:
        return self.released_at is None and self.locked_until > clock.now()


class AccountEventKind(models.TextChoices):
    LOCKED = "locked", _("Locked after failed sign-ins")
    UNLOCKED = "unlocked", _("Unlocked by an administrator")
    ADDRESS_SLOWED = "address_slowed", _("Sign-ins from an address slowed down")
    TWO_FACTOR_ON = "two_factor_on", _("Two-step sign-in turned on")
    TWO_FACTOR_OFF = "two_factor_off", _("Two-step sign-in turned off")


class AccountEvent(models.Model):
    """Append-only audit of staff sign-in security: locks, unlocks, two-step sign-in changes."""

    kind = models.CharField(_("event"), max_length=20, choices=AccountEventKind.choices)
    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("account")
    )
    username = models.CharField(_("user name"), max_length=150, blank=True)
    actor = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("done by")
    )
    ip = models.GenericIPAddressField(_("address"), null=True, blank=True)
    created_at = models.DateTimeField(_("when"), default=clock.now, db_index=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("sign-in security event")
        verbose_name_plural = _("sign-in security events")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.username}"
