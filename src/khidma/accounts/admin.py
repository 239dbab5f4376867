from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from khidma.accounts.models import AccountEvent, ApiToken, LoginLock, User
from khidma.accounts.signin import login_lock_release
from khidma.accounts.twofactor import two_factor_remove
from khidma.core.admin import OrgScopedAdmin
from khidma.core.clientip import client_ip


@admin.register(User)
class UserAdmin(OrgScopedAdmin, BaseUserAdmin):
    list_display = ("username", "first_name", "last_name", "role", "department", "is_active")
    list_filter = ("role", "is_active")
    actions = ["reset_two_step"]

    @admin.action(description=_("Turn two-step sign-in off (lost phone): they set it up again"))
    def reset_two_step(self, request, queryset):
        removed = sum(
            1 for user in queryset if two_factor_remove(user=user, by=request.user, ip=client_ip(request))
        )
        self.message_user(
            request,
            ngettext(
                "Two-step sign-in was turned off for %(count)d account.",
                "Two-step sign-in was turned off for %(count)d accounts.",
                removed,
            )
            % {"count": removed},
            messages.SUCCESS,
        )

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


class _ByUserOrganization(admin.ModelAdmin):
    """Rows about sign-in: an organization administrator sees those of their organization's accounts."""

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("user")
        if request.user.is_superuser:
            return queryset
        return queryset.filter(user__organization_id=request.user.organization_id)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(LoginLock)
class LoginLockAdmin(_ByUserOrganization):
    list_display = (
        "username",
        "user",
        "locked_at",
        "locked_until",
        "failures",
        "ip",
        "released_at",
        "released_by",
    )
    list_filter = ("locked_at",)
    search_fields = ("username",)
    readonly_fields = [f.name for f in LoginLock._meta.fields]
    actions = ["unlock"]

    def has_change_permission(self, request, obj=None):
        return False  # changed only by the unlock action, which records who unlocked

    @admin.action(description=_("Unlock the selected accounts"), permissions=["view"])
    def unlock(self, request, queryset):
        released = sum(1 for lock in queryset if login_lock_release(lock=lock, by=request.user))
        self.message_user(
            request,
            ngettext("%(count)d account was unlocked.", "%(count)d accounts were unlocked.", released)
            % {"count": released},
            messages.SUCCESS,
        )


@admin.register(AccountEvent)
class AccountEventAdmin(_ByUserOrganization):
    list_display = ("created_at", "kind", "username", "user", "actor", "ip")
    list_filter = ("kind", "created_at")
    search_fields = ("username",)
    readonly_fields = [f.name for f in AccountEvent._meta.fields]

    def has_change_permission(self, request, obj=None):
        return False
