"""Staff accounts: each belongs to one organization with one role, and API tokens for machines."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

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
