"""Service-level configuration: working calendars and the policies that give each case its targets.

The arithmetic lives in ``worktime`` (pure Python); these rows describe calendars and targets per
organization, and ``engine`` turns a Calendar row into a ``WorkCalendar``.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from khidma.organizations.models import CaseKind, Category, NamedMixin, OrgOwned

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # index = Python's weekday()


class Calendar(NamedMixin, OrgOwned):
    code = models.SlugField(_("code"), max_length=64)
    time_zone = models.CharField(_("time zone"), max_length=64, default="Asia/Riyadh")
    always_open = models.BooleanField(
        _("24/7"), default=False, help_text=_("Open every hour of every day, holidays included.")
    )
    # {"sun": [["07:30", "14:30"]], "mon": [...], ...}: several windows a day are allowed.
    windows = models.JSONField(_("weekly working windows"), default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("working calendar")
        verbose_name_plural = _("working calendars")
        constraints = [models.UniqueConstraint(fields=["organization", "code"], name="calendar_code_per_org")]


class Holiday(models.Model):
    class Kind(models.TextChoices):
        ONCE = "once", _("Once (a date range)")
        GREGORIAN = "gregorian", _("Every Gregorian year")
        HIJRI = "hijri", _("Every Hijri year (Umm al-Qura)")

    calendar = models.ForeignKey(Calendar, on_delete=models.CASCADE, related_name="holidays")
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("recurs"), max_length=10, choices=Kind.choices)
    start_date = models.DateField(_("first day"), null=True, blank=True, help_text=_("For one-off holidays."))
    end_date = models.DateField(_("last day"), null=True, blank=True, help_text=_("For one-off holidays."))
    month = models.PositiveSmallIntegerField(_("month"), null=True, blank=True)
    day = models.PositiveSmallIntegerField(_("day"), null=True, blank=True)
    days = models.PositiveSmallIntegerField(_("number of days"), default=1)

    class Meta:
        verbose_name = _("holiday")
        verbose_name_plural = _("holidays")

    def __str__(self) -> str:
        return self.name


class SlaPolicy(NamedMixin, OrgOwned):
    """Targets for the cases it matches. Conditions left empty match anything; the most specific policy
    wins (priority counts most, then category, then kind), so a policy with no condition is the default."""

    code = models.SlugField(_("code"), max_length=64)
    kind = models.CharField(_("kind of case"), max_length=20, choices=CaseKind.choices, blank=True)
    category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.CASCADE, verbose_name=_("category")
    )
    priority = models.CharField(_("priority"), max_length=10, blank=True)
    calendar = models.ForeignKey(Calendar, on_delete=models.PROTECT, verbose_name=_("calendar"))
    first_response_minutes = models.PositiveIntegerField(
        _("first response (working minutes)"), null=True, blank=True
    )
    resolution_minutes = models.PositiveIntegerField(_("resolution (working minutes)"))
    at_risk_ratio = models.FloatField(_("at risk at this share of the target"), default=0.8)
    second_escalation_minutes = models.PositiveIntegerField(
        _("second escalation, minutes after a breach"), null=True, blank=True
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("service-level policy")
        verbose_name_plural = _("service-level policies")
        constraints = [
            models.UniqueConstraint(fields=["organization", "code"], name="sla_policy_code_per_org")
        ]
        ordering = ["organization", "code"]
