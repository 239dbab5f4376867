from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from khidma.accounts.models import ApiToken, User
from khidma.core.admin import OrgScopedAdmin


@admin.register(User)
class UserAdmin(OrgScopedAdmin, BaseUserAdmin):
    list_display = ("username", "first_name", "last_name", "role", "department", "is_active")
    list_filter = ("role", "is_active")
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (_("Khidma"), {"fields": ("organization", "role", "department", "service_point", "language")}),
    )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            return fieldsets
        # Organization admins manage their staff, not platform-wide flags or their own organization field.
        hidden = {"organization", "is_superuser", "user_permissions", "groups"}
        return [
            (title, {**opts, "fields": tuple(f for f in opts["fields"] if f not in hidden)})
            for title, opts in fieldsets
        ]


@admin.register(ApiToken)
class ApiTokenAdmin(OrgScopedAdmin):
    org_field = "user__organization"
    list_display = ("prefix", "user", "name", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("prefix", "user", "created_at", "last_used_at")
    exclude = ("key_hash",)

    def get_queryset(self, request):
        queryset = admin.ModelAdmin.get_queryset(self, request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(user__organization_id=request.user.organization_id)

    def get_exclude(self, request, obj=None):
        return ("key_hash",)

    def has_add_permission(self, request):
        return False  # tokens are created with `khidma create-token`, which shows the secret once
