from django.contrib import admin

from khidma.core.admin import OrgScopedAdmin
from khidma.triage.models import RoutingRule, TriageSettings


@admin.register(RoutingRule)
class RoutingRuleAdmin(OrgScopedAdmin):
    list_display = ("category", "area", "kind", "department", "partner", "is_active")
    list_filter = ("is_active", "kind")


@admin.register(TriageSettings)
class TriageSettingsAdmin(OrgScopedAdmin):
    list_display = ("organization", "auto_apply_threshold", "duplicate_radius_m", "duplicate_window_days")
