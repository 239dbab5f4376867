"""Per-organization triage configuration: how sure the model must be, and where each kind of case goes."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from khidma.organizations.models import Area, CaseKind, Category, Department, Organization


class TriageSettings(models.Model):
    organization = models.OneToOneField(
        Organization, on_delete=models.CASCADE, related_name="triage_settings"
    )
    # Above this confidence the suggested category is applied; below it the case waits in the triage queue.
    auto_apply_threshold = models.FloatField(_("apply the category automatically above"), default=0.6)
    duplicate_radius_m = models.PositiveIntegerField(_("duplicates within (metres)"), default=150)
    duplicate_window_days = models.PositiveIntegerField(_("duplicates within (days)"), default=7)

    class Meta:
        verbose_name = _("triage settings")
        verbose_name_plural = _("triage settings")

    def __str__(self) -> str:
        return str(self.organization)


class RoutingRule(models.Model):
    """(category, area, kind) → department, or → a partner entity the case is referred to. The most specific
    matching rule wins (area counts more than kind); without one, the category's default department."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, verbose_name=_("organization"))
    category = models.ForeignKey(Category, on_delete=models.CASCADE, verbose_name=_("category"))
    area = models.ForeignKey(Area, null=True, blank=True, on_delete=models.CASCADE, verbose_name=_("area"))
    kind = models.CharField(_("kind of case"), max_length=20, choices=CaseKind.choices, blank=True)
    department = models.ForeignKey(
        Department, null=True, blank=True, on_delete=models.CASCADE, verbose_name=_("department")
    )
    partner = models.CharField(
        _("refer to partner entity"),
        max_length=200,
        blank=True,
        help_text=_("Outside our jurisdiction: cases are referred here and the reporter is told."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")

    def __str__(self) -> str:
        target = self.partner or (self.department.name_in() if self.department_id else "")
        return f"{self.category.code} → {target}"
